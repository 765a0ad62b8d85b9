package dev.sitrep.store;

import dev.sitrep.core.EventType;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Json;
import dev.sitrep.core.TimelineEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Timeline events: append-only. There is no update or delete here, and a database trigger refuses
 * both, so history cannot be rewritten; corrections are new events that supersede old ones.
 */
public final class TimelineRepository {

    /** How many incidents one timeline query asks for at most. */
    private static final int CHUNK = 200;

    private static final String COLUMNS = "id, incident_id, type, text, actor, occurred_at, recorded_at, supersedes, data";

    private static final String LATEST = "MAX(e.occurred_at) AS latest";
    private static final String NOT_SUPERSEDED =
            " AND NOT EXISTS (SELECT 1 FROM timeline_event s WHERE s.supersedes = e.id)";

    private final Connection connection;

    TimelineRepository(Connection connection) {
        this.connection = connection;
    }

    /** Appends events in one batch. */
    public void append(List<TimelineEvent> events) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO timeline_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (TimelineEvent e : events) {
                ps.setString(1, e.id());
                ps.setString(2, e.incidentId().value());
                ps.setString(3, e.type().name());
                ps.setString(4, e.text());
                ps.setString(5, e.actor());
                Sql.setInstant(ps, 6, e.occurredAt());
                Sql.setInstant(ps, 7, e.recordedAt());
                ps.setString(8, e.supersedes());
                ps.setString(9, e.data().isEmpty() ? null : Json.write(e.data()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every event of the incident, superseded ones included, in order of occurrence. */
    public List<TimelineEvent> forIncident(IncidentId id) throws SQLException {
        return forIncidents(List.of(id)).getOrDefault(id, List.of());
    }

    /**
     * Events of several incidents, grouped by incident, each list in order of occurrence. Asked
     * {@value #CHUNK} incidents at a time: H2 slows down badly on one query over thousands.
     */
    public Map<IncidentId, List<TimelineEvent>> forIncidents(Collection<IncidentId> ids) throws SQLException {
        Map<IncidentId, List<TimelineEvent>> out = new LinkedHashMap<>();
        List<IncidentId> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            readInto(out, all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private void readInto(Map<IncidentId, List<TimelineEvent>> out, List<IncidentId> ids) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM timeline_event "
                + "WHERE incident_id IN (SELECT * FROM UNNEST(CAST(? AS VARCHAR ARRAY))) ORDER BY incident_id, occurred_at, recorded_at, seq")) {
            ps.setObject(1, ids.stream().map(IncidentId::value).toArray(String[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TimelineEvent e = map(rs);
                    out.computeIfAbsent(e.incidentId(), k -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    /**
     * When the latest entry of {@code type} on the incident happened (by occurredAt; an entry a
     * correction replaced does not count, its correction does).
     */
    public Optional<Instant> latestOccurred(IncidentId id, EventType type) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + LATEST + " FROM timeline_event e "
                + "WHERE e.incident_id = ? AND e.type = ?" + NOT_SUPERSEDED)) {
            ps.setString(1, id.value());
            ps.setString(2, type.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Sql.instant(rs, "latest")) : Optional.empty();
            }
        }
    }

    /**
     * As {@link #latestOccurred(IncidentId, EventType)} for every incident in {@code statuses} that
     * has such an entry, in one query: each incident's entries are reached through an index on
     * incident_id (H2 picks it; EXPLAIN shows no table scan), so the cost follows those incidents'
     * timelines, not the whole table.
     */
    public Map<IncidentId, Instant> latestOccurred(EventType type, Set<IncidentStatus> statuses)
            throws SQLException {
        Map<IncidentId, Instant> out = new LinkedHashMap<>();
        if (statuses.isEmpty()) {
            return out;
        }
        String in = statuses.stream().map(st -> "'" + st.name() + "'").collect(Collectors.joining(", "));
        try (PreparedStatement ps = connection.prepareStatement("SELECT i.id, (SELECT " + LATEST
                + " FROM timeline_event e WHERE e.incident_id = i.id AND e.type = ?" + NOT_SUPERSEDED + ") AS latest "
                + "FROM incident i WHERE i.status IN (" + in + ")")) {
            ps.setString(1, type.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant latest = Sql.instant(rs, "latest");
                    if (latest != null) {
                        out.put(new IncidentId(rs.getString("id")), latest);
                    }
                }
            }
        }
        return out;
    }

    /** Which of these event ids are already stored (one query). */
    public java.util.Set<String> existing(java.util.Collection<String> eventIds) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id FROM timeline_event WHERE id = ANY(?)")) {
            ps.setArray(1, connection.createArrayOf("VARCHAR", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    public Optional<TimelineEvent> find(String eventId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM timeline_event WHERE id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** True when a later event already supersedes this one. */
    public boolean isSuperseded(String eventId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM timeline_event WHERE supersedes = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public long count() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM timeline_event");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TimelineEvent map(ResultSet rs) throws SQLException {
        return new TimelineEvent(rs.getString("id"), new IncidentId(rs.getString("incident_id")),
                EventType.valueOf(rs.getString("type")), rs.getString("text"), rs.getString("actor"),
                Sql.instant(rs, "occurred_at"), Sql.instant(rs, "recorded_at"), rs.getString("supersedes"),
                Json.stringMap(rs.getString("data")));
    }
}
