package dev.sitrep.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.team.BadRequest;
import dev.sitrep.team.BlobShelf;
import dev.sitrep.team.FeedCursor;
import dev.sitrep.team.FeedPage;
import dev.sitrep.team.FieldEntity;
import dev.sitrep.team.Publication;
import dev.sitrep.team.PushRequest;
import dev.sitrep.team.PushResult;
import dev.sitrep.team.PushResult.Outcome;
import dev.sitrep.team.TeamLedger;
import dev.sitrep.team.TeamState;
import dev.sitrep.team.TeamView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the consoles share through the sandbox's {@code sitrep} contract (platform-api.md), in
 * memory and lost when the sandbox stops: incidents and action items field by field, timeline
 * events by id, published postmortems, the change feed, and the first result of every idempotency
 * key, kept by the {@link TeamLedger}'s rules. Every method holds the store's lock, so a push
 * applies whole before another request sees it. Tests read it directly to check what arrived, and
 * benchmarks {@link #seed} it without HTTP.
 */
public final class TeamStore implements TeamView, BlobShelf {

    /** The origin of seeded writes in the change feed. */
    public static final String SEED_ORIGIN = "seed";

    private final Clock clock;
    private final Map<String, Map<String, FieldEntity>> fieldEntities = Map.of(
            TeamLedger.INCIDENT, new HashMap<>(), TeamLedger.ACTION_ITEM, new HashMap<>(), TeamLedger.EVIDENCE, new HashMap<>());
    /** Evidence blobs by SHA-256. */
    private final Map<String, byte[]> blobs = new HashMap<>();
    /** Each event's JSON as pushed, by id; never changed. */
    private final Map<String, String> events = new HashMap<>();
    private final Map<String, List<String>> eventIdsByIncident = new HashMap<>();
    private final Map<String, Publication> postmortems = new HashMap<>();
    /** Records written once (audit entries), their JSON by kind and id. */
    private final Map<String, String> entries = new HashMap<>();
    private final Map<String, PushResult> firstResults = new HashMap<>();
    private final Map<String, Integer> applications = new HashMap<>();
    private final ChangeFeed feed = new ChangeFeed();
    private final TeamState state = new MemoryState();

    TeamStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * Adds {@code incidents} realistic incidents with {@code eventsPerIncident} timeline events each,
     * the same ones for the same {@code seed}, as if origin {@value #SEED_ORIGIN} had pushed them
     * (each write enters the change feed). Returns the new incidents' ids, oldest first.
     */
    public synchronized List<String> seed(int incidents, int eventsPerIncident, long seed) {
        if (incidents < 0 || eventsPerIncident < 0) {
            throw new IllegalArgumentException("seed with 0 or more incidents and events, not " + incidents + " x " + eventsPerIncident);
        }
        Instant at = clock.instant();
        return new TeamSeeder(seed, at).fill(incidents, eventsPerIncident, incidentIds()::containsKey,
                change -> TeamLedger.apply(state, SEED_ORIGIN, change, at));
    }

    private Map<String, FieldEntity> incidentIds() {
        return fieldEntities.get(TeamLedger.INCIDENT);
    }

    // Reading, for tests and benchmarks

    @Override
    public synchronized Optional<JsonNode> incident(String id) {
        return Optional.ofNullable(incidentIds().get(id)).map(FieldEntity::values);
    }

    @Override
    public synchronized Optional<JsonNode> actionItem(String id) {
        return Optional.ofNullable(fieldEntities.get(TeamLedger.ACTION_ITEM).get(id)).map(FieldEntity::values);
    }

    @Override
    public synchronized Map<String, JsonNode> events(String incidentId) {
        Map<String, JsonNode> timeline = new LinkedHashMap<>();
        for (String id : eventIdsByIncident.getOrDefault(incidentId, List.of())) {
            timeline.put(id, parse(events.get(id)));
        }
        return timeline;
    }

    @Override
    public synchronized Optional<JsonNode> postmortem(String incidentId) {
        return Optional.ofNullable(postmortems.get(incidentId)).map(p -> p.body().deepCopy());
    }

    @Override
    public synchronized Optional<JsonNode> entry(String kind, String id) {
        return Optional.ofNullable(entries.get(kind + " " + id)).map(TeamStore::parse);
    }

    @Override
    public synchronized int timesApplied(String key) {
        return applications.getOrDefault(key, 0);
    }

    @Override
    public synchronized int changeCount() {
        return feed.size();
    }

    /** The largest evidence blob the sandbox takes. */
    static final long BLOB_LIMIT = 16L << 20;

    @Override
    public synchronized boolean has(String sha256) {
        return blobs.containsKey(sha256);
    }

    @Override
    public synchronized void put(String sha256, byte[] bytes, String by) {
        blobs.putIfAbsent(sha256, bytes);
    }

    @Override
    public synchronized Optional<byte[]> get(String sha256) {
        return Optional.ofNullable(blobs.get(sha256));
    }

    @Override
    public long limit() {
        return BLOB_LIMIT;
    }

    // The contract

    /** Applies the changes in order, each once under its key; one result per change. */
    synchronized List<PushResult> push(PushRequest request) throws BadRequest {
        return TeamLedger.push(state, request.origin(), request.changes(), clock.instant(), TeamLedger.Gate.OPEN);
    }

    synchronized FeedPage changes(FeedCursor since, int limit) {
        return feed.page(since, limit);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event stored as JSON no longer reads: " + e.getOriginalMessage(), e);
        }
    }

    /** The maps above as the ledger sees them; called only under the store's lock. */
    private final class MemoryState implements TeamState {

        @Override
        public Optional<PushResult> firstResult(String key) {
            return Optional.ofNullable(firstResults.get(key));
        }

        @Override
        public void keepFirstResult(PushResult result) {
            firstResults.put(result.key(), result);
            if (result.outcome() == Outcome.APPLIED || result.outcome() == Outcome.CONFLICT) {
                applications.merge(result.key(), 1, Integer::sum);
            }
        }

        @Override
        public Optional<FieldEntity> fieldEntity(String kind, String id) {
            return Optional.ofNullable(fieldEntities.get(kind).get(id));
        }

        @Override
        public void saveFieldEntity(String kind, String id, FieldEntity entity) {
            fieldEntities.get(kind).put(id, entity);
        }

        @Override
        public boolean hasIncident(String id) {
            return incidentIds().containsKey(id);
        }

        @Override
        public boolean hasEvent(String id) {
            return events.containsKey(id);
        }

        @Override
        public void saveEvent(String id, String incident, String json) {
            events.put(id, json);
            eventIdsByIncident.computeIfAbsent(incident, i -> new ArrayList<>()).add(id);
        }

        @Override
        public boolean hasEntry(String kind, String id) {
            return entries.containsKey(kind + " " + id);
        }

        @Override
        public void saveEntry(String kind, String id, String json) {
            entries.put(kind + " " + id, json);
        }

        @Override
        public Optional<Publication> publication(String incident) {
            return Optional.ofNullable(postmortems.get(incident));
        }

        @Override
        public void savePublication(String incident, Publication publication) {
            postmortems.put(incident, publication);
        }

        @Override
        public void append(String entity, String id, long version, String origin, String bodyJson) {
            feed.append(entity, id, version, origin, bodyJson);
        }
    }
}
