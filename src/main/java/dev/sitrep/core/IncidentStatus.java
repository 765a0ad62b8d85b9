package dev.sitrep.core;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an incident is in its life. The four working statuses move freely among themselves
 * (an investigation can go back a step); resolved can be reopened or closed; closed, declined
 * and merged are final.
 */
public enum IncidentStatus {
    INVESTIGATING, IDENTIFIED, MITIGATING, MONITORING, RESOLVED, CLOSED, DECLINED, MERGED;

    private static final Set<IncidentStatus> WORKING = EnumSet.of(INVESTIGATING, IDENTIFIED, MITIGATING, MONITORING);

    /** The word used on screen, in the CLI and in JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Still being worked: shown on the board by default. */
    public boolean isActive() {
        return WORKING.contains(this);
    }

    /** No further status change is possible. */
    public boolean isFinal() {
        return this == CLOSED || this == DECLINED || this == MERGED;
    }

    /** The statuses this one may change to (not including itself). */
    public Set<IncidentStatus> next() {
        if (isActive()) {
            Set<IncidentStatus> next = EnumSet.of(INVESTIGATING, IDENTIFIED, MITIGATING, MONITORING, RESOLVED, DECLINED, MERGED);
            next.remove(this);
            return next;
        }
        if (this == RESOLVED) {
            return EnumSet.of(INVESTIGATING, IDENTIFIED, MITIGATING, MONITORING, CLOSED);
        }
        return EnumSet.noneOf(IncidentStatus.class);
    }

    /** Refuses a change this status does not allow, saying what is allowed instead. */
    public void checkCanMoveTo(IncidentStatus target) {
        if (target == this || next().contains(target)) {
            return;
        }
        if (isFinal()) {
            throw SitrepException.invalid("The incident is " + key() + "; a " + key()
                    + " incident cannot change status. Declare a new incident and mention this one.");
        }
        throw SitrepException.invalid("Cannot move from " + key() + " to " + target.key() + "; from "
                + key() + " the next status is one of " + keys(next()) + ".");
    }

    public static IncidentStatus parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst()
                .orElseThrow(() -> SitrepException.invalid("Unknown status " + Limits.quote(text) + "; use one of "
                        + keys(EnumSet.allOf(IncidentStatus.class)) + "."));
    }

    static String keys(Set<IncidentStatus> statuses) {
        return statuses.stream().map(IncidentStatus::key).collect(Collectors.joining(", "));
    }
}
