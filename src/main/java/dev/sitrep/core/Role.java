package dev.sitrep.core;

import java.util.Locale;

/** The incident roles; responders are many, the others one person each. */
public enum Role {
    COMMANDER("commander"), SCRIBE("scribe"), COMMS_LEAD("communications lead"), RESPONDER("responder");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
