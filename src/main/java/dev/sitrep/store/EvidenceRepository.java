package dev.sitrep.store;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;

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

/** What is known of each piece of evidence (the bytes live in the blob store). */
public final class EvidenceRepository {

    private static final String COLUMNS = "id, incident_id, kind, name, size_bytes, media_type, sha256, captured_at, "
            + "captured_by, source, description, tags, derived_from, removed_at, removed_by, removed_reason";

    private final Connection connection;

    EvidenceRepository(Connection connection) {
        this.connection = connection;
    }

    public void insert(EvidenceItem e) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO evidence_item (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.id());
            ps.setString(2, e.incident().value());
            ps.setString(3, e.kind().key());
            ps.setString(4, e.name());
            ps.setLong(5, e.size());
            ps.setString(6, e.mediaType());
            ps.setString(7, e.sha256());
            Sql.setInstant(ps, 8, e.capturedAt());
            ps.setString(9, e.capturedBy());
            ps.setString(10, e.source());
            ps.setString(11, e.description());
            ps.setString(12, Json.write(e.tags()));
            ps.setString(13, e.derivedFrom());
            Sql.setInstant(ps, 14, e.removedAt());
            ps.setString(15, e.removedBy());
            ps.setString(16, e.removedReason());
            ps.executeUpdate();
        }
    }

    /** The tombstone: the item stays, marked removed with who, when and why. */
    public boolean markRemoved(String id, Instant at, String by, String reason) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE evidence_item SET removed_at = ?, removed_by = ?, "
                + "removed_reason = ? WHERE id = ? AND removed_at IS NULL")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, by);
            ps.setString(3, reason);
            ps.setString(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<EvidenceItem> find(String id) throws SQLException {
        List<EvidenceItem> found = select("WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The ids that start with {@code prefix}, in the order their items were captured. */
    public List<String> idsStartingWith(String prefix) throws SQLException {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT id FROM evidence_item WHERE id LIKE ? ESCAPE '\\' ORDER BY seq")) {
            ps.setString(1, like);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The incident's evidence in the order it was captured, removed items included (marked). */
    /** Each blob the items name, once: its SHA-256 and size. */
    public Map<String, Long> blobs() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT sha256, MAX(size_bytes) FROM evidence_item "
                + "GROUP BY sha256 ORDER BY MIN(seq)"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    public List<EvidenceItem> forIncident(IncidentId incident) throws SQLException {
        return select("WHERE incident_id = ?", incident.value());
    }

    private List<EvidenceItem> select(String where, String arg) throws SQLException {
        List<EvidenceItem> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM evidence_item " + where
                + " ORDER BY seq")) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EvidenceItem(rs.getString("id"), IncidentId.parse(rs.getString("incident_id")),
                            EvidenceItem.Kind.parse(rs.getString("kind")), rs.getString("name"), rs.getLong("size_bytes"),
                            rs.getString("media_type"), rs.getString("sha256"), Sql.instant(rs, "captured_at"),
                            rs.getString("captured_by"), rs.getString("source"), rs.getString("description"),
                            Json.strings(rs.getString("tags")), rs.getString("derived_from"),
                            Sql.instant(rs, "removed_at"), rs.getString("removed_by"), rs.getString("removed_reason")));
                }
            }
        }
        return out;
    }
}
