package dev.sitrep.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Changes as a console pushes them to a hub, the shapes and sizes the sandbox seeds
 * (platform-api.md): an incident with every field a console sends (about 350 bytes of JSON), and
 * timeline events (about 240 bytes), written as the person whose token pushes them.
 */
final class HubChanges {

    private static final String[] SERVICES = {"checkout", "payments", "search", "auth", "inventory", "notifications",
            "api-gateway", "billing"};
    private static final String[] SYMPTOMS = {"5xx above 2%", "p99 latency over 3 s", "queue backlog growing",
            "connection pool at 100%", "error rate doubling", "timeouts from upstream"};
    private static final String[] SEVERITIES = {"SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV4"};
    private static final String[] TYPES = {"note", "note", "hypothesis", "action", "status_update"};
    private static final String[] NOTES = {"pool at 100% on two replicas", "rolled back the last deploy",
            "error rate falling since the rollback", "paged the database on-call", "customers report failed payments",
            "scaled the workers from 8 to 16", "cache hit rate down to 40%", "upstream confirms a partial outage"};

    private final Random random;

    HubChanges(long seed) {
        this.random = new Random(seed);
    }

    /** An incident's body ({@code {"fields": {...}}}) declared by {@code person} at {@code at}. */
    ObjectNode incident(String person, Instant at) {
        String service = pick(SERVICES);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.put("title", Character.toUpperCase(service.charAt(0)) + service.substring(1) + ": " + pick(SYMPTOMS));
        fields.put("severity", pick(SEVERITIES));
        fields.put("status", "investigating");
        fields.put("service", service);
        fields.putArray("platforms").add("pn");
        fields.putObject("roles").put("commander", person);
        fields.putObject("milestones").put("detected", at.minusSeconds(60 + random.nextInt(600)).toString());
        fields.putNull("impact");
        fields.putNull("mergedInto");
        fields.put("drill", false);
        fields.put("declaredAt", at.toString());
        fields.put("declaredBy", person);
        return body;
    }

    /** The {@code n}th timeline event of {@code incident}, by {@code person}. */
    ObjectNode event(String incident, String person, int n, Instant at) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("incident", incident);
        event.put("type", n == 0 ? "declared" : pick(TYPES));
        event.put("text", n == 0 ? "declared" : pick(NOTES) + " (" + n + ")");
        event.put("actor", person);
        event.put("occurredAt", at.toString());
        event.put("recordedAt", at.plusSeconds(random.nextInt(10)).toString());
        event.putNull("supersedes");
        event.putObject("data");
        return event;
    }

    /** One change of a push body: {@code {"key", "entity", "id", "base": 0, "body"}}. */
    static ObjectNode change(String key, String entity, String id, ObjectNode body) {
        ObjectNode change = Json.MAPPER.createObjectNode().put("key", key).put("entity", entity).put("id", id).put("base", 0);
        change.set("body", body);
        return change;
    }

    /** A push body from {@code origin} carrying {@code changes}. */
    static String push(String origin, ObjectNode... changes) {
        ObjectNode push = Json.MAPPER.createObjectNode().put("origin", origin);
        var list = push.putArray("changes");
        for (ObjectNode c : changes) {
            list.add(c);
        }
        return Json.write(push);
    }

    /** A random (version 4) UUID from this generator, the same ones for the same seed. */
    String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    Random random() {
        return random;
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
