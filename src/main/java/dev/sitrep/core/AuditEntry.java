package dev.sitrep.core;

import java.time.Instant;

/**
 * One entry of the audit trail: who did what to which platform, when and why, chained to the
 * entry before it by {@code prevHash}.
 *
 * @param action   ACTIVATED (halt), RESET (resume), CONTAINED, FAILED, UNKNOWN (a halt or resume whose outcome
 *                 could not be read back yet; a later entry says what it was), ESCALATED
 * @param detail   the error of a failed attempt, a resume's summary and checklist, ...
 */
public record AuditEntry(long seq, String id, Instant at, String action, String platform, String actor, String reason,
                         String approver, String detail, String incidentId, String prevHash, String hash) {

    public static final String ACTIVATED = "ACTIVATED";
    public static final String RESET = "RESET";
    public static final String CONTAINED = "CONTAINED";
    public static final String FAILED = "FAILED";
    public static final String UNKNOWN = "UNKNOWN";
    public static final String ESCALATED = "ESCALATED";
    public static final String GENESIS = "0".repeat(64);
}
