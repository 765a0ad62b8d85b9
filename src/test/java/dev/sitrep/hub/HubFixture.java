package dev.sitrep.hub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

/**
 * A real hub for a test: its database opened and migrated (PostgreSQL or H2, by URL), its server
 * on 127.0.0.1 (any free port), its access log kept in memory.
 */
public final class HubFixture implements AutoCloseable {

    private final HubDatabase database;
    private final HubServer server;
    private final HubStore store;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Clock clock;

    private HubFixture(String jdbcUrl, Clock clock) throws IOException {
        this.clock = clock;
        this.database = HubDatabase.open(jdbcUrl, Map.of(), 8);
        this.store = new HubStore(database.dataSource(), clock);
        this.server = HubServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, database,
                new PrintStream(log, true, StandardCharsets.UTF_8), clock);
    }

    public static HubFixture start(String jdbcUrl, Clock clock) throws IOException {
        return new HubFixture(jdbcUrl, clock);
    }

    public URI url() {
        return server.url();
    }

    public HubStore store() {
        return store;
    }

    public HubDatabase database() {
        return database;
    }

    HubServer server() {
        return server;
    }

    /** Adds a person; their token. */
    public String addPerson(String name, Role role) {
        try {
            return new People(database.dataSource()).add(name, role, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean revoke(String name) {
        try {
            return new People(database.dataSource()).revoke(name, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String accessLog() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Empties every table (tests of one class share a database), as a fresh hub would be. */
    public void wipe() {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[]{"hub_people", "hub_field_entities", "hub_events", "hub_postmortems",
                    "hub_idempotency_keys", "hub_feed", "hub_entries", "hub_blobs"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("UPDATE hub_kill_switch SET halted = FALSE, since = NULL, halted_by = NULL, reason = NULL");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
