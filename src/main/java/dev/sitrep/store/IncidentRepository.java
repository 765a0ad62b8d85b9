package dev.sitrep.store;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Json;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Milestones;
import dev.sitrep.core.Roles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Incidents in the store. Writes go through {@link Tx} so each records a change. */
public final class IncidentRepository {

    public static final String ENTITY = "incident";
    private static final String COLUMNS = "id, title, service, platforms, severity, status, merged_into, commander, "
            + "scribe, comms_lead, responders, impact, drill, detected_at, acknowledged_at, first_communication_at, "
            + "mitigated_at, resolved_at, declared_at, declared_by, updated_at, version";
    private static final String INSERT = "INSERT INTO incident (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE incident SET title = ?, service = ?, platforms = ?, severity = ?, "
            + "status = ?, merged_into = ?, commander = ?, scribe = ?, comms_lead = ?, responders = ?, impact = ?, "
            + "drill = ?, detected_at = ?, acknowledged_at = ?, first_communication_at = ?, mitigated_at = ?, "
            + "resolved_at = ?, declared_at = ?, declared_by = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?";

    private final Connection connection;

    IncidentRepository(Connection connection) {
        this.connection = connection;
    }

    /** Inserts new incidents in one batch; a duplicate id fails the whole batch. */
    public void insert(List<Incident> incidents) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
            for (Incident i : incidents) {
                int n = bindAllButId(ps, i, 2);
                ps.setString(1, i.id().value());
                ps.setLong(n, i.version());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Replaces the stored incident whose version is {@code updated.version() - 1}.
     *
     * @return false when another writer changed it first
     */
    public boolean update(Incident updated) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(UPDATE)) {
            int n = bindAllButId(ps, updated, 1);
            ps.setLong(n, updated.version());
            ps.setString(n + 1, updated.id().value());
            ps.setLong(n + 2, updated.version() - 1);
            return ps.executeUpdate() == 1;
        }
    }

    /** Binds every column from title to updated_at starting at {@code index}; returns the next index. */
    private static int bindAllButId(PreparedStatement ps, Incident i, int index) throws SQLException {
        int n = index;
        ps.setString(n++, i.title());
        ps.setString(n++, i.service());
        ps.setString(n++, Json.write(i.platforms()));
        ps.setString(n++, i.severity());
        ps.setString(n++, i.status().name());
        ps.setString(n++, i.mergedInto() == null ? null : i.mergedInto().value());
        ps.setString(n++, i.roles().commander());
        ps.setString(n++, i.roles().scribe());
        ps.setString(n++, i.roles().commsLead());
        ps.setString(n++, Json.write(i.roles().responders()));
        ps.setString(n++, i.impact());
        ps.setBoolean(n++, i.drill());
        for (Milestone m : Milestone.values()) {
            Sql.setInstant(ps, n++, i.milestones().at(m).orElse(null));
        }
        Sql.setInstant(ps, n++, i.declaredAt());
        ps.setString(n++, i.declaredBy());
        Sql.setInstant(ps, n++, i.updatedAt());
        return n;
    }

    public Optional<Incident> find(IncidentId id) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM incident WHERE id = ?", id);
    }

    /** Reads and locks the row until the transaction ends, so a read-check-write is not raced. */
    public Optional<Incident> findForUpdate(IncidentId id) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM incident WHERE id = ? FOR UPDATE", id);
    }

    private Optional<Incident> findOne(String sql, IncidentId id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Incidents newest first, only those in {@code statuses} (all when empty). */
    public List<Incident> list(Set<IncidentStatus> statuses) throws SQLException {
        String where = statuses.isEmpty() ? "" : " WHERE status IN (" + statuses.stream()
                .map(st -> "'" + st.name() + "'").collect(Collectors.joining(", ")) + ")";
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident" + where
                + " ORDER BY declared_at DESC, id DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    /** Incidents declared from {@code from} (included) to {@code to} (excluded), oldest first. */
    public List<Incident> declaredBetween(Instant from, Instant to) throws SQLException {
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident"
                + " WHERE declared_at >= ? AND declared_at < ? ORDER BY declared_at, id")) {
            Sql.setInstant(ps, 1, from);
            Sql.setInstant(ps, 2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
        }
        return out;
    }

    public int count() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT COUNT(*) FROM incident");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Incident map(ResultSet rs) throws SQLException {
        Map<Milestone, java.time.Instant> reached = new EnumMap<>(Milestone.class);
        for (Milestone m : Milestone.values()) {
            reached.put(m, Sql.instant(rs, m.key() + "_at"));
        }
        String merged = rs.getString("merged_into");
        return new Incident(new IncidentId(rs.getString("id")), rs.getString("title"), rs.getString("service"),
                Json.strings(rs.getString("platforms")), rs.getString("severity"),
                IncidentStatus.valueOf(rs.getString("status")), merged == null ? null : new IncidentId(merged),
                new Roles(rs.getString("commander"), rs.getString("scribe"), rs.getString("comms_lead"),
                        Json.strings(rs.getString("responders"))),
                Milestones.of(reached), rs.getString("impact"), rs.getBoolean("drill"),
                Sql.instant(rs, "declared_at"), rs.getString("declared_by"), Sql.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
