package dev.sitrep.core;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One piece of evidence on an incident: what it is, its SHA-256 taken while it was stored, who
 * captured it when and from where. The bytes never change; a removal only marks it.
 *
 * @param source      where it came from: a path, a URL, a screen
 * @param derivedFrom the item this one was made from (a redacted copy), or {@code null}
 * @param removedAt   when it was marked removed, or {@code null}
 */
public record EvidenceItem(String id, IncidentId incident, Kind kind, String name, long size, String mediaType,
                           String sha256, Instant capturedAt, String capturedBy, String source, String description,
                           List<String> tags, String derivedFrom, Instant removedAt, String removedBy,
                           String removedReason) {

    /** What was captured. */
    public enum Kind {
        FILE, IMAGE, TEXT, NOTE, SCREENSHOT, ENDPOINT, COMMAND_OUTPUT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }

    public EvidenceItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean removed() {
        return removedAt != null;
    }
}
