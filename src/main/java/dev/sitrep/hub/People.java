package dev.sitrep.hub;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The people a hub knows, each with a role and a personal token (kept only as its SHA-256). Works on
 * the hub's database, so {@code sitrep hub person add} takes effect on every running hub at once.
 */
public final class People {

    /** One person as listed: never the token. */
    public record Listed(String name, Role role, Instant added, Instant revoked) {
    }

    /** Who a token belongs to: a person, a revoked person, or nobody. */
    public sealed interface Caller {
    }

    public record Known(Person person) implements Caller {
    }

    public record Revoked(String name, Instant at) implements Caller {
    }

    public record Unknown() implements Caller {
    }

    private final DataSource db;

    public People(DataSource db) {
        this.db = db;
    }

    /**
     * Adds a person (or gives a revoked one a new token and role) and returns their token, the only
     * time it exists outside their hands. An active person of that name is refused: revoke first.
     */
    public String add(String rawName, Role role, Instant at) throws SQLException {
        String name = name(rawName);
        String token = Tokens.fresh();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            Listed existing = find(c, name);
            if (existing != null && existing.revoked() == null) {
                throw SitrepException.invalid(name + " is already a " + existing.role().key() + " here. To give a new token, "
                        + "revoke the old one first: sitrep hub person revoke " + Limits.quote(name));
            }
            String sql = existing == null
                    ? "INSERT INTO hub_people (role, token_hash, created_at, revoked_at, name) VALUES (?, ?, ?, NULL, ?)"
                    : "UPDATE hub_people SET role = ?, token_hash = ?, created_at = ?, revoked_at = NULL WHERE name = ?";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, role.key());
                s.setString(2, Tokens.hash(token));
                s.setString(3, at.toString());
                s.setString(4, name);
                s.executeUpdate();
            }
            c.commit();
        }
        return token;
    }

    /** Revokes a person's token; their past writes stay theirs. False when no active person has that name. */
    public boolean revoke(String rawName, Instant at) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE hub_people SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL")) {
            s.setString(1, at.toString());
            s.setString(2, name(rawName));
            return s.executeUpdate() == 1;
        }
    }

    public List<Listed> list() throws SQLException {
        List<Listed> people = new ArrayList<>();
        try (Connection c = db.getConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, role, created_at, revoked_at FROM hub_people ORDER BY name")) {
            while (rs.next()) {
                people.add(listed(rs));
            }
        }
        return people;
    }

    /** Whose token this is. */
    public Caller caller(String token) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT name, role, created_at, revoked_at FROM hub_people WHERE token_hash = ?")) {
            s.setString(1, Tokens.hash(token));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new Unknown();
                }
                Listed p = listed(rs);
                return p.revoked() != null ? new Revoked(p.name(), p.revoked()) : new Known(new Person(p.name(), p.role()));
            }
        }
    }

    private static Listed find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name, role, created_at, revoked_at FROM hub_people WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? listed(rs) : null;
            }
        }
    }

    private static Listed listed(ResultSet rs) throws SQLException {
        String revoked = rs.getString(4);
        return new Listed(rs.getString(1), Role.of(rs.getString(2)), Instant.parse(rs.getString(3)),
                revoked == null ? null : Instant.parse(revoked));
    }

    private static String name(String raw) {
        String name = Limits.optionalName("person's name", raw);
        if (name == null) {
            throw SitrepException.invalid("A person needs a name: the one they use as their Sitrep operator (--actor, "
                    + "SITREP_ACTOR or Settings), for example maria.");
        }
        return name;
    }
}
