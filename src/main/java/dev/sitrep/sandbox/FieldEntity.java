package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.sandbox.PushResult.Conflict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An incident or an action item as the platform keeps it: every field with the version, the origin
 * and the time of its last change, merged field by field (platform-api.md, "Field by field").
 * Not thread-safe: the {@link TeamStore} guards it.
 */
final class FieldEntity {

    private record Field(JsonNode value, long version, String origin, Instant at) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private long version;

    long version() {
        return version;
    }

    /**
     * Takes each written field unless the platform changed it after {@code base}, by another origin,
     * to a different value: that field is kept and returned as a conflict. The version rises by one
     * when any value changed; a value written again unchanged keeps its version and origin, so it
     * cannot make a later write from its first origin conflict.
     */
    List<Conflict> merge(ObjectNode written, long base, String origin, Instant at) {
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
    ObjectNode values() {
        ObjectNode values = Json.MAPPER.createObjectNode();
        fields.forEach((name, f) -> values.set(name, f.value().deepCopy()));
        return values;
    }

    /** {@code {"fields": {...every value...}}}, the entity in a change feed entry. */
    String feedBody() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode values = body.putObject("fields");
        fields.forEach((name, f) -> values.set(name, f.value()));
        return Json.write(body);
    }
}
