package dev.sitrep.bench;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.team.FeedEntry;
import dev.sitrep.team.TeamLedger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub benchmarks' baseline: the rows a hub writes for each pushed event, inserted by plain
 * JDBC into tables of the same shape (the hub's own migrations, on a database of their own on the
 * same PostgreSQL) through a pool of the hub's size: one transaction per push inserting each
 * change's event, feed entry and idempotency key, with no write lock, no reads before writing, no
 * HTTP, no JSON parsing and no tokens. A pull reads the feed rows after the console's cursor in
 * pages of 1,000.
 */
final class PlainJdbcTarget implements ConsoleLoad.Target {

    private final DataSource db;
    private final String[] incidents;
    private final HubChanges[] changes;
    private final long[] cursor;

    PlainJdbcTarget(DataSource db, int consoles) throws SQLException {
        this.db = db;
        this.incidents = new String[consoles];
        this.changes = new HubChanges[consoles];
        this.cursor = new long[consoles];
        Instant now = Instant.now();
        for (int c = 0; c < consoles; c++) {
            changes[c] = new HubChanges(1000 + c);
            incidents[c] = IncidentId.generate(now.minusSeconds(60L * c), changes[c].random()).value();
            String state = Json.write(changes[c].incident(HubTarget.person(c), now));
            try (Connection con = db.getConnection()) {
                con.setAutoCommit(false);
                insert(con, "INSERT INTO hub_field_entities (kind, id, version, state) VALUES (?, ?, ?, ?)",
                        TeamLedger.INCIDENT, incidents[c], 1L, state);
                feed(con, TeamLedger.INCIDENT, incidents[c], c, state);
                key(con, changes[c].uuid(), c);
                con.commit();
            }
        }
    }

    @Override
    public List<String> push(int console, int n, int count) throws SQLException {
        HubChanges g = changes[console];
        List<String> keys = new ArrayList<>(count);
        try (Connection con = db.getConnection()) {
            con.setAutoCommit(false);
            try {
                for (int i = 0; i < count; i++) {
                    String key = g.uuid();
                    String id = g.uuid();
                    String json = Json.write(g.event(incidents[console], HubTarget.person(console), n * count + i + 1,
                            Instant.now()));
                    insert(con, "INSERT INTO hub_events (id, incident, body) VALUES (?, ?, ?)", id, incidents[console], json);
                    feed(con, TeamLedger.EVENT, id, console, json);
                    key(con, key, console);
                    keys.add(key);
                }
                con.commit();
            } catch (SQLException e) {
                con.rollback();
                throw e;
            }
        }
        return keys;
    }

    @Override
    public int pull(int console) throws SQLException {
        int read = 0;
        int page;
        do {
            page = 0;
            try (Connection con = db.getConnection(); PreparedStatement s = con.prepareStatement(
                    "SELECT seq, entity, id, version, origin, pushed_by, body, bytes FROM hub_feed WHERE seq > ? ORDER BY seq LIMIT 1000")) {
                s.setLong(1, cursor[console]);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        cursor[console] = rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getLong(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getString(7);
                        rs.getLong(8);
                        page++;
                    }
                }
            }
            read += page;
        } while (page == 1000);
        return read;
    }

    private static void feed(Connection con, String entity, String id, int console, String json) throws SQLException {
        String origin = "console-" + console;
        String person = HubTarget.person(console);
        insert(con, "INSERT INTO hub_feed (entity, id, version, origin, pushed_by, bytes, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                entity, id, 1L, origin, person, FeedEntry.bytesOf(entity, id, origin, person, json), json);
    }

    private static void key(Connection con, String key, int console) throws SQLException {
        insert(con, "INSERT INTO hub_idempotency_keys (idem_key, result, applied, pushed_by, taken_at) VALUES (?, ?, ?, ?, ?)",
                key, "{\"key\":\"" + key + "\",\"outcome\":\"applied\",\"version\":1,\"conflicts\":[]}", true,
                HubTarget.person(console), Instant.now().toString());
    }

    private static void insert(Connection con, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = con.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
