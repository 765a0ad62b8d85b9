package dev.sitrep.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.sandbox.PushRequest.Change;
import dev.sitrep.sandbox.PushResult.Conflict;
import dev.sitrep.sandbox.PushResult.Outcome;

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
 * key. Every method holds the store's lock, so a push applies whole before another request sees it.
 * Tests read it directly to check what arrived, and benchmarks {@link #seed} it without HTTP.
 */
public final class TeamStore {

    /** The origin of seeded writes in the change feed. */
    public static final String SEED_ORIGIN = "seed";

    /** The entity kinds of the contract, as a change names them. */
    static final String INCIDENT = "incident";
    static final String EVENT = "event";
    static final String POSTMORTEM = "postmortem";
    static final String ACTION_ITEM = "action_item";

    /** A published postmortem: {@code {"doc", "publishedBy", "publishedAt"}} and its last change. */
    private record Publication(ObjectNode body, long version, String origin, Instant at) {
    }

    private final Clock clock;
    private final Map<String, FieldEntity> incidents = new HashMap<>();
    private final Map<String, FieldEntity> actionItems = new HashMap<>();
    /** Each event's JSON as pushed, by id; never changed. */
    private final Map<String, String> events = new HashMap<>();
    private final Map<String, List<String>> eventIdsByIncident = new HashMap<>();
    private final Map<String, Publication> postmortems = new HashMap<>();
    private final Map<String, PushResult> firstResults = new HashMap<>();
    private final Map<String, Integer> applications = new HashMap<>();
    private final ChangeFeed feed = new ChangeFeed();

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
        return new TeamSeeder(seed, at).fill(incidents, eventsPerIncident, this.incidents::containsKey,
                change -> apply(SEED_ORIGIN, change, at));
    }

    // Reading, for tests and benchmarks

    /** The incident's field values as the platform holds them now. */
    public synchronized Optional<JsonNode> incident(String id) {
        return Optional.ofNullable(incidents.get(id)).map(FieldEntity::values);
    }

    /** The action item's field values as the platform holds them now. */
    public synchronized Optional<JsonNode> actionItem(String id) {
        return Optional.ofNullable(actionItems.get(id)).map(FieldEntity::values);
    }

    /** The incident's timeline events by id, in the order they arrived (empty for an unknown incident). */
    public synchronized Map<String, JsonNode> events(String incidentId) {
        Map<String, JsonNode> timeline = new LinkedHashMap<>();
        for (String id : eventIdsByIncident.getOrDefault(incidentId, List.of())) {
            timeline.put(id, parse(events.get(id)));
        }
        return timeline;
    }

    /** The incident's published postmortem: {@code {"doc", "publishedBy", "publishedAt"}}. */
    public synchronized Optional<JsonNode> postmortem(String incidentId) {
        return Optional.ofNullable(postmortems.get(incidentId)).map(p -> p.body().deepCopy());
    }

    /**
     * How many times a change under this idempotency key was applied or met a conflict, not counting
     * the duplicate answers to its resends: at most 1, however often it was resent.
     */
    public synchronized int timesApplied(String key) {
        return applications.getOrDefault(key, 0);
    }

    /** How many writes the platform has applied: the length of its change feed. */
    public synchronized int changeCount() {
        return feed.size();
    }

    // The contract

    /** Applies the changes in order, each once under its key; one result per change. */
    synchronized List<PushResult> push(PushRequest request) {
        Instant at = clock.instant();
        List<PushResult> results = new ArrayList<>(request.changes().size());
        for (Change change : request.changes()) {
            PushResult first = firstResults.get(change.key());
            if (first != null) {
                results.add(first.asDuplicate());
                continue;
            }
            PushResult result = apply(request.origin(), change, at);
            // A rejected change took nothing, so its key stays free: sent again, it is judged again.
            if (result.outcome() != Outcome.REJECTED) {
                firstResults.put(change.key(), result);
            }
            if (result.outcome() == Outcome.APPLIED || result.outcome() == Outcome.CONFLICT) {
                applications.merge(change.key(), 1, Integer::sum);
            }
            results.add(result);
        }
        return results;
    }

    synchronized ChangeFeed.Page changes(long since, int limit) {
        return feed.page(since, limit);
    }

    private PushResult apply(String origin, Change change, Instant at) {
        return switch (change.entity()) {
            case INCIDENT -> writeFields(INCIDENT, incidents, origin, change, at);
            case ACTION_ITEM -> writeFields(ACTION_ITEM, actionItems, origin, change, at);
            case EVENT -> writeEvent(origin, change);
            case POSTMORTEM -> publish(origin, change, at);
            default -> PushResult.rejected(change.key(), "unknown entity \"" + change.entity() + "\"; this platform takes "
                    + String.join(", ", INCIDENT, EVENT, POSTMORTEM, ACTION_ITEM));
        };
    }

    private PushResult writeFields(String kind, Map<String, FieldEntity> entities, String origin, Change change, Instant at) {
        String what = kind.replace('_', ' ') + " " + change.id();
        if (!(change.body().get("fields") instanceof ObjectNode fields)) {
            return PushResult.rejected(change.key(), what + ": body.fields is missing; send {\"fields\": {...}}");
        }
        FieldEntity entity = entities.get(change.id());
        if (entity == null && change.base() > 0) {
            return PushResult.rejected(change.key(), what + " is unknown here (the platform forgot it or never had it): "
                    + "push it whole with base 0");
        }
        if (entity == null && fields.isEmpty()) {
            return PushResult.rejected(change.key(), what + " is new here: send all its fields to create it");
        }
        if (kind.equals(ACTION_ITEM) && (entity == null || fields.has("incident"))) {
            String refusal = unknownIncident(what, fields.path("incident"), "fields.incident");
            if (refusal != null) {
                return PushResult.rejected(change.key(), refusal);
            }
        }
        if (entity == null) {
            entity = new FieldEntity();
            entities.put(change.id(), entity);
        }
        long before = entity.version();
        List<Conflict> conflicts = entity.merge(fields, change.base(), origin, at);
        if (entity.version() > before) {
            feed.append(kind, change.id(), entity.version(), origin, entity.feedBody());
        }
        return PushResult.merged(change.key(), entity.version(), conflicts);
    }

    /** First write wins: an event id seen before is a duplicate at version 1, whatever its content. */
    private PushResult writeEvent(String origin, Change change) {
        String refusal = unknownIncident(EVENT + " " + change.id(), change.body().path("incident"), "body.incident");
        if (refusal != null) {
            return PushResult.rejected(change.key(), refusal);
        }
        if (events.containsKey(change.id())) {
            return PushResult.duplicate(change.key(), 1);
        }
        String incident = change.body().get("incident").asText();
        String json = Json.write(change.body());
        events.put(change.id(), json);
        eventIdsByIncident.computeIfAbsent(incident, i -> new ArrayList<>()).add(change.id());
        feed.append(EVENT, change.id(), 1, origin, json);
        return PushResult.applied(change.key(), 1);
    }

    /**
     * Whole document: a copy published after {@code base} by another origin is kept. The conflict
     * does not send the documents back ({@code yours} and {@code kept} are null): the console has
     * its own, and the kept one arrives with its next pull. The document itself is opaque here.
     */
    private PushResult publish(String origin, Change change, Instant at) {
        String what = POSTMORTEM + " " + change.id();
        JsonNode doc = change.body().get("doc");
        if (doc == null || doc.isNull()) {
            return PushResult.rejected(change.key(), what + ": body.doc is missing; send {\"doc\": {...}, "
                    + "\"publishedBy\": \"...\", \"publishedAt\": \"...\"}");
        }
        if (!incidents.containsKey(change.id())) {
            return PushResult.rejected(change.key(), unknownIncidentReason(change.id()));
        }
        Publication kept = postmortems.get(change.id());
        if (kept != null && kept.version() > change.base() && !kept.origin().equals(origin)) {
            Conflict conflict = new Conflict("doc", NullNode.getInstance(), NullNode.getInstance(), kept.origin(), kept.at());
            return PushResult.merged(change.key(), kept.version(), List.of(conflict));
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("doc", doc);
        body.set("publishedBy", change.body().get("publishedBy"));
        body.set("publishedAt", change.body().get("publishedAt"));
        long version = kept == null ? 1 : kept.version() + 1;
        postmortems.put(change.id(), new Publication(body, version, origin, at));
        feed.append(POSTMORTEM, change.id(), version, origin, Json.write(body));
        return PushResult.applied(change.key(), version);
    }

    /** Why {@code what} cannot be taken for the incident it names in {@code field}, or {@code null} when it can. */
    private String unknownIncident(String what, JsonNode incident, String field) {
        if (!incident.isTextual() || incident.asText().isBlank()) {
            return what + " names no incident: send " + field;
        }
        return incidents.containsKey(incident.asText()) ? null : unknownIncidentReason(incident.asText());
    }

    private static String unknownIncidentReason(String incident) {
        return "incident " + incident + " is unknown here: push the incident first";
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event stored as JSON no longer reads: " + e.getOriginalMessage(), e);
        }
    }
}
