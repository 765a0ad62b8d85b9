package dev.sitrep.ui.shell;

import dev.sitrep.core.IncidentId;
import dev.sitrep.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:37:05Z"));
    private final ShellViewModel model = new ShellViewModel(clock, ZoneId.of("Europe/Berlin"), "/data", "maria");

    @Test
    void ctrlDigitsShowTheSidebarPagesInOrder() {
        model.showNumber(2);
        assertThat(model.pageProperty().get()).isEqualTo(Page.TRIAGE);
        model.showNumber(6);
        assertThat(model.pageProperty().get()).isEqualTo(Page.SETTINGS);
        model.showNumber(7);
        assertThat(model.pageProperty().get()).as("7 is not a sidebar page").isEqualTo(Page.SETTINGS);
    }

    @Test
    void openingAnIncidentAndEscapeGoBackToTheBoard() {
        IncidentId id = IncidentId.parse("INC-20261122-1432-7QF2");
        model.openIncident(id);
        assertThat(model.pageProperty().get()).isEqualTo(Page.INCIDENT);
        model.back();
        assertThat(model.pageProperty().get()).isEqualTo(Page.BOARD);
        assertThat(model.openIncidentProperty().get()).isEqualTo(id);
    }

    @Test
    void theIncidentPageNeedsAnIncident() {
        model.show(Page.INCIDENT);
        assertThat(model.pageProperty().get()).isEqualTo(Page.BOARD);
    }

    @Test
    void clocksShowUtcAndLocalWithTheDate() {
        assertThat(model.utcClockProperty().get()).isEqualTo("14:37 UTC");
        assertThat(model.localClockProperty().get()).isEqualTo("15:37 CET · Sun 22 Nov");
        clock.advance(Duration.ofMinutes(30));
        model.tick();
        assertThat(model.utcClockProperty().get()).isEqualTo("15:07 UTC");
    }

    @Test
    void aUtcMachineShowsOnlyTheDateBesideTheUtcClock() {
        ShellViewModel utc = new ShellViewModel(clock, ZoneOffset.UTC, "/data", "maria");
        assertThat(utc.localClockProperty().get()).isEqualTo("Sun 22 Nov");
    }

    @Test
    void comingPagesSayWhatTheyWillDo() {
        assertThat(Page.TRIAGE.comingNext()).contains("severity");
        assertThat(Page.BOARD.comingNext()).isNull();
    }
}
