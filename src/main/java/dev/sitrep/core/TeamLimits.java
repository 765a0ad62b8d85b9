package dev.sitrep.core;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * The team contract's limits (platform-api.md, "Limits"): what an id may be, how big each field of
 * each kind of change may be, and what follows from them: the most bytes one change, one push and
 * one page of the feed take. A console checks a change before it queues it and again before it
 * sends it; a platform refuses a push that breaks them; so no page a platform sends can be more
 * than a console reads, or hold a value a console cannot store.
 */
public final class TeamLimits {

    /** An id (an entity's, an idempotency key, an origin): 1 to 40 letters, digits, '.', '_', '-'. */
    public static final int ID_MAX = 40;
    /** A code (severity, status, event type). */
    public static final int CODE_MAX = 20;
    /** A time or a date, ISO-8601. */
    public static final int TIME_MAX = 40;
    /** A list or an object in a field (platforms, responders, milestones, an event's data): characters of its JSON. */
    public static final int JSON_MAX = 4_000;
    /** An audit entry's platform and reason, as the audit trail keeps them (every kept entry fits). */
    public static final int AUDIT_PLATFORM_MAX = 40;
    public static final int AUDIT_REASON_MAX = 2_000;
    /** A published postmortem's document: characters of its JSON. */
    public static final int DOC_MAX = 1_000_000;
    /**
     * The most one change's body takes as UTF-8 JSON under the field limits: a postmortem, its
     * document (at most 3 bytes a character of JSON) and two short fields (at most 6 bytes a
     * character of text, escaped). An event, the largest of the others, stays under 140 KB.
     */
    public static final int ITEM_MAX_BYTES = 3 * DOC_MAX + (64 << 10);
    /** The most one answer to a pull takes; it always holds at least one change, whatever its size. */
    public static final int PAGE_MAX_BYTES = 4 << 20;
    /** The most one push request takes; it always fits one change, whatever its size. */
    public static final int PUSH_MAX_BYTES = 4 << 20;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String ID_RULE = "an id is letters, digits, '.', '_' and '-', starting with a letter or digit";

    /**
     * Each kind's fields and their limits in characters: of the text, or of the JSON of anything
     * else (a list, an object, a number). A dotted name is a member of an object field.
     */
    private static final Map<String, Map<String, Integer>> FIELDS = Map.of(
            "incident", Map.ofEntries(entry("title", Limits.TITLE_MAX), entry("service", Limits.NAME_MAX),
                    entry("platforms", JSON_MAX), entry("severity", CODE_MAX), entry("status", CODE_MAX),
                    entry("mergedInto", ID_MAX), entry("roles.commander", Limits.NAME_MAX),
                    entry("roles.scribe", Limits.NAME_MAX), entry("roles.commsLead", Limits.NAME_MAX),
                    entry("roles.responders", JSON_MAX), entry("milestones", JSON_MAX),
                    entry("impact", Limits.IMPACT_MAX), entry("drill", CODE_MAX), entry("declaredAt", TIME_MAX),
                    entry("declaredBy", Limits.NAME_MAX)),
            "event", Map.of("incident", ID_MAX, "type", CODE_MAX, "text", Limits.TEXT_MAX, "actor", Limits.NAME_MAX,
                    "occurredAt", TIME_MAX, "recordedAt", TIME_MAX, "supersedes", ID_MAX, "data", JSON_MAX),
            "action_item", Map.of("incident", ID_MAX, "action", Limits.ACTION_MAX, "owner", Limits.NAME_MAX,
                    "due", TIME_MAX, "status", CODE_MAX, "createdAt", TIME_MAX, "createdBy", Limits.NAME_MAX),
            "postmortem", Map.of("doc", DOC_MAX, "publishedBy", Limits.NAME_MAX, "publishedAt", TIME_MAX),
            "evidence", Map.ofEntries(entry("incident", ID_MAX), entry("kind", CODE_MAX), entry("name", 500),
                    entry("size", CODE_MAX), entry("mediaType", Limits.NAME_MAX), entry("sha256", 64),
                    entry("capturedAt", TIME_MAX), entry("capturedBy", Limits.NAME_MAX), entry("source", JSON_MAX),
                    entry("description", JSON_MAX), entry("tags", JSON_MAX), entry("derivedFrom", ID_MAX),
                    entry("removedAt", TIME_MAX), entry("removedBy", Limits.NAME_MAX),
                    entry("removedReason", AUDIT_REASON_MAX)),
            "audit", Map.of("at", TIME_MAX, "action", CODE_MAX, "platform", AUDIT_PLATFORM_MAX, "actor", Limits.NAME_MAX,
                    "reason", AUDIT_REASON_MAX, "approver", Limits.NAME_MAX, "detail", JSON_MAX, "incident", ID_MAX,
                    "hash", 64));

    private TeamLimits() {
    }

    /** What is wrong with an id named {@code field} ("id", "key", "origin"), or {@code null} when nothing is. */
    public static String idProblem(String field, String id) {
        if (id.length() > ID_MAX) {
            return "\"" + field + "\" is " + id.length() + " characters; the limit is " + ID_MAX;
        }
        return ID.matcher(id).matches() ? null : "\"" + field + "\" is \"" + id + "\"; " + ID_RULE;
    }

    /**
     * What breaks the limits in one change, naming the field and its limit, or {@code null} when
     * nothing does. A kind the contract does not know is only checked for its id (a platform rejects it).
     */
    public static String problem(String entity, String id, JsonNode body) {
        String problem = idProblem("id", id);
        if (problem == null && (entity.equals("incident") || entity.equals("postmortem"))
                && !IncidentId.isValid(id)) {
            problem = "\"id\" is \"" + id + "\"; " + article(entity) + "'s id is its incident's, like INC-20261122-1432-7QF2";
        }
        Map<String, Integer> limits = FIELDS.get(entity);
        if (problem != null || limits == null) {
            return problem;
        }
        boolean byField = entity.equals("incident") || entity.equals("action_item") || entity.equals("evidence");
        JsonNode values = byField ? body.get("fields") : body;
        return values.isObject() ? fields(byField ? "body.fields." : "body.", "", values, limits, entity) : null;
    }

    private static String fields(String where, String prefix, JsonNode object, Map<String, Integer> limits, String entity) {
        for (Map.Entry<String, JsonNode> f : object.properties()) {
            String name = prefix + f.getKey();
            Integer max = limits.get(name);
            String problem;
            if (max != null) {
                problem = size(where + name, f.getValue(), max);
            } else if (limits.keySet().stream().anyMatch(k -> k.startsWith(name + "."))) {
                problem = f.getValue().isObject() ? fields(where, name + ".", f.getValue(), limits, entity)
                        : f.getValue().isNull() ? null : where + name + " is " + f.getValue() + "; send an object";
            } else {
                problem = where + name + " is not a field of " + article(entity) + "; its fields are "
                        + String.join(", ", new TreeSet<>(limits.keySet().stream().map(k -> k.replaceAll("\\..*", ""))
                        .toList()));
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String size(String field, JsonNode value, int max) {
        int length = value.isTextual() ? value.asText().length() : Json.write(value).length();
        return length <= max ? null : field + " is " + length + " characters" + (value.isTextual() ? "" : " as JSON")
                + "; the limit is " + max;
    }

    private static String article(String entity) {
        String kind = entity.replace('_', ' ');
        return (kind.matches("[aeiou].*") ? "an " : "a ") + kind;
    }
}
