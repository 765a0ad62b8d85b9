package dev.sitrep.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database of its own on the machine's PostgreSQL (127.0.0.1:5432, user {@code postgres}, trust
 * authentication), so each test class starts empty and no two classes see each other's rows.
 * {@link #close()} ends whatever is still connected and drops it; one left open is dropped when the
 * JVM exits. With no PostgreSQL to reach, {@link #create()} fails the test: the hub's tests are
 * never skipped for want of a server.
 */
public final class TestPostgres implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = 5432;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<TestPostgres> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(TestPostgres::close), "test-postgres-drop"));
    }

    private final int port;
    private final String name;

    private TestPostgres(int port, String name) {
        this.port = port;
        this.name = name;
    }

    /** Creates an empty database {@code hub_<12 random lowercase letters and digits>}. */
    public static TestPostgres create() {
        return create(PORT);
    }

    /** As {@link #create()}, with the server on another port of 127.0.0.1. */
    static TestPostgres create(int port) {
        StringBuilder name = new StringBuilder("hub_");
        for (int i = 0; i < 12; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        TestPostgres db = new TestPostgres(port, name.toString());
        try (Connection admin = admin(port); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + db.name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + db.name + ": " + e.getMessage(), e);
        }
        OPEN.add(db);
        return db;
    }

    /** The database's name. */
    public String name() {
        return name;
    }

    /** {@code jdbc:postgresql://127.0.0.1:5432/<name>?user=postgres}; append {@code &key=value} for more. */
    public String jdbcUrl() {
        return jdbcUrlThrough(port);
    }

    /** The same database reached through another port of 127.0.0.1 (a {@link TcpProxy} in front of PostgreSQL). */
    public String jdbcUrlThrough(int port) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + name + "?user=postgres";
    }

    /** Ends every session still connected to the database and drops it. Safe to call twice. */
    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        try (Connection admin = admin(port)) {
            try (PreparedStatement end = admin.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                end.setString(1, name);
                end.execute();
            }
            try (Statement drop = admin.createStatement()) {
                // FORCE also ends a session that connected after the line above (a pool refilling itself).
                drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static Connection admin(int port) {
        String url = "jdbc:postgresql://" + HOST + ":" + port + "/postgres?user=postgres&connectTimeout=5&socketTimeout=60";
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must listen on " + HOST + ":" + port + " with trust authentication; "
                    + ".ci/run installs and starts it on a bare machine (README: Tests). Connecting as postgres failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
