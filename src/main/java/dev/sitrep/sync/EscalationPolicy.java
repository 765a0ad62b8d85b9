package dev.sitrep.sync;

import dev.sitrep.core.Escalation.Level;
import dev.sitrep.core.PlatformProfile.Environment;

import java.util.List;

/**
 * When a platform's health checks should make Sitrep propose the kill switch, and past that a
 * rollback (BRIEF's monitor thresholds). Per environment: production escalates on 1 failed
 * check and proposes a rollback above a 15% error rate, staging on 2 in a row and 25%,
 * development on 3 and 50%; a rollback also needs at least 3 failures in the last 5 checks.
 * A check fails when the platform cannot be reached or says it is unhealthy; the error rate is
 * the failed share of the last checks (none of the platforms' contracts gives a figure of its
 * own). Sitrep proposes; it never rolls back, and halts by itself only where the profile opted in.
 */
public final class EscalationPolicy {

    /** The decision and the words for the banner and the audit. */
    public record Decision(Level level, String why) {
        static final Decision NONE = new Decision(Level.NONE, null);
    }

    static final int WINDOW = 5;

    private EscalationPolicy() {
    }

    /** Consecutive failed checks that escalate in this environment. */
    static int failuresToEscalate(Environment e) {
        return switch (e) {
            case PRODUCTION -> 1;
            case STAGING -> 2;
            case DEVELOPMENT -> 3;
        };
    }

    /** The error rate (failed share of the window) above which a rollback is proposed. */
    static double rollbackRate(Environment e) {
        return switch (e) {
            case PRODUCTION -> 0.15;
            case STAGING -> 0.25;
            case DEVELOPMENT -> 0.50;
        };
    }

    /**
     * @param checks the latest health checks, oldest first: {@code true} for a passed one
     */
    public static Decision decide(Environment environment, List<Boolean> checks) {
        if (checks.isEmpty()) {
            return Decision.NONE;
        }
        List<Boolean> window = checks.subList(Math.max(0, checks.size() - WINDOW), checks.size());
        long failed = window.stream().filter(ok -> !ok).count();
        double rate = failed / (double) window.size();
        int streak = 0;
        for (int i = checks.size() - 1; i >= 0 && !checks.get(i); i--) {
            streak++;
        }
        if (failed >= 3 && rate > rollbackRate(environment)) {
            return new Decision(Level.ROLLBACK, failed + " of the last " + window.size() + " health checks failed ("
                    + Math.round(rate * 100) + "%, above " + Math.round(rollbackRate(environment) * 100) + "% for "
                    + environment.key() + "): halt, and consider rolling back the last change");
        }
        if (streak >= failuresToEscalate(environment)) {
            return new Decision(Level.KILL_SWITCH, streak + " failed health check" + (streak == 1 ? "" : "s")
                    + " in a row on " + environment.key() + ": consider the kill switch");
        }
        return Decision.NONE;
    }
}
