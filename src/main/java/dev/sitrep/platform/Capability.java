package dev.sitrep.platform;

import java.util.Locale;

/** What a platform can do through Sitrep; the UI and CLI offer only what a connector declares. */
public enum Capability {
    HEALTH("health checks"),
    KILL_SWITCH_STATUS("read the kill-switch state"),
    KILL_SWITCH_HALT("halt automation"),
    KILL_SWITCH_RESUME("resume automation"),
    KILL_SWITCH_EVENTS("kill-switch history"),
    RESTORE_PREVIEW("preview what a resume restores"),
    CONTAINMENT("containment actions"),
    INCIDENT_RECORDS("incident records"),
    PLATFORM_EVENTS("platform events");

    private final String label;

    Capability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
