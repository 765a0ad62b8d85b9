package dev.sitrep.store;

import dev.sitrep.core.AuditEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The kill-switch audit entries other consoles shared through a team platform, as pulled; never
 * changed. This console's own entries stay in its chained trail ({@link AuditRepository}).
 */
public final class TeamAuditRepository {

    private static final String COLUMNS = "id, at, action, platform, actor, reason, approver, detail, incident_id, hash";

    private final Connection connection;

    TeamAuditRepository(Connection connection) {
        this.connection = connection;
    }

    /** Keeps an entry pulled from {@code via} unless it is here already (or is this console's own). */
    public boolean insertIfAbsent(AuditEntry e, String via, Instant receivedAt) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM team_audit WHERE id = ? UNION ALL "
                + "SELECT 1 FROM audit_entry WHERE id = ?")) {
            ps.setString(1, e.id());
            ps.setString(2, e.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO team_audit (" + COLUMNS
                + ", via, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            Sql.setInstant(ps, 2, e.at());
            ps.setString(3, e.action());
            ps.setString(4, e.platform());
            ps.setString(5, e.actor());
            ps.setString(6, e.reason());
            ps.setString(7, e.approver());
            ps.setString(8, e.detail());
            ps.setString(9, e.incidentId());
            ps.setString(10, e.hash());
            ps.setString(11, via);
            Sql.setInstant(ps, 12, receivedAt);
            ps.executeUpdate();
        }
        return true;
    }

    /** Every shared entry, oldest first. */
    public List<AuditEntry> all() throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM team_audit ORDER BY at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(0, rs.getString("id"), Sql.instant(rs, "at"), rs.getString("action"),
                        rs.getString("platform"), rs.getString("actor"), rs.getString("reason"), rs.getString("approver"),
                        rs.getString("detail"), rs.getString("incident_id"), null, rs.getString("hash")));
            }
        }
        return out;
    }
}
