package dev.sitrep.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.sitrep.core.IncidentStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentStatusTest {

    @Test
    void workingStatusesMoveFreelyIncludingBackwards() {
        assertThatCode(() -> MONITORING.checkCanMoveTo(INVESTIGATING)).doesNotThrowAnyException();
        assertThatCode(() -> INVESTIGATING.checkCanMoveTo(MONITORING)).doesNotThrowAnyException();
    }

    @Test
    void workingStatusesCanResolveDeclineOrMerge() {
        assertThat(IDENTIFIED.next()).contains(RESOLVED, DECLINED, MERGED).doesNotContain(CLOSED, IDENTIFIED);
    }

    @Test
    void resolvedCanBeReopenedOrClosed() {
        assertThat(RESOLVED.next()).contains(INVESTIGATING, CLOSED).doesNotContain(DECLINED, MERGED);
    }

    @Test
    void closingAWorkingIncidentIsRefusedAndTheMessageSaysWhatIsAllowed() {
        assertThatThrownBy(() -> MITIGATING.checkCanMoveTo(CLOSED))
                .hasMessageContaining("Cannot move from mitigating to closed").hasMessageContaining("resolved");
    }

    @ParameterizedTest
    @EnumSource(names = {"CLOSED", "DECLINED", "MERGED"})
    void finalStatusesCannotChange(IncidentStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(status.next()).isEmpty();
        assertThatThrownBy(() -> status.checkCanMoveTo(INVESTIGATING)).hasMessageContaining("cannot change status");
    }

    @Test
    void theSameStatusIsNotAnError() {
        assertThatCode(() -> CLOSED.checkCanMoveTo(CLOSED)).doesNotThrowAnyException();
    }

    @Test
    void parseAcceptsAnyCaseAndListsTheStatusesWhenUnknown() {
        assertThat(IncidentStatus.parse(" Mitigating ")).isEqualTo(MITIGATING);
        assertThatThrownBy(() -> IncidentStatus.parse("fixed")).hasMessageContaining("investigating, identified");
    }

    @Test
    void onlyWorkingStatusesAreActive() {
        assertThat(MONITORING.isActive()).isTrue();
        assertThat(RESOLVED.isActive()).isFalse();
    }
}
