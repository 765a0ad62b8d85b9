package dev.sitrep.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.team.BadRequest;
import dev.sitrep.team.BlobShelf;
import dev.sitrep.team.FeedCursor;
import dev.sitrep.team.FeedEntry;
import dev.sitrep.team.FeedPage;
import dev.sitrep.team.FieldEntity;
import dev.sitrep.team.Publication;
import dev.sitrep.team.PushRequest;
import dev.sitrep.team.PushResult;
import dev.sitrep.team.TeamLedger;
import dev.sitrep.team.TeamState;
import dev.sitrep.team.TeamView;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the team shares through the hub, in its database, under the {@link TeamLedger}'s rules. A
 * push is written in a transaction that first takes the one write lock row (pushes waiting in this
 * process go in the same one: {@link GroupCommit}), so writes from every hub
 * process on the database apply one at a time and the change feed (numbered by the database's
 * identity sequence) is in commit order: a console reading it never skips a write that commits
 * later with a smaller number. The hub keeps nothing between requests; everything is here.
 */
public final class HubStore implements TeamView, BlobShelf {

    private final DataSource db;
    private final Clock clock;
    private final GroupCommit<Push, List<PushResult>> writes = new GroupCommit<>(this::write);

    public HubStore(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The hub's kill switch as stored. */
    public record KillSwitch(boolean halted, Instant since, String by, String reason) {
    }

    // The contract

    /** One push as it waits to be written. */
    private record Push(Person person, PushRequest request, TeamLedger.Gate gate) {
    }

    /** Applies the changes in order, each once under its key, as {@code person}; with other pushes waiting, in one transaction. */
    public List<PushResult> push(Person person, PushRequest request, TeamLedger.Gate gate) throws SQLException, BadRequest {
        try {
            return writes.submit(new Push(person, request, gate));
        } catch (Refused e) {
            throw e.getCause();
        }
    }

    /** A push the ledger refused whole, carried out of its group's transaction (which rolls back). */
    private static final class Refused extends RuntimeException {
        Refused(BadRequest cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized BadRequest getCause() {
            return (BadRequest) super.getCause();
        }
    }

    /** One transaction under the write lock row for a group of pushes, in the order they came. */
    private List<List<PushResult>> write(List<Push> group) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT id FROM hub_write_lock WHERE id = 1 FOR UPDATE");
                     ResultSet rs = lock.executeQuery()) {
                    rs.next();
                }
                Instant at = clock.instant();
                List<List<PushResult>> results = new ArrayList<>(group.size());
                for (Push p : group) {
                    try {
                        results.add(TeamLedger.push(new JdbcState(c, p.person().name()), p.request().origin(),
                                p.request().changes(), at, p.gate()));
                    } catch (BadRequest refused) {
                        throw new Refused(refused); // the group is written again push by push: only this one fails
                    }
                }
                c.commit();
                return results;
            } catch (DatabaseFailure e) {
                rollbackQuietly(c);
                throw e.getCause();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
    }

    /**
     * Up to {@code limit} feed entries after {@code since}, cut by bytes. The sizes are read first
     * and the bodies only of the entries that fit, so a page of large postmortems never loads more
     * than it sends. A cursor from another history starts over from the beginning (the console
     * merges what it has again, by id and field): its entry is not here, or its mark says the entry
     * at that number is another one (the database restored from an older backup and written since,
     * or failed over to a replica that lacked the latest writes).
     */
    public FeedPage changes(FeedCursor since, int limit) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                long from = sameHistory(c, since) ? since.seq() : 0;
                List<Long> seqs = new ArrayList<>();
                List<Long> sizes = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT seq, bytes FROM hub_feed WHERE seq > ? ORDER BY seq LIMIT ?")) {
                    s.setLong(1, from);
                    s.setInt(2, limit + 1);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            seqs.add(rs.getLong(1));
                            sizes.add(rs.getLong(2));
                        }
                    }
                }
                int fit = FeedPage.fitting(sizes.subList(0, Math.min(limit, sizes.size())));
                if (fit == 0) {
                    return new FeedPage(List.of(), from == since.seq() ? since : FeedCursor.START, false);
                }
                long to = seqs.get(fit - 1);
                List<FeedEntry> entries = new ArrayList<>(fit);
                try (PreparedStatement s = c.prepareStatement("SELECT seq, entity, id, version, origin, pushed_by, body, bytes "
                        + "FROM hub_feed WHERE seq > ? AND seq <= ? ORDER BY seq")) {
                    s.setLong(1, from);
                    s.setLong(2, to);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            entries.add(new FeedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8)));
                        }
                    }
                }
                return new FeedPage(entries, FeedCursor.after(entries.get(entries.size() - 1)), seqs.size() > fit);
            } finally {
                c.commit();
            }
        }
    }

    /** The newest seq in the change feed (0 when it is empty): one index lookup, for a poller that re-reads when it moves. */
    public long latestSeq() throws SQLException {
        try (Connection c = db.getConnection()) {
            return lastSeq(c);
        }
    }

    /** Whether {@code since} was read from the feed this database holds (see {@link #changes}). */
    private static boolean sameHistory(Connection c, FeedCursor since) throws SQLException {
        if (since.seq() == 0) {
            return true;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT entity, id, version, origin FROM hub_feed WHERE seq = ?")) {
            s.setLong(1, since.seq());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    // no entry there: a plain number past the end is from before a restore; a marked cursor always names an entry
                    return since.mark() == null && since.seq() <= lastSeq(c);
                }
                return since.mark() == null
                        || since.mark().equals(FeedCursor.markOf(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
        }
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM hub_feed")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public KillSwitch killSwitch() throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT halted, since, halted_by, reason FROM hub_kill_switch WHERE id = 1")) {
            rs.next();
            String since = rs.getString(2);
            return new KillSwitch(rs.getBoolean(1), since == null ? null : Instant.parse(since), rs.getString(3), rs.getString(4));
        }
    }

    /** Halts unless halted already (false then); atomic across hub processes. */
    public boolean halt(String reason, Person by) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE hub_kill_switch SET halted = TRUE, since = ?, halted_by = ?, reason = ? WHERE id = 1 AND halted = FALSE")) {
            s.setString(1, clock.instant().toString());
            s.setString(2, by.name());
            s.setString(3, reason);
            return s.executeUpdate() == 1;
        }
    }

    /** Resumes unless running already (false then). */
    public boolean resume() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE hub_kill_switch SET halted = FALSE, since = NULL, halted_by = NULL, reason = NULL WHERE id = 1 AND halted = TRUE")) {
            return s.executeUpdate() == 1;
        }
    }

    // Evidence blobs

    /** The largest evidence blob the hub keeps (the server reads a little more, to say so). */
    public static final long BLOB_LIMIT = 32L << 20;

    @Override
    public boolean has(String sha256) {
        return read(c -> new JdbcState(c, null).query("SELECT sha256 FROM hub_blobs WHERE sha256 = ?", sha256).isPresent());
    }

    /** Keeps a checked blob once; a second hub keeping the same one at the same moment changes nothing. */
    @Override
    public void put(String sha256, byte[] bytes, String by) {
        read(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO hub_blobs (sha256, size, data, stored_by, stored_at) "
                    + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM hub_blobs WHERE sha256 = ?)")) {
                s.setString(1, sha256);
                s.setLong(2, bytes.length);
                s.setBytes(3, bytes);
                s.setString(4, by);
                s.setString(5, clock.instant().toString());
                s.setString(6, sha256);
                s.executeUpdate();
            } catch (SQLException e) {
                if (!has(sha256)) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public Optional<byte[]> get(String sha256) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT data FROM hub_blobs WHERE sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public long limit() {
        return BLOB_LIMIT;
    }

    // Reading, for tests and benchmarks

    @Override
    public Optional<JsonNode> incident(String id) {
        return fieldValues(TeamLedger.INCIDENT, id);
    }

    @Override
    public Optional<JsonNode> actionItem(String id) {
        return fieldValues(TeamLedger.ACTION_ITEM, id);
    }

    private Optional<JsonNode> fieldValues(String kind, String id) {
        return read(c -> new JdbcState(c, null).fieldEntity(kind, id).map(FieldEntity::values));
    }

    @Override
    public Map<String, JsonNode> events(String incidentId) {
        return read(c -> {
            Map<String, JsonNode> timeline = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, body FROM hub_events WHERE incident = ? ORDER BY arrived")) {
                s.setString(1, incidentId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        timeline.put(rs.getString(1), parse(rs.getString(2)));
                    }
                }
            }
            return timeline;
        });
    }

    @Override
    public Optional<JsonNode> postmortem(String incidentId) {
        return read(c -> new JdbcState(c, null).publication(incidentId).map(p -> (JsonNode) p.body()));
    }

    @Override
    public Optional<JsonNode> entry(String kind, String id) {
        return read(c -> new JdbcState(c, null).query("SELECT body FROM hub_entries WHERE kind = ? AND id = ?", kind, id)
                .map(HubStore::parse));
    }

    @Override
    public int timesApplied(String key) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hub_idempotency_keys WHERE idem_key = ? AND applied")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public int changeCount() {
        return read(c -> {
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM hub_feed")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Who pushed the write that entered the feed at {@code seq}. */
    public Optional<String> pushedBy(String entity, String id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT pushed_by FROM hub_feed WHERE entity = ? AND id = ? ORDER BY seq DESC LIMIT 1")) {
                s.setString(1, entity);
                s.setString(2, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private interface Read<T> {
        T from(Connection c) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection c = db.getConnection()) {
            return read.from(c);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the database rolls the transaction back itself
        }
    }

    static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON stored by the hub no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    /** The tables as the ledger sees them, inside one transaction on {@code c}. */
    private static final class JdbcState implements TeamState {

        private final Connection c;
        private final String person;

        JdbcState(Connection c, String person) {
            this.c = c;
            this.person = person;
        }

        @Override
        public Optional<PushResult> firstResult(String key) {
            return query("SELECT result FROM hub_idempotency_keys WHERE idem_key = ?", key)
                    .map(json -> PushResult.fromJson(parse(json)));
        }

        @Override
        public void keepFirstResult(PushResult result) {
            boolean applied = result.outcome() == PushResult.Outcome.APPLIED || result.outcome() == PushResult.Outcome.CONFLICT;
            update("INSERT INTO hub_idempotency_keys (idem_key, result, applied, pushed_by, taken_at) VALUES (?, ?, ?, ?, ?)",
                    result.key(), Json.write(result.toJson()), applied, person, Instant.now().toString());
        }

        @Override
        public Optional<FieldEntity> fieldEntity(String kind, String id) {
            return query("SELECT state FROM hub_field_entities WHERE kind = ? AND id = ?", kind, id)
                    .map(json -> FieldEntity.fromState(parse(json)));
        }

        @Override
        public void saveFieldEntity(String kind, String id, FieldEntity entity) {
            String state = Json.write(entity.state());
            if (update("UPDATE hub_field_entities SET version = ?, state = ? WHERE kind = ? AND id = ?",
                    entity.version(), state, kind, id) == 0) {
                update("INSERT INTO hub_field_entities (kind, id, version, state) VALUES (?, ?, ?, ?)",
                        kind, id, entity.version(), state);
            }
        }

        @Override
        public boolean hasIncident(String id) {
            return query("SELECT id FROM hub_field_entities WHERE kind = ? AND id = ?", TeamLedger.INCIDENT, id).isPresent();
        }

        @Override
        public boolean hasEvent(String id) {
            return query("SELECT id FROM hub_events WHERE id = ?", id).isPresent();
        }

        @Override
        public void saveEvent(String id, String incident, String json) {
            update("INSERT INTO hub_events (id, incident, body) VALUES (?, ?, ?)", id, incident, json);
        }

        @Override
        public boolean hasEntry(String kind, String id) {
            return query("SELECT id FROM hub_entries WHERE kind = ? AND id = ?", kind, id).isPresent();
        }

        @Override
        public void saveEntry(String kind, String id, String json) {
            update("INSERT INTO hub_entries (kind, id, body) VALUES (?, ?, ?)", kind, id, json);
        }

        @Override
        public Optional<Publication> publication(String incident) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT body, version, origin, taken_at FROM hub_postmortems WHERE incident = ?")) {
                s.setString(1, incident);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Publication((ObjectNode) parse(rs.getString(1)), rs.getLong(2), rs.getString(3),
                            Instant.parse(rs.getString(4))));
                }
            } catch (SQLException e) {
                throw new DatabaseFailure(e);
            }
        }

        @Override
        public void savePublication(String incident, Publication p) {
            String body = Json.write(p.body());
            if (update("UPDATE hub_postmortems SET version = ?, origin = ?, taken_at = ?, body = ? WHERE incident = ?",
                    p.version(), p.origin(), p.at().toString(), body, incident) == 0) {
                update("INSERT INTO hub_postmortems (version, origin, taken_at, body, incident) VALUES (?, ?, ?, ?, ?)",
                        p.version(), p.origin(), p.at().toString(), body, incident);
            }
        }

        @Override
        public void append(String entity, String id, long version, String origin, String bodyJson) {
            update("INSERT INTO hub_feed (entity, id, version, origin, pushed_by, bytes, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    entity, id, version, origin, person, FeedEntry.bytesOf(entity, id, origin, person, bodyJson), bodyJson);
        }

        Optional<String> query(String sql, String... params) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setString(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new DatabaseFailure(e);
            }
        }

        private int update(String sql, Object... params) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                return s.executeUpdate();
            } catch (SQLException e) {
                throw new DatabaseFailure(e);
            }
        }
    }
}
