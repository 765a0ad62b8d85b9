package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeverityMappingTest {

    private static String map(String code, String from, String to) {
        return SeverityMapping.onto(SeverityScales.byId(from), code, SeverityScales.byId(to)).code();
    }

    /** Every level of {@code from} and where it lands on {@code to}, in order. */
    private static Map<String, String> table(SeverityScale from, SeverityScale to) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SeverityLevel level : from.levels()) {
            out.put(level.code(), SeverityMapping.onto(from, level, to).code());
        }
        return out;
    }

    @Test
    void theTopOfTheFiveLevelScaleBecomesTheTopOfTheShorterScales() {
        assertThat(map("SEV0", "sev5", "sev4")).isEqualTo("SEV1");
        assertThat(map("SEV0", "sev5", "p4")).isEqualTo("P0");
    }

    @Test
    void levelsKeepTheirMeaning() {
        assertThat(map("SEV2", "sev5", "p4")).isEqualTo("P1");
        assertThat(map("SEV4", "sev5", "sev4")).isEqualTo("SEV4");
        assertThat(map("P2", "p4", "sev5")).isEqualTo("SEV3");
        // was SEV1 by rank: the four-level SEV1 is "data is being lost, or a breach is active", SEV0's words
        assertThat(map("SEV1", "sev4", "sev5")).isEqualTo("SEV0");
    }

    @Test
    void everyPairOfScalesInBothDirections() {
        SeverityScale five = SeverityScales.FIVE_LEVEL;
        SeverityScale four = SeverityScales.FOUR_LEVEL;
        SeverityScale p = SeverityScales.PRIORITY;
        assertThat(table(five, p)).containsExactly(Map.entry("SEV0", "P0"), Map.entry("SEV1", "P0"),
                Map.entry("SEV2", "P1"), Map.entry("SEV3", "P2"), Map.entry("SEV4", "P3"));
        assertThat(table(p, five)).containsExactly(Map.entry("P0", "SEV0"), Map.entry("P1", "SEV2"),
                Map.entry("P2", "SEV3"), Map.entry("P3", "SEV4"));
        assertThat(table(five, four)).containsExactly(Map.entry("SEV0", "SEV1"), Map.entry("SEV1", "SEV1"),
                Map.entry("SEV2", "SEV2"), Map.entry("SEV3", "SEV3"), Map.entry("SEV4", "SEV4"));
        assertThat(table(four, five)).containsExactly(Map.entry("SEV1", "SEV0"), Map.entry("SEV2", "SEV2"),
                Map.entry("SEV3", "SEV3"), Map.entry("SEV4", "SEV4"));
        assertThat(table(four, p)).containsExactly(Map.entry("SEV1", "P0"), Map.entry("SEV2", "P1"),
                Map.entry("SEV3", "P2"), Map.entry("SEV4", "P3"));
        assertThat(table(p, four)).containsExactly(Map.entry("P0", "SEV1"), Map.entry("P1", "SEV2"),
                Map.entry("P2", "SEV3"), Map.entry("P3", "SEV4"));
        for (SeverityScale s : SeverityScales.ALL) {
            assertThat(table(s, s).entrySet()).allSatisfy(e -> assertThat(e.getValue()).isEqualTo(e.getKey()));
        }
    }

    /** Slower than {@code b}: a later response or update target; best effort (null) is the slowest. */
    private static boolean slower(Duration a, Duration b) {
        return b != null && (a == null || a.compareTo(b) > 0);
    }

    @Test
    void belowTheTopNoLevelIsCarriedToAMilderResponseOrUpdateTarget() {
        for (SeverityScale from : SeverityScales.ALL) {
            for (SeverityScale to : SeverityScales.ALL) {
                for (SeverityLevel level : from.levels()) {
                    SeverityLevel mapped = SeverityMapping.onto(from, level, to);
                    if (mapped.equals(to.levels().get(0))) {
                        continue; // nothing is more severe than the top (SEV0 responds at once, P0 in 5 min)
                    }
                    assertThat(slower(mapped.respondWithin(), level.respondWithin()))
                            .as("%s on %s -> %s on %s responds later", level.code(), from.id(), mapped.code(), to.id())
                            .isFalse();
                    assertThat(slower(mapped.updateEvery(), level.updateEvery()))
                            .as("%s on %s -> %s on %s updates less often", level.code(), from.id(), mapped.code(), to.id())
                            .isFalse();
                }
            }
        }
    }

    /**
     * SEV1 is "a major feature is down; many users are hit": respond in 5 min, update every 15 min.
     * It becomes P0 (the all-hands level) only because the definitions say so: P0 keeps those targets
     * and its "customers see an outage" covers a major feature that is down, while P1, the next
     * milder, answers in 15 min and updates every 30 min. If P1 ever kept SEV1's targets, SEV1 would
     * have to go to P1 and this test says so.
     */
    @Test
    void sev1BecomesTheAllHandsLevelOnlyBecauseTheNextMilderWouldSlowTheResponse() {
        SeverityLevel sev1 = SeverityScales.FIVE_LEVEL.level("SEV1");
        SeverityLevel p0 = SeverityScales.PRIORITY.level("P0");
        SeverityLevel p1 = SeverityScales.PRIORITY.level("P1");
        assertThat(p1.respondWithin()).isGreaterThan(sev1.respondWithin());
        assertThat(p1.updateEvery()).isGreaterThan(sev1.updateEvery());
        assertThat(p0.respondWithin()).isEqualTo(sev1.respondWithin());
        assertThat(p0.updateEvery()).isEqualTo(sev1.updateEvery());
        assertThat(SeverityMapping.onto(SeverityScales.FIVE_LEVEL, sev1, SeverityScales.PRIORITY)).isEqualTo(p0);
        assertThat(SeverityMapping.onto(SeverityScales.FIVE_LEVEL, sev1, SeverityScales.FOUR_LEVEL).code()).isEqualTo("SEV1");
        // and the way back is not SEV1 again: P0 names data loss and breaches, which only SEV0 does
        assertThat(SeverityMapping.onto(SeverityScales.PRIORITY, p0, SeverityScales.FIVE_LEVEL).code()).isEqualTo("SEV0");
    }
}
