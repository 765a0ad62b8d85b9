package dev.sitrep.team;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.TeamLimits;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code POST /sitrep/v1/changes} body, checked whole before any of it is applied: a body whose
 * shape is wrong anywhere, or that breaks the contract's limits (ids, field sizes: {@link TeamLimits}),
 * is refused as a {@link BadRequest}. What a change says about its entity (its kind, the incident
 * it names) is the store's to judge, change by change.
 *
 * @param origin  the pushing console's origin id
 * @param changes in the order the console made them
 */
public record PushRequest(String origin, List<Change> changes) {

    /** The most changes one request may carry. */
    public static final int MAX_CHANGES = 500;

    private static final String REQUEST_SHAPE = "; send {\"origin\": \"<your origin id>\", \"changes\": [...]}";
    private static final String CHANGE_SHAPE = "; a change is {\"key\", \"entity\", \"id\", \"base\", \"body\"}";
    private static final String LIMITS = " (the contract's limits: platform-api.md, \"Limits\")";

    /**
     * One change.
     *
     * @param key    its idempotency key
     * @param entity {@code incident}, {@code event}, {@code postmortem} or {@code action_item} (others are rejected)
     * @param base   the entity's version the console last saw (0 for one it creates)
     * @param body   the entity's content, as the contract shapes it for the kind
     */
    public record Change(String key, String entity, String id, long base, JsonNode body) {
    }

    public static PushRequest parse(JsonNode root) throws BadRequest {
        if (!root.isObject()) {
            throw new BadRequest("the body is not a JSON object" + REQUEST_SHAPE);
        }
        String origin = text(root, "origin");
        if (origin == null) {
            throw new BadRequest("missing \"origin\"" + REQUEST_SHAPE);
        }
        String problem = TeamLimits.idProblem("origin", origin);
        if (problem != null) {
            throw new BadRequest(problem + LIMITS);
        }
        JsonNode changes = root.get("changes");
        if (changes == null || !changes.isArray()) {
            throw new BadRequest("missing \"changes\" (a JSON array)" + REQUEST_SHAPE);
        }
        if (changes.size() > MAX_CHANGES) {
            throw new BadRequest(changes.size() + " changes in one request; send at most " + MAX_CHANGES
                    + " per request and the rest in the next");
        }
        List<Change> parsed = new ArrayList<>(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            parsed.add(change(changes.get(i), "change " + (i + 1) + " (counted from 1)", i + 1));
        }
        return new PushRequest(origin, List.copyOf(parsed));
    }

    private static Change change(JsonNode change, String where, int index) throws BadRequest {
        if (!change.isObject()) {
            throw new BadRequest(where + " is not a JSON object" + CHANGE_SHAPE, index);
        }
        String key = required(change, "key", where, index);
        String entity = required(change, "entity", where, index);
        String id = required(change, "id", where, index);
        if (!TeamLedger.KINDS.contains(entity)) {
            throw new BadRequest(where + ": unknown entity \"" + dev.sitrep.core.Limits.foreign(entity, 40)
                    + "\"; this platform takes " + String.join(", ", TeamLedger.KINDS), index);
        }
        JsonNode base = change.get("base");
        if (base == null || !base.isIntegralNumber() || !base.canConvertToLong() || base.asLong() < 0) {
            throw new BadRequest(where + ": \"base\" is " + base + "; send the version last seen, a whole number (0 for a new entity)",
                    index);
        }
        JsonNode body = change.get("body");
        if (body == null || !body.isObject()) {
            throw new BadRequest(where + ": missing \"body\" (a JSON object)" + CHANGE_SHAPE, index);
        }
        String problem = TeamLimits.idProblem("key", key);
        if (problem == null) {
            problem = TeamLimits.problem(entity, id, body);
        }
        if (problem != null) {
            throw new BadRequest(where + ": " + problem + LIMITS, index);
        }
        return new Change(key, entity, id, base.asLong(), body);
    }

    private static String required(JsonNode change, String field, String where, int index) throws BadRequest {
        String value = text(change, field);
        if (value == null) {
            throw new BadRequest(where + ": missing \"" + field + "\" (text)" + CHANGE_SHAPE, index);
        }
        return value;
    }

    /** The field's text, or {@code null} when absent, not text or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
