package dev.sitrep.runbook;

import dev.sitrep.core.SeverityScales;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityMappingTest {

    private static String map(String code, String from, String to) {
        return SeverityMapping.onto(SeverityScales.byId(from).level(code), SeverityScales.byId(to)).code();
    }

    @Test
    void theTopOfTheFiveLevelScaleBecomesTheTopOfTheShorterScales() {
        assertThat(map("SEV0", "sev5", "sev4")).isEqualTo("SEV1");
        assertThat(map("SEV0", "sev5", "p4")).isEqualTo("P0");
    }

    @Test
    void levelsKeepTheirPlaceOnTheSharedRamp() {
        assertThat(map("SEV2", "sev5", "p4")).isEqualTo("P1");
        assertThat(map("SEV4", "sev5", "sev4")).isEqualTo("SEV4");
        assertThat(map("P2", "p4", "sev5")).isEqualTo("SEV3");
        assertThat(map("SEV1", "sev4", "sev5")).isEqualTo("SEV1");
    }
}
