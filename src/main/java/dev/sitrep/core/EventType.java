package dev.sitrep.core;

import java.util.Locale;

/** What a timeline entry records. */
public enum EventType {
    DECLARED, NOTE, STATUS_CHANGE, SEVERITY_CHANGE, ROLE_CHANGE, MILESTONE, HYPOTHESIS, ACTION,
    KILL_SWITCH, EVIDENCE, PLATFORM_EVENT, IMPACT, TRIAGE, CHECKLIST, STATUS_UPDATE;

    /** The word used in JSON and the CLI ("status_change"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
