package dev.sitrep.hub;

import java.util.Locale;

/**
 * What a person may do through the hub. Each role may do everything the one before it may:
 * viewers read; responders also write incidents, timelines, evidence and action items, and halt;
 * commanders also publish postmortems and resume (the gated, approved action).
 */
public enum Role {
    VIEWER, RESPONDER, COMMANDER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayDo(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role named {@code key}, or {@code null}. */
    public static Role of(String key) {
        for (Role r : values()) {
            if (r.key().equals(key)) {
                return r;
            }
        }
        return null;
    }
}
