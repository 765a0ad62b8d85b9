package dev.sitrep.core;

import java.util.Map;

/**
 * Carries a severity level from one shipped scale to another by what the levels mean, never to a
 * milder level. Each level is placed on the step of the five-level scale whose definition (criteria,
 * response and update targets in {@link SeverityScales}) it agrees with; a level goes to the mildest
 * level of the other scale that is at least as severe in meaning. Where no level agrees exactly, that
 * is the more severe one. The table, as it follows from the definitions:
 * <pre>
 * SEV0..SEV4 -> P0..P3 / SEV1..SEV4:  SEV0 -> P0/SEV1, SEV1 -> P0/SEV1, SEV2 -> P1/SEV2, SEV3 -> P2/SEV3, SEV4 -> P3/SEV4
 * P0..P3 / SEV1..SEV4 -> SEV0..SEV4:  P0/SEV1 -> SEV0, P1/SEV2 -> SEV2, P2/SEV3 -> SEV3, P3/SEV4 -> SEV4
 * P0..P3 <-> SEV1..SEV4:              same definitions, so P0 <-> SEV1, P1 <-> SEV2, P2 <-> SEV3, P3 <-> SEV4
 * </pre>
 * Why SEV1 (five-level) becomes P0 and not P1: SEV1 is "a major feature is down; many users are hit",
 * respond within 5 min and update every 15 min. P0 ("customers see an outage, ...") has the same 5 min
 * and 15 min targets and its outage covers a major feature that is down. P1 ("significant
 * degradation") answers in 15 min and updates every 30 min: milder on both, and a feature that is
 * down is more than degraded. No level agrees exactly, so the never-milder one is taken. The reverse
 * is not by rank: P0 names data loss and breaches, which are SEV0's words, so P0 becomes SEV0, not SEV1.
 */
public final class SeverityMapping {

    /** Each shipped level's meaning as a step of the five-level scale (0 = SEV0's definition). */
    private static final Map<String, Integer> MEANING = Map.ofEntries(
            Map.entry(key(SeverityScales.FIVE_LEVEL, "SEV0"), 0),
            Map.entry(key(SeverityScales.FIVE_LEVEL, "SEV1"), 1),
            Map.entry(key(SeverityScales.FIVE_LEVEL, "SEV2"), 2),
            Map.entry(key(SeverityScales.FIVE_LEVEL, "SEV3"), 3),
            Map.entry(key(SeverityScales.FIVE_LEVEL, "SEV4"), 4),
            // "Customers see an outage, data is being lost, or a breach is active": SEV0's data loss and breach
            Map.entry(key(SeverityScales.FOUR_LEVEL, "SEV1"), 0),
            Map.entry(key(SeverityScales.PRIORITY, "P0"), 0),
            // "Significant degradation, ... one tenant hit", 15 min / every 30 min: SEV2's degradation and targets
            Map.entry(key(SeverityScales.FOUR_LEVEL, "SEV2"), 2),
            Map.entry(key(SeverityScales.PRIORITY, "P1"), 2),
            // "Recoverable degradation, one user, or an internal-only outage", 1 hour: SEV3's minor problem and targets
            Map.entry(key(SeverityScales.FOUR_LEVEL, "SEV3"), 3),
            Map.entry(key(SeverityScales.PRIORITY, "P2"), 3),
            // "Minor regression or cosmetic; no customer impact": SEV4's cosmetic, no scheduled updates
            Map.entry(key(SeverityScales.FOUR_LEVEL, "SEV4"), 4),
            Map.entry(key(SeverityScales.PRIORITY, "P3"), 4));

    private SeverityMapping() {
    }

    private static String key(SeverityScale scale, String code) {
        return scale.id() + "/" + code;
    }

    /** The level of {@code to} that {@code code} on {@code from} means; a refusal when {@code code} is not on {@code from}. */
    public static SeverityLevel onto(SeverityScale from, String code, SeverityScale to) {
        return onto(from, from.level(code), to);
    }

    /** The mildest level of {@code to} at least as severe in meaning as {@code level} of {@code from}. */
    public static SeverityLevel onto(SeverityScale from, SeverityLevel level, SeverityScale to) {
        int meaning = meaning(from, level);
        SeverityLevel best = to.levels().get(0);
        for (SeverityLevel candidate : to.levels()) {
            if (meaning(to, candidate) <= meaning) {
                best = candidate;
            }
        }
        return best;
    }

    private static int meaning(SeverityScale scale, SeverityLevel level) {
        Integer step = MEANING.get(key(scale, level.code()));
        if (step == null) {
            throw new IllegalArgumentException(level.code() + " on " + scale.id() + " has no meaning in the table");
        }
        return step;
    }
}
