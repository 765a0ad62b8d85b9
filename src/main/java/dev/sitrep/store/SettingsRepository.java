package dev.sitrep.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Workspace-wide settings (the active severity scale, ...), shared by every console on the data directory. */
public final class SettingsRepository {

    public static final String ENTITY = "setting";

    private final Connection connection;

    SettingsRepository(Connection connection) {
        this.connection = connection;
    }

    public Optional<String> get(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT val FROM workspace_setting WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void put(String name, String value, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO workspace_setting (name, val, updated_at, updated_by) "
                + "KEY (name) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, value);
            Sql.setInstant(ps, 3, at);
            ps.setString(4, actor);
            ps.executeUpdate();
        }
    }

    /** Removes a setting, so its default applies again; true when there was one. */
    public boolean remove(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM workspace_setting WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() > 0;
        }
    }
}
