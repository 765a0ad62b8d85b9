package dev.sitrep.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.team.PushResult.Conflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident or an action item as the platform keeps it: every field with the version, the origin
 * and the time of its last change, merged field by field (platform-api.md, "Field by field").
 * Not thread-safe: the platform's store guards it. A store that keeps it outside memory (the hub's
 * database) saves its {@link #state()} and reads it back with {@link #fromState}.
 */
public final class FieldEntity {

    private record Field(JsonNode value, long version, String origin, Instant at) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private long version;

    public FieldEntity() {
    }

    /** The entity as {@link #state()} wrote it. */
    public static FieldEntity fromState(JsonNode state) {
        FieldEntity entity = new FieldEntity();
        entity.version = state.path("version").asLong();
        for (Map.Entry<String, JsonNode> f : state.path("fields").properties()) {
            JsonNode field = f.getValue();
            entity.fields.put(f.getKey(), new Field(field.get("value"), field.path("version").asLong(),
                    field.path("origin").asText(), Instant.parse(field.path("at").asText())));
        }
        return entity;
    }

    /** Everything it holds, every field with its version, origin and time: {@code {"version", "fields": {name: {...}}}}. */
    public ObjectNode state() {
        ObjectNode state = Json.MAPPER.createObjectNode().put("version", version);
        ObjectNode all = state.putObject("fields");
        fields.forEach((name, f) -> {
            ObjectNode field = all.putObject(name);
            field.set("value", f.value());
            field.put("version", f.version()).put("origin", f.origin()).put("at", f.at().toString());
        });
        return state;
    }

    public long version() {
        return version;
    }

    /**
     * Takes each written field unless the platform changed it after {@code base}, by another origin,
     * to a different value: that field is kept and returned as a conflict. The version rises by one
     * when any value changed; a value written again unchanged keeps its version and origin, so it
     * cannot make a later write from its first origin conflict.
     */
    public List<Conflict> merge(ObjectNode written, long base, String origin, Instant at) {
        long next = version + 1;
        boolean changed = false;
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> w : written.properties()) {
            Field held = fields.get(w.getKey());
            if (held != null && held.value().equals(w.getValue())) {
                continue;
            }
            if (held != null && held.version() > base && !held.origin().equals(origin)) {
                conflicts.add(new Conflict(w.getKey(), w.getValue(), held.value(), held.origin(), held.at()));
                continue;
            }
            fields.put(w.getKey(), new Field(w.getValue(), next, origin, at));
            changed = true;
        }
        if (changed) {
            version = next;
        }
        return conflicts;
    }

    /** Every field's value, as a new object the caller may keep. */
    public ObjectNode values() {
        ObjectNode values = Json.MAPPER.createObjectNode();
        fields.forEach((name, f) -> values.set(name, f.value().deepCopy()));
        return values;
    }

    /** {@code {"fields": {...every value...}}}, the entity in a change feed entry. */
    public String feedBody() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode values = body.putObject("fields");
        fields.forEach((name, f) -> values.set(name, f.value()));
        return Json.write(body);
    }
}
