package dev.sitrep.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Timeline events and action items in the team contract's JSON (src/site/markdown/platform-api.md),
 * both ways. Incidents have their own field-by-field form in {@link IncidentFields}.
 */
public final class TeamJson {

    /** The entity kind of an evidence item's record in the team contract (its bytes travel as a blob). */
    public static final String EVIDENCE = "evidence";
    /** The entity kind of a kill-switch action's audit entry in the team contract. */
    public static final String AUDIT = "audit";

    private TeamJson() {
    }

    /** An audit entry as the team shares it: what was done to which platform, by whom, and its own hash. */
    public static ObjectNode audit(AuditEntry e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("at", e.at().toString()).put("action", e.action()).put("platform", e.platform()).put("actor", e.actor())
                .put("reason", e.reason()).put("approver", e.approver()).put("detail", e.detail())
                .put("incident", e.incidentId()).put("hash", e.hash());
        return o;
    }

    /** Every field of an evidence item's record. */
    public static ObjectNode evidence(EvidenceItem e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("incident", e.incident().value()).put("kind", e.kind().key()).put("name", e.name()).put("size", e.size())
                .put("mediaType", e.mediaType()).put("sha256", e.sha256()).put("capturedAt", e.capturedAt().toString())
                .put("capturedBy", e.capturedBy()).put("source", e.source()).put("description", e.description())
                .put("derivedFrom", e.derivedFrom());
        e.tags().forEach(o.putArray("tags")::add);
        return o.setAll(removal(e));
    }

    /** The fields a removal sets. */
    public static ObjectNode removal(EvidenceItem e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (e.removedAt() != null) {
            o.put("removedAt", e.removedAt().toString()).put("removedBy", e.removedBy()).put("removedReason", e.removedReason());
        }
        return o;
    }

    /** An evidence item from the record a team platform holds (every field, as it stands there). */
    public static EvidenceItem evidence(String id, JsonNode f) {
        List<String> tags = new ArrayList<>();
        f.path("tags").forEach(t -> tags.add(t.asText()));
        return new EvidenceItem(id, IncidentId.parse(f.path("incident").asText()),
                EvidenceItem.Kind.parse(f.path("kind").asText()), f.path("name").asText(), f.path("size").asLong(),
                f.path("mediaType").asText(), f.path("sha256").asText(), Instant.parse(f.path("capturedAt").asText()),
                f.path("capturedBy").asText(), text(f, "source"), text(f, "description"), tags, text(f, "derivedFrom"),
                text(f, "removedAt") == null ? null : Instant.parse(f.path("removedAt").asText()), text(f, "removedBy"),
                text(f, "removedReason"));
    }

    /** A team member's audit entry as shared: no place in this console's chain ({@code seq} 0, no previous hash). */
    public static AuditEntry audit(String id, JsonNode o) {
        return new AuditEntry(0, id, Instant.parse(o.path("at").asText()), o.path("action").asText(),
                text(o, "platform"), text(o, "actor"), text(o, "reason"), text(o, "approver"), text(o, "detail"),
                text(o, "incident"), null, text(o, "hash"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** {@code {"fields": {...}}}: how the contract carries an incident's or an action item's fields. */
    public static String fieldsBody(ObjectNode fields) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("fields", fields);
        return body.toString();
    }

    public static ObjectNode event(TimelineEvent e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("incident", e.incidentId().value()).put("type", e.type().key()).put("text", e.text())
                .put("actor", e.actor()).put("occurredAt", e.occurredAt().toString())
                .put("recordedAt", e.recordedAt().toString()).put("supersedes", e.supersedes());
        ObjectNode data = o.putObject("data");
        e.data().forEach(data::put);
        return o;
    }

    public static TimelineEvent event(String id, JsonNode o) {
        Map<String, String> data = new HashMap<>();
        o.path("data").fields().forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
        return new TimelineEvent(id, IncidentId.parse(o.path("incident").asText()), EventType.fromKey(o.path("type")
                .asText()), o.path("text").asText(), o.path("actor").asText(), Instant.parse(o.path("occurredAt").asText()),
                Instant.parse(o.path("recordedAt").asText()), o.path("supersedes").isNull()
                || o.path("supersedes").isMissingNode() ? null : o.path("supersedes").asText(), data);
    }

    /** Every field of an action item. */
    public static ObjectNode actionItem(ActionItem a) {
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("incident", a.incident().value()).put("action", a.action()).put("owner", a.owner())
                .put("due", a.due() == null ? null : a.due().toString()).put("status", a.status().key())
                .put("createdAt", a.createdAt().toString()).put("createdBy", a.createdBy());
        return f;
    }

    /** The fields whose value differs between two versions of an action item. */
    public static ObjectNode changed(ActionItem before, ActionItem after) {
        return diff(actionItem(before), actionItem(after));
    }

    /** The fields of {@code now} whose value differs from {@code was}. */
    static ObjectNode diff(ObjectNode was, ObjectNode now) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (Iterator<String> names = now.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!now.get(name).equals(was.get(name))) {
                out.set(name, now.get(name));
            }
        }
        return out;
    }

    /** An action item with the given fields set over {@code base} ({@code null}: a new one from every field). */
    public static ActionItem actionItem(String id, ActionItem base, JsonNode f, Instant at, String by) {
        IncidentId incident = base != null ? base.incident() : IncidentId.parse(f.path("incident").asText());
        String action = f.has("action") ? f.get("action").asText() : base.action();
        String owner = f.has("owner") ? (f.get("owner").isNull() ? null : f.get("owner").asText()) : base.owner();
        LocalDate due = f.has("due") ? (f.get("due").isNull() ? null : LocalDate.parse(f.get("due").asText()))
                : base.due();
        ActionItem.Status status = f.has("status") ? ActionItem.Status.parse(f.get("status").asText()) : base.status();
        Instant created = base != null ? base.createdAt() : Instant.parse(f.path("createdAt").asText(at.toString()));
        String createdBy = base != null ? base.createdBy() : f.path("createdBy").asText(by);
        return new ActionItem(id, incident, action, owner, due, status, created, createdBy, at, by,
                base == null ? 1 : base.version() + 1);
    }
}
