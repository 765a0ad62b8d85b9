package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityScalesTest {

    @Test
    void fiveLevelScaleDefaultsToSev2AndRunsSev0ToSev4() {
        SeverityScale scale = SeverityScales.FIVE_LEVEL;
        assertThat(scale.defaultSeverity().code()).isEqualTo("SEV2");
        assertThat(scale.codes()).isEqualTo("SEV0, SEV1, SEV2, SEV3, SEV4");
    }

    @Test
    void levelsCarryTheRunbookTargetsAndCadences() {
        SeverityScale scale = SeverityScales.FIVE_LEVEL;
        assertThat(scale.level("SEV0").acknowledgeTarget()).contains(Duration.ZERO);
        assertThat(scale.level("SEV1").acknowledgeTarget()).contains(Duration.ofMinutes(5));
        assertThat(scale.level("SEV1").updateCadence()).contains(Duration.ofMinutes(15));
        assertThat(scale.level("SEV2").updateCadence()).contains(Duration.ofMinutes(30));
        assertThat(scale.level("SEV3").updateCadence()).contains(Duration.ofHours(1));
        assertThat(scale.level("SEV4").acknowledgeTarget()).isEmpty();
    }

    @Test
    void priorityScaleTakesTheTargetsOfSev1ToSev4() {
        for (int i = 0; i < 4; i++) {
            SeverityLevel p = SeverityScales.PRIORITY.levels().get(i);
            SeverityLevel sev = SeverityScales.FOUR_LEVEL.levels().get(i);
            assertThat(p.respondWithin()).isEqualTo(sev.respondWithin());
            assertThat(p.ramp()).isEqualTo(sev.ramp());
        }
        assertThat(SeverityScales.PRIORITY.defaultSeverity().code()).isEqualTo("P1");
    }

    @Test
    void codesMatchIgnoringCase() {
        assertThat(SeverityScales.FIVE_LEVEL.level(" sev1 ").code()).isEqualTo("SEV1");
    }

    @Test
    void unknownSeverityListsTheValidOnes() {
        assertThatThrownBy(() -> SeverityScales.FIVE_LEVEL.level("SEV9"))
                .isInstanceOf(SitrepException.class)
                .hasMessageContaining("SEV9").hasMessageContaining("SEV0, SEV1, SEV2, SEV3, SEV4")
                .extracting(e -> ((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.INVALID_INPUT);
    }

    @Test
    void rankPutsTheMostSevereFirst() {
        assertThat(SeverityScales.FIVE_LEVEL.rank("SEV0")).isLessThan(SeverityScales.FIVE_LEVEL.rank("SEV3"));
    }

    @Test
    void scalesAreFoundById() {
        assertThat(SeverityScales.byId("p4")).isSameAs(SeverityScales.PRIORITY);
        assertThatThrownBy(() -> SeverityScales.byId("sev7")).hasMessageContaining("sev5, sev4, p4");
    }
}
