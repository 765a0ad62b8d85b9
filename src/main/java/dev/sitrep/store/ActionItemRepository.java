package dev.sitrep.store;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.IncidentId;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Action items (follow-ups) by incident and across incidents. */
public final class ActionItemRepository {

    public static final String ENTITY = "action_item";
    private static final String COLUMNS = "id, incident_id, action, owner, due, status, created_at, created_by, "
            + "updated_at, updated_by, version";

    private final Connection connection;

    ActionItemRepository(Connection connection) {
        this.connection = connection;
    }

    public void insert(ActionItem a) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO action_item (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, a);
            ps.executeUpdate();
        }
    }

    public void update(ActionItem a) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE action_item SET action = ?, owner = ?, due = ?, "
                + "status = ?, updated_at = ?, updated_by = ?, version = ? WHERE id = ?")) {
            ps.setString(1, a.action());
            ps.setString(2, a.owner());
            ps.setDate(3, a.due() == null ? null : Date.valueOf(a.due()));
            ps.setString(4, a.status().key());
            Sql.setInstant(ps, 5, a.updatedAt());
            ps.setString(6, a.updatedBy());
            ps.setLong(7, a.version());
            ps.setString(8, a.id());
            ps.executeUpdate();
        }
    }

    /** Locks and reads one item. */
    public Optional<ActionItem> lock(String id) throws SQLException {
        return select("WHERE id = ? FOR UPDATE", id).stream().findFirst();
    }

    public Optional<ActionItem> find(String id) throws SQLException {
        return select("WHERE id = ?", id).stream().findFirst();
    }

    /** The incident's items in the order they were added. */
    public List<ActionItem> forIncident(IncidentId incident) throws SQLException {
        return select("WHERE incident_id = ? ORDER BY seq", incident.value());
    }

    /** Every item, in the order they were added. */
    public List<ActionItem> all() throws SQLException {
        return select("ORDER BY seq");
    }

    private void bind(PreparedStatement ps, ActionItem a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.incident().value());
        ps.setString(3, a.action());
        ps.setString(4, a.owner());
        ps.setDate(5, a.due() == null ? null : Date.valueOf(a.due()));
        ps.setString(6, a.status().key());
        Sql.setInstant(ps, 7, a.createdAt());
        ps.setString(8, a.createdBy());
        Sql.setInstant(ps, 9, a.updatedAt());
        ps.setString(10, a.updatedBy());
        ps.setLong(11, a.version());
    }

    private List<ActionItem> select(String where, String... args) throws SQLException {
        List<ActionItem> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM action_item " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date due = rs.getDate("due");
                    out.add(new ActionItem(rs.getString("id"), IncidentId.parse(rs.getString("incident_id")),
                            rs.getString("action"), rs.getString("owner"), due == null ? null : due.toLocalDate(),
                            ActionItem.Status.parse(rs.getString("status")), Sql.instant(rs, "created_at"),
                            rs.getString("created_by"), Sql.instant(rs, "updated_at"), rs.getString("updated_by"),
                            rs.getLong("version")));
                }
            }
        }
        return out;
    }
}
