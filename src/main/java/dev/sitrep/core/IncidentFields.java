package dev.sitrep.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An incident as the fields the team contract syncs (src/site/markdown/platform-api.md): all of
 * them for a new incident, only those a change set for an update, and back into an incident when
 * they arrive from the platform.
 */
public final class IncidentFields {

    private IncidentFields() {
    }

    /** Every field. */
    public static ObjectNode all(Incident i) {
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("title", i.title());
        f.put("service", i.service());
        f.set("platforms", Json.MAPPER.valueToTree(i.platforms()));
        f.put("severity", i.severity());
        f.put("status", i.status().key());
        f.put("mergedInto", i.mergedInto() == null ? null : i.mergedInto().value());
        ObjectNode roles = f.putObject("roles");
        roles.put("commander", i.roles().commander()).put("scribe", i.roles().scribe())
                .put("commsLead", i.roles().commsLead());
        roles.set("responders", Json.MAPPER.valueToTree(i.roles().responders()));
        ObjectNode milestones = f.putObject("milestones");
        i.milestones().asMap().forEach((m, at) -> milestones.put(m.key(), at.toString()));
        f.put("impact", i.impact());
        f.put("drill", i.drill());
        f.put("declaredAt", i.declaredAt().toString());
        f.put("declaredBy", i.declaredBy());
        return f;
    }

    /** The fields whose value differs between two versions of an incident. */
    public static ObjectNode changed(Incident before, Incident after) {
        return TeamJson.diff(all(before), all(after));
    }

    /** A new incident made of every field (as a platform sends it). */
    public static Incident create(IncidentId id, JsonNode f, Instant at) {
        Incident blank = new Incident(id, f.path("title").asText(), null, List.of(), f.path("severity").asText(),
                IncidentStatus.parse(f.path("status").asText("investigating")), null, Roles.commandedBy(null),
                Milestones.none(), null, f.path("drill").asBoolean(),
                Instant.parse(f.path("declaredAt").asText(at.toString())), f.path("declaredBy").asText("unknown"), at, 1);
        return apply(blank, f, at, List.of());
    }

    /**
     * The incident with the given fields set, except those listed in {@code keep} (fields with a
     * local change still waiting to be sent). The version rises by one.
     */
    public static Incident apply(Incident i, JsonNode f, Instant at, List<String> keep) {
        String title = pick(f, "title", keep) ? f.get("title").asText() : i.title();
        String service = pick(f, "service", keep) ? text(f.get("service")) : i.service();
        List<String> platforms = i.platforms();
        if (pick(f, "platforms", keep)) {
            platforms = new ArrayList<>();
            for (JsonNode p : f.get("platforms")) {
                platforms.add(p.asText());
            }
        }
        String severity = pick(f, "severity", keep) ? f.get("severity").asText() : i.severity();
        IncidentStatus status = pick(f, "status", keep) ? IncidentStatus.parse(f.get("status").asText()) : i.status();
        IncidentId into = pick(f, "mergedInto", keep) ? (text(f.get("mergedInto")) == null ? null
                : IncidentId.parse(f.get("mergedInto").asText())) : i.mergedInto();
        Roles roles = i.roles();
        if (pick(f, "roles", keep)) {
            JsonNode r = f.get("roles");
            List<String> responders = new ArrayList<>();
            r.path("responders").forEach(n -> responders.add(n.asText()));
            roles = new Roles(text(r.get("commander")), text(r.get("scribe")), text(r.get("commsLead")), responders);
        }
        Milestones milestones = i.milestones();
        if (pick(f, "milestones", keep)) {
            Map<Milestone, Instant> reached = new EnumMap<>(Milestone.class);
            f.get("milestones").fields().forEachRemaining(e -> reached.put(Milestone.parse(e.getKey()),
                    Instant.parse(e.getValue().asText())));
            milestones = Milestones.of(reached);
        }
        String impact = pick(f, "impact", keep) ? text(f.get("impact")) : i.impact();
        return new Incident(i.id(), title, service, platforms, severity, status, into, roles, milestones, impact,
                i.drill(), i.declaredAt(), i.declaredBy(), at, i.version() + 1);
    }

    /** The same incident at another version (several merges in one transaction are one update). */
    public static Incident atVersion(Incident i, long version) {
        return new Incident(i.id(), i.title(), i.service(), i.platforms(), i.severity(), i.status(), i.mergedInto(),
                i.roles(), i.milestones(), i.impact(), i.drill(), i.declaredAt(), i.declaredBy(), i.updatedAt(), version);
    }

    private static boolean pick(JsonNode f, String name, List<String> keep) {
        return f.has(name) && !keep.contains(name);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
