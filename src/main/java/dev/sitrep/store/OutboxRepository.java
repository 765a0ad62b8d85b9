package dev.sitrep.store;

import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.SyncBacklog;
import dev.sitrep.core.TeamLimits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox: each local change meant for a team platform (a profile of kind {@code sitrep}),
 * written in the transaction that makes the change, with its own idempotency key, until the
 * platform's answer is recorded. Nothing is queued when no such platform is configured, nor for
 * changes that came from the platform itself.
 */
public final class OutboxRepository {

    public static final String ENTITY = "outbox";

    /** One waiting change. */
    public record Row(long seq, String platform, String key, String entity, String entityId, String body,
                      Instant createdAt, String state, int attempts, String lastError) {
    }

    private final Tx tx;
    private final Connection connection;

    OutboxRepository(Tx tx, Connection connection) {
        this.tx = tx;
        this.connection = connection;
    }

    /** Whether changes in this transaction go out: a team platform is configured and this is not a pull. */
    public boolean wanted() throws SQLException {
        return !tx.applyingSync() && !teamPlatforms().isEmpty();
    }

    /**
     * Queues a change for every team platform, unless this transaction applies what came from one;
     * the body is only written out when it is queued. A change over the team contract's limits is
     * refused here, so the transaction that makes it saves nothing.
     */
    public void enqueue(String entity, String entityId, java.util.function.Supplier<String> body, Instant at)
            throws SQLException {
        if (!wanted()) {
            return;
        }
        String json = body.get();
        String problem = TeamLimits.problem(entity, entityId, Json.tree(json));
        if (problem != null) {
            throw SitrepException.invalid("This change cannot go to the team platform: " + problem + " (the team "
                    + "contract's limits, platform-api.md). Nothing was saved; make it smaller and try again.");
        }
        for (String platform : teamPlatforms()) {
            enqueueTo(platform, entity, entityId, json, at);
        }
    }

    /** Queues a change for one platform (the first sync queues what the workspace already holds). */
    public void enqueueTo(String platform, String entity, String entityId, String body, Instant at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO outbox (platform, idem_key, entity, "
                + "entity_id, body, created_at, state, attempts) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0)")) {
            ps.setString(1, platform);
            ps.setString(2, UUID.randomUUID().toString());
            ps.setString(3, entity);
            ps.setString(4, entityId);
            ps.setString(5, body);
            Sql.setInstant(ps, 6, at);
            ps.executeUpdate();
        }
        tx.changed(ENTITY, platform);
    }

    /** Moves a never-sent row to the end of the queue, key and body unchanged. */
    public void requeue(Row row) throws SQLException {
        remove(row.seq());
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO outbox (platform, idem_key, entity, "
                + "entity_id, body, created_at, state, attempts) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0)")) {
            ps.setString(1, row.platform());
            ps.setString(2, row.key());
            ps.setString(3, row.entity());
            ps.setString(4, row.entityId());
            ps.setString(5, row.body());
            Sql.setInstant(ps, 6, row.createdAt());
            ps.executeUpdate();
        }
    }

    /** Whether this console ever synced with the platform (its state row exists). */
    public boolean everSynced(String platform) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM sync_state WHERE platform = ?")) {
            ps.setString(1, platform);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Marks the platform as synced from now on (its state row). */
    public void started(String platform) throws SQLException {
        ensureState(platform);
    }

    private List<String> teamPlatforms() throws SQLException {
        List<String> names = tx.teamPlatforms();
        if (names == null) {
            names = new ProfileRepository(connection).list().stream().filter(p -> p.kind() == PlatformKind.SITREP)
                    .map(PlatformProfile::name).toList();
            tx.teamPlatforms(names);
        }
        return names;
    }

    /** The oldest pending changes for the platform, in the order they were made. */
    public List<Row> pending(String platform, int limit) throws SQLException {
        return select("WHERE platform = ? AND state = 'pending' ORDER BY seq LIMIT " + limit, platform);
    }

    public void remove(long seq) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
            ps.setLong(1, seq);
            ps.executeUpdate();
        }
    }

    /** The platform refused the change for good: kept, marked, never sent again. */
    public void reject(long seq, String reason) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox SET state = 'rejected', last_error = ? WHERE seq = ?")) {
            ps.setString(1, reason);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    /** A send failed: counted and said, the change stays pending. */
    public void attempted(String platform, long throughSeq, String error) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE outbox SET attempts = attempts + 1, "
                + "last_error = ? WHERE platform = ? AND state = 'pending' AND seq <= ?")) {
            ps.setString(1, error);
            ps.setString(2, platform);
            ps.setLong(3, throughSeq);
            ps.executeUpdate();
        }
    }

    public SyncBacklog waiting(String platform) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 "
                + "END), MIN(CASE WHEN state = 'pending' THEN created_at END), SUM(CASE WHEN state = 'rejected' THEN 1 "
                + "ELSE 0 END) FROM outbox WHERE platform = ?")) {
            ps.setString(1, platform);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                java.time.OffsetDateTime oldest = rs.getObject(2, java.time.OffsetDateTime.class);
                return new SyncBacklog(rs.getInt(1), oldest == null ? null : oldest.toInstant(), rs.getInt(3));
            }
        }
    }

    public List<Row> rejected(String platform) throws SQLException {
        return select("WHERE platform = ? AND state = 'rejected' ORDER BY seq", platform);
    }

    private List<Row> select(String where, String... args) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT seq, platform, idem_key, entity, entity_id, body, "
                + "created_at, state, attempts, last_error FROM outbox " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Sql.instant(rs, "created_at"), rs.getString(8), rs.getInt(9),
                            rs.getString(10)));
                }
            }
        }
        return out;
    }

    /** The last version of an entity this console saw on the platform, 0 when never. */
    public long base(String platform, String entity, String entityId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT version FROM sync_base WHERE platform = ? AND entity = ? AND entity_id = ?")) {
            ps.setString(1, platform);
            ps.setString(2, entity);
            ps.setString(3, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Remembers versions seen on the platform in one batch, never lowering one ({@code entity id} to version). */
    public void sawAll(String platform, String entity, java.util.Map<String, Long> versions) throws SQLException {
        if (versions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO sync_base t USING (VALUES (CAST(? AS "
                + "VARCHAR(100)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(100)), CAST(? AS BIGINT))) s(platform, "
                + "entity, entity_id, version) ON t.platform = s.platform AND t.entity = s.entity AND t.entity_id = "
                + "s.entity_id WHEN MATCHED AND t.version < s.version THEN UPDATE SET version = s.version "
                + "WHEN NOT MATCHED THEN INSERT (platform, entity, entity_id, version) VALUES (s.platform, s.entity, "
                + "s.entity_id, s.version)")) {
            for (java.util.Map.Entry<String, Long> e : versions.entrySet()) {
                ps.setString(1, platform);
                ps.setString(2, entity);
                ps.setString(3, e.getKey());
                ps.setLong(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Remembers a version seen on the platform (never goes back). */
    public void saw(String platform, String entity, String entityId, long version) throws SQLException {
        if (version <= base(platform, entity, entityId)) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("MERGE INTO sync_base (platform, entity, entity_id, "
                + "version) KEY (platform, entity, entity_id) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, platform);
            ps.setString(2, entity);
            ps.setString(3, entityId);
            ps.setLong(4, version);
            ps.executeUpdate();
        }
    }

    /** The platform's feed cursor as last stored. */
    public Optional<String> cursor(String platform) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT feed_cursor FROM sync_state WHERE platform = ?")) {
            ps.setString(1, platform);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void pulled(String platform, String cursor, Instant at) throws SQLException {
        ensureState(platform);
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE sync_state SET feed_cursor = ?, last_pull_at = ?, last_error = NULL WHERE platform = ?")) {
            ps.setString(1, cursor);
            Sql.setInstant(ps, 2, at);
            ps.setString(3, platform);
            ps.executeUpdate();
        }
    }

    public void pushed(String platform, Instant at) throws SQLException {
        ensureState(platform);
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE sync_state SET last_push_at = ?, last_error = NULL WHERE platform = ?")) {
            Sql.setInstant(ps, 1, at);
            ps.setString(2, platform);
            ps.executeUpdate();
        }
    }

    public void failed(String platform, String error, Instant at) throws SQLException {
        ensureState(platform);
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE sync_state SET last_error = ?, last_error_at = ? WHERE platform = ?")) {
            ps.setString(1, error);
            Sql.setInstant(ps, 2, at);
            ps.setString(3, platform);
            ps.executeUpdate();
        }
        tx.changed(ENTITY, platform);
    }

    private void ensureState(String platform) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "MERGE INTO sync_state (platform) KEY (platform) VALUES (?)")) {
            ps.setString(1, platform);
            ps.executeUpdate();
        }
    }
}
