package dev.sitrep.store;

import dev.sitrep.core.Checklist;
import dev.sitrep.core.IncidentId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checklists opened on incidents, with their steps and ticks. */
public final class ChecklistRepository {

    private final Connection connection;

    ChecklistRepository(Connection connection) {
        this.connection = connection;
    }

    public void insert(Checklist c) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO checklist (id, incident_id, runbook, section, "
                + "title, opened_at, opened_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, c.id());
            ps.setString(2, c.incident().value());
            ps.setString(3, c.runbook());
            ps.setString(4, c.section());
            ps.setString(5, c.title());
            Sql.setInstant(ps, 6, c.openedAt());
            ps.setString(7, c.openedBy());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO checklist_step (checklist_id, position, text, "
                + "command, expected, done_at, done_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Checklist.Step s : c.steps()) {
                ps.setString(1, c.id());
                ps.setInt(2, s.position());
                ps.setString(3, s.text());
                ps.setString(4, s.command());
                ps.setString(5, s.expected());
                Sql.setInstant(ps, 6, s.doneAt());
                ps.setString(7, s.doneBy());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Ticks ({@code at} and {@code by} given) or unticks ({@code null}) one step. */
    public void tick(String checklistId, int position, Instant at, String by) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE checklist_step SET done_at = ?, done_by = ? WHERE checklist_id = ? AND position = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, by);
            ps.setString(3, checklistId);
            ps.setInt(4, position);
            ps.executeUpdate();
        }
    }

    public Optional<Checklist> find(String id) throws SQLException {
        return select("WHERE c.id = ?", id).stream().findFirst();
    }

    public Optional<Checklist> find(IncidentId incident, String runbook, String section) throws SQLException {
        return select("WHERE c.incident_id = ? AND c.runbook = ? AND c.section = ?", incident.value(), runbook, section)
                .stream().findFirst();
    }

    /** The incident's checklists in the order they were opened. */
    public List<Checklist> forIncident(IncidentId incident) throws SQLException {
        return select("WHERE c.incident_id = ?", incident.value());
    }

    private List<Checklist> select(String where, String... args) throws SQLException {
        Map<String, Checklist> head = new LinkedHashMap<>();
        Map<String, List<Checklist.Step>> steps = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.id, c.incident_id, c.runbook, c.section, c.title, "
                + "c.opened_at, c.opened_by, s.position, s.text, s.command, s.expected, s.done_at, s.done_by "
                + "FROM checklist c LEFT JOIN checklist_step s ON s.checklist_id = c.id " + where
                + " ORDER BY c.seq, s.position")) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    if (!head.containsKey(id)) {
                        head.put(id, checklist(rs));
                    }
                    List<Checklist.Step> list = steps.computeIfAbsent(id, k -> new ArrayList<>());
                    if (rs.getObject("position") != null) {
                        list.add(new Checklist.Step(rs.getInt("position"), rs.getString("text"), rs.getString("command"),
                                rs.getString("expected"), Sql.instant(rs, "done_at"), rs.getString("done_by")));
                    }
                }
            }
        }
        List<Checklist> out = new ArrayList<>();
        head.forEach((id, c) -> out.add(new Checklist(c.id(), c.incident(), c.runbook(), c.section(), c.title(),
                c.openedAt(), c.openedBy(), steps.get(id))));
        return out;
    }

    private static Checklist checklist(ResultSet rs) throws SQLException {
        return new Checklist(rs.getString("id"), IncidentId.parse(rs.getString("incident_id")), rs.getString("runbook"),
                rs.getString("section"), rs.getString("title"), Sql.instant(rs, "opened_at"), rs.getString("opened_by"),
                List.of());
    }
}
