package dev.sitrep.core;

import java.time.Instant;
import java.util.Locale;

/**
 * A platform's health has crossed a threshold: Sitrep proposes the kill switch, or past the
 * rollback threshold a rollback too. A proposal, never an action (unless the profile opted in to
 * an automatic halt).
 *
 * @param why   the words for the banner, the audit trail and the timelines
 * @param since when the platform first reached this level
 */
public record Escalation(Level level, String why, Instant since) {

    /** What to propose, from nothing to the most. */
    public enum Level {
        NONE, KILL_SWITCH, ROLLBACK;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The stored key back; unknown or empty is {@link #NONE}. */
        public static Level parse(String key) {
            for (Level l : values()) {
                if (l.key().equals(key)) {
                    return l;
                }
            }
            return NONE;
        }
    }
}
