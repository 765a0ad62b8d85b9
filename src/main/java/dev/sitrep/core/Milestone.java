package dev.sitrep.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The moments every incident is measured by. */
public enum Milestone {
    DETECTED("detected"),
    ACKNOWLEDGED("acknowledged"),
    FIRST_COMMUNICATION("first communication"),
    MITIGATED("mitigated"),
    RESOLVED("resolved");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The word used in the CLI and in JSON ("first_communication"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Milestone parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(m -> m.name().equals(wanted)).findFirst()
                .orElseThrow(() -> SitrepException.invalid("Unknown milestone " + Limits.quote(text) + "; use one of "
                        + Arrays.stream(values()).map(Milestone::key).collect(Collectors.joining(", ")) + "."));
    }
}
