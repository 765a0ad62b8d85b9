package dev.sitrep.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One entry on an incident's timeline. Entries are never changed or removed: a correction is a
 * new entry that {@code supersedes} the old one, and the old one stays in the history.
 *
 * @param id         unique across consoles (a random UUID), so timelines merge without loss
 * @param occurredAt when it happened, which may be before it was written down
 * @param recordedAt when Sitrep wrote it down; never changes
 * @param supersedes the id of the entry this one corrects, or {@code null}
 * @param data       structured detail (from/to, reason, confidence), string keys and values
 */
public record TimelineEvent(String id, IncidentId incidentId, EventType type, String text, String actor,
                            Instant occurredAt, Instant recordedAt, String supersedes, Map<String, String> data) {

    public TimelineEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public Optional<String> datum(String key) {
        return Optional.ofNullable(data.get(key));
    }
}
