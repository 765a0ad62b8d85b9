package dev.sitrep.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The moments a postmortem's timeline marks, in the order they happen. */
public enum PostmortemMilestone {
    FIRST_SYMPTOM("first symptom"),
    ALERT_FIRED("alert fired"),
    ACKNOWLEDGED("acknowledged"),
    ROOT_CAUSE_IDENTIFIED("root cause identified"),
    REMEDIATION_APPLIED("remediation applied"),
    ALL_CLEAR("all-clear");

    private final String label;

    PostmortemMilestone(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostmortemMilestone parse(String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(m -> m.name().equals(wanted)).findFirst()
                .orElseThrow(() -> SitrepException.invalid("Unknown postmortem milestone " + Limits.quote(text) + "; use one of "
                        + Arrays.stream(values()).map(PostmortemMilestone::key).collect(Collectors.joining(", ")) + "."));
    }
}
