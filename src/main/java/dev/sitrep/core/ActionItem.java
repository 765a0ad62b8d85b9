package dev.sitrep.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A follow-up from a postmortem: what will be done, by whom, by when, and how far it got.
 *
 * @param due     the day it is due (the owner's calendar day), or {@code null} when not agreed yet
 * @param version rises with every change (for sync's conflict detection)
 */
public record ActionItem(String id, IncidentId incident, String action, String owner, LocalDate due, Status status,
                         Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {

    /** How far an action item got. */
    public enum Status {
        OPEN("open"), IN_PROGRESS("in progress"), DONE("done"), WONT_DO("won't do");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Done or won't do: nothing more will happen. */
        public boolean finished() {
            return this == DONE || this == WONT_DO;
        }

        public static Status parse(String text) {
            String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')
                    .replace("'", "");
            return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> SitrepException.invalid("Unknown action item status " + Limits.quote(text) + "; use one of "
                            + Arrays.stream(values()).map(Status::key).collect(Collectors.joining(", ")) + "."));
        }
    }

    /** Not finished and past its due day. */
    public boolean overdue(LocalDate today) {
        return !status.finished() && due != null && due.isBefore(today);
    }
}
