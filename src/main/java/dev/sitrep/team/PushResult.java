package dev.sitrep.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the platform did with one pushed change, as {@code POST /sitrep/v1/changes} answers it.
 *
 * @param version   the entity's version after the change (the console's new base); 0 when rejected
 * @param conflicts the fields the platform kept (only for {@link Outcome#CONFLICT}, or a duplicate of one)
 * @param reason    why a change was rejected, else {@code null}
 */
public record PushResult(String key, Outcome outcome, long version, List<Conflict> conflicts, String reason) {

    public enum Outcome {
        APPLIED, DUPLICATE, CONFLICT, REJECTED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A field the platform kept instead of the value written, or a postmortem's whole {@code doc}
     * (whose {@code yours} and {@code kept} are JSON null: the documents are not sent back).
     *
     * @param keptBy the origin that set the kept value
     * @param keptAt when it did
     */
    public record Conflict(String field, JsonNode yours, JsonNode kept, String keptBy, Instant keptAt) {
    }

    public PushResult {
        conflicts = List.copyOf(conflicts);
    }

    public static PushResult applied(String key, long version) {
        return new PushResult(key, Outcome.APPLIED, version, List.of(), null);
    }

    /** Applied where nothing conflicts, else a conflict naming the fields kept. */
    public static PushResult merged(String key, long version, List<Conflict> conflicts) {
        return new PushResult(key, conflicts.isEmpty() ? Outcome.APPLIED : Outcome.CONFLICT, version, conflicts, null);
    }

    public static PushResult duplicate(String key, long version) {
        return new PushResult(key, Outcome.DUPLICATE, version, List.of(), null);
    }

    public static PushResult rejected(String key, String reason) {
        return new PushResult(key, Outcome.REJECTED, 0, List.of(), reason);
    }

    /** This first result, answered again for a key seen before. */
    public PushResult asDuplicate() {
        return new PushResult(key, Outcome.DUPLICATE, version, conflicts, reason);
    }

    /** A result as {@link #toJson()} wrote it (a store keeps each key's first result so). */
    public static PushResult fromJson(JsonNode json) {
        List<Conflict> conflicts = new java.util.ArrayList<>();
        for (JsonNode c : json.path("conflicts")) {
            conflicts.add(new Conflict(c.path("field").asText(), c.get("yours"), c.get("kept"), c.path("keptBy").asText(),
                    Instant.parse(c.path("keptAt").asText())));
        }
        Outcome outcome = Outcome.valueOf(json.path("outcome").asText().toUpperCase(Locale.ROOT));
        return new PushResult(json.path("key").asText(), outcome, json.path("version").asLong(), conflicts,
                json.hasNonNull("reason") ? json.get("reason").asText() : null);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.MAPPER.createObjectNode().put("key", key).put("outcome", outcome.key()).put("version", version);
        if (!conflicts.isEmpty()) {
            ArrayNode list = json.putArray("conflicts");
            for (Conflict c : conflicts) {
                ObjectNode entry = list.addObject().put("field", c.field());
                entry.set("yours", c.yours());
                entry.set("kept", c.kept());
                entry.put("keptBy", c.keptBy()).put("keptAt", c.keptAt().toString());
            }
        }
        if (reason != null) {
            json.put("reason", reason);
        }
        return json;
    }
}
