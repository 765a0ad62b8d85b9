package dev.sitrep.runbook;

import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;

/**
 * Carries a severity from a runbook's scale to the workspace's by position on the shared ramp,
 * never to a milder level: SEV0 on the five-level scale becomes SEV1 on the four-level one and
 * P0 on the priority scale; SEV2 becomes SEV2 and P1.
 */
public final class SeverityMapping {

    private SeverityMapping() {
    }

    /** The mildest level of {@code to} that is at least as severe as {@code level}; the top level when none is. */
    public static SeverityLevel onto(SeverityLevel level, SeverityScale to) {
        SeverityLevel best = null;
        for (SeverityLevel candidate : to.levels()) {
            if (candidate.ramp() <= level.ramp() && (best == null || candidate.ramp() > best.ramp())) {
                best = candidate;
            }
        }
        return best != null ? best : to.levels().get(0);
    }
}
