package dev.sitrep.store;

import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Platform profiles of the workspace. */
public final class ProfileRepository {

    public static final String ENTITY = "platform";
    private static final String COLUMNS = "name, kind, url, path, email, environment, ca_cert, flags, health_every_seconds, auto_halt";

    private final Connection connection;

    ProfileRepository(Connection connection) {
        this.connection = connection;
    }

    public void insert(PlatformProfile p, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO platform_profile (" + COLUMNS
                + ", created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.name());
            ps.setString(2, p.kind().key());
            ps.setString(3, p.url());
            ps.setString(4, p.path() == null ? null : p.path().toString());
            ps.setString(5, p.email());
            ps.setString(6, p.environment().key());
            ps.setString(7, p.caCert() == null ? null : p.caCert().toString());
            ps.setString(8, Json.write(p.flags()));
            ps.setInt(9, (int) p.healthEvery().toSeconds());
            ps.setBoolean(10, p.autoHalt());
            Sql.setInstant(ps, 11, at);
            ps.setString(12, actor);
            ps.executeUpdate();
        }
    }

    public boolean delete(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM platform_profile WHERE name = ?")) {
            ps.setString(1, name);
            return ps.executeUpdate() == 1;
        }
    }

    /** Locks the profile's row until the transaction ends; {@code false} when there is no such profile. */
    public boolean lock(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM platform_profile WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public Optional<PlatformProfile> find(String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM platform_profile WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    public List<PlatformProfile> list() throws SQLException {
        List<PlatformProfile> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM platform_profile ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static PlatformProfile map(ResultSet rs) throws SQLException {
        String path = rs.getString("path");
        String ca = rs.getString("ca_cert");
        return new PlatformProfile(rs.getString("name"), PlatformKind.parse(rs.getString("kind")), rs.getString("url"),
                path == null ? null : Path.of(path), rs.getString("email"),
                PlatformProfile.Environment.parse(rs.getString("environment").toLowerCase(Locale.ROOT)),
                ca == null ? null : Path.of(ca), Json.strings(rs.getString("flags")),
                Duration.ofSeconds(rs.getInt("health_every_seconds")), rs.getBoolean("auto_halt"));
    }
}
