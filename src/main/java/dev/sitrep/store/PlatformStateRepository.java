package dev.sitrep.store;

import dev.sitrep.core.Escalation;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The cached state of each platform (one row per profile). */
public final class PlatformStateRepository {

    private static final String COLUMNS = "name, health, health_version, health_detail, health_checks, health_at, halted, "
            + "halted_since, halted_by, halted_reason, kill_switch_at, last_event_id, last_error, last_error_at, "
            + "offline_since, failures, last_platform_event, resumed_at, escalation, escalation_why, escalated_at";

    private final Connection connection;

    PlatformStateRepository(Connection connection) {
        this.connection = connection;
    }

    public void save(PlatformStatus s) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO platform_state (" + COLUMNS + ") KEY (name) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.name());
            ps.setString(2, s.health());
            ps.setString(3, s.healthVersion());
            ps.setString(4, s.healthDetail());
            ps.setString(5, Json.write(s.healthChecks()));
            Sql.setInstant(ps, 6, s.healthAt());
            ps.setObject(7, s.halted());
            Sql.setInstant(ps, 8, s.haltedSince());
            ps.setString(9, s.haltedBy());
            ps.setString(10, s.haltedReason());
            Sql.setInstant(ps, 11, s.killSwitchAt());
            ps.setString(12, s.lastEventId());
            ps.setString(13, s.lastError());
            Sql.setInstant(ps, 14, s.lastErrorAt());
            Sql.setInstant(ps, 15, s.offlineSince());
            ps.setInt(16, s.failures());
            ps.setString(17, s.lastPlatformEvent());
            Sql.setInstant(ps, 18, s.resumedAt());
            Escalation e = s.escalation();
            ps.setString(19, e == null ? null : e.level().key());
            ps.setString(20, e == null ? null : e.why());
            Sql.setInstant(ps, 21, e == null ? null : e.since());
            ps.executeUpdate();
        }
    }

    public Optional<PlatformStatus> find(String name) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM platform_state WHERE name = ?", name);
    }

    /** As {@link #find(String)}, its row locked until the transaction ends (another writer waits, then reads this one's). */
    public Optional<PlatformStatus> findForUpdate(String name) throws SQLException {
        return findOne("SELECT " + COLUMNS + " FROM platform_state WHERE name = ? FOR UPDATE", name);
    }

    private Optional<PlatformStatus> findOne(String sql, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<PlatformStatus> list() throws SQLException {
        List<PlatformStatus> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM platform_state ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    public void delete(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM platform_state WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    private static PlatformStatus map(ResultSet rs) throws SQLException {
        return new PlatformStatus(rs.getString("name"), rs.getString("health"), rs.getString("health_version"),
                rs.getString("health_detail"), Json.stringMap(rs.getString("health_checks")), Sql.instant(rs, "health_at"),
                rs.getObject("halted", Boolean.class), Sql.instant(rs, "halted_since"), rs.getString("halted_by"),
                rs.getString("halted_reason"), Sql.instant(rs, "kill_switch_at"), rs.getString("last_event_id"),
                rs.getString("last_error"), Sql.instant(rs, "last_error_at"), Sql.instant(rs, "offline_since"),
                rs.getInt("failures"), rs.getString("last_platform_event"), Sql.instant(rs, "resumed_at"),
                escalation(rs));
    }

    private static Escalation escalation(ResultSet rs) throws SQLException {
        Escalation.Level level = Escalation.Level.parse(rs.getString("escalation"));
        return level == Escalation.Level.NONE ? null
                : new Escalation(level, rs.getString("escalation_why"), Sql.instant(rs, "escalated_at"));
    }
}
