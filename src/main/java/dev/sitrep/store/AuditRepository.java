package dev.sitrep.store;

import dev.sitrep.core.AuditEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The audit trail's rows; the chaining itself is the audit log's job. */
public final class AuditRepository {

    private static final String COLUMNS = "seq, id, at, action, platform, actor, reason, approver, detail, incident_id, "
            + "prev_hash, hash";

    private final Connection connection;

    AuditRepository(Connection connection) {
        this.connection = connection;
    }

    /** The newest entry's sequence and hash, locked until the transaction ends. */
    public String[] lockHead() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new String[] {Long.toString(rs.getLong(1)), rs.getString(2)};
        }
    }

    public void append(AuditEntry e) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO audit_entry (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.seq());
            ps.setString(2, e.id());
            Sql.setInstant(ps, 3, e.at());
            ps.setString(4, e.action());
            ps.setString(5, e.platform());
            ps.setString(6, e.actor());
            ps.setString(7, e.reason());
            ps.setString(8, e.approver());
            ps.setString(9, e.detail());
            ps.setString(10, e.incidentId());
            ps.setString(11, e.prevHash());
            ps.setString(12, e.hash());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
            ps.setLong(1, e.seq());
            ps.setString(2, e.hash());
            ps.executeUpdate();
        }
    }

    /** Every entry in sequence order. */
    public List<AuditEntry> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq", null);
    }

    /** The platform's entries, newest first. */
    public List<AuditEntry> forPlatform(String platform) throws SQLException {
        return query("SELECT " + COLUMNS + " FROM audit_entry WHERE platform = ? ORDER BY seq DESC", platform);
    }

    public long headSeq() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private List<AuditEntry> query(String sql, String param) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong("seq"), rs.getString("id"), Sql.instant(rs, "at"),
                            rs.getString("action"), rs.getString("platform"), rs.getString("actor"), rs.getString("reason"),
                            rs.getString("approver"), rs.getString("detail"), rs.getString("incident_id"),
                            rs.getString("prev_hash"), rs.getString("hash")));
                }
            }
        }
        return out;
    }
}
