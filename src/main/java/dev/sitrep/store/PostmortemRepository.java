package dev.sitrep.store;

import dev.sitrep.core.IncidentId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Postmortem documents (JSON, whole) by incident, and their revisions. */
public final class PostmortemRepository {

    public static final String ENTITY = "postmortem";

    /** A saved document: its JSON, its version, who saved it when. */
    public record Saved(IncidentId incident, String doc, long version, Instant savedAt, String savedBy) {
    }

    /** An earlier version kept to compare and restore. */
    public record Revision(String id, IncidentId incident, long version, String doc, Instant savedAt, String savedBy,
                           String reason) {
    }

    private final Connection connection;

    PostmortemRepository(Connection connection) {
        this.connection = connection;
    }

    public Optional<Saved> find(IncidentId incident) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT incident_id, doc, version, saved_at, saved_by FROM postmortem WHERE incident_id = ?")) {
            ps.setString(1, incident.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Saved(IncidentId.parse(rs.getString(1)), rs.getString(2), rs.getLong(3),
                        Sql.instant(rs, "saved_at"), rs.getString(5))) : Optional.empty();
            }
        }
    }

    /** Locks the incident's document row (if any) until the transaction ends; answers its version, 0 when none. */
    public long lockVersion(IncidentId incident) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version FROM postmortem WHERE incident_id = ? FOR UPDATE")) {
            ps.setString(1, incident.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public void upsert(Saved s) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO postmortem (incident_id, doc, version, "
                + "saved_at, saved_by) KEY (incident_id) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, s.incident().value());
            ps.setString(2, s.doc());
            ps.setLong(3, s.version());
            Sql.setInstant(ps, 4, s.savedAt());
            ps.setString(5, s.savedBy());
            ps.executeUpdate();
        }
    }

    public void addRevision(Revision r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO postmortem_revision (id, incident_id, "
                + "version, doc, saved_at, saved_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.incident().value());
            ps.setLong(3, r.version());
            ps.setString(4, r.doc());
            Sql.setInstant(ps, 5, r.savedAt());
            ps.setString(6, r.savedBy());
            ps.setString(7, r.reason());
            ps.executeUpdate();
        }
    }

    /** The incident's revisions, newest first. */
    public List<Revision> revisions(IncidentId incident) throws SQLException {
        return selectRevisions("WHERE incident_id = ? ORDER BY seq DESC", incident.value());
    }

    public Optional<Revision> revision(String id) throws SQLException {
        return selectRevisions("WHERE id = ?", id).stream().findFirst();
    }

    /** The incidents that have a saved postmortem. */
    public List<IncidentId> incidents() throws SQLException {
        List<IncidentId> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT incident_id FROM postmortem ORDER BY saved_at DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(IncidentId.parse(rs.getString(1)));
            }
        }
        return out;
    }

    private List<Revision> selectRevisions(String where, String arg) throws SQLException {
        List<Revision> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, incident_id, version, doc, saved_at, saved_by, "
                + "reason FROM postmortem_revision " + where)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Revision(rs.getString(1), IncidentId.parse(rs.getString(2)), rs.getLong(3),
                            rs.getString(4), Sql.instant(rs, "saved_at"), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }
}
