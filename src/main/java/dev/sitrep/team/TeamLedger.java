package dev.sitrep.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.team.PushRequest.Change;
import dev.sitrep.team.PushResult.Conflict;
import dev.sitrep.team.PushResult.Outcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the {@code sitrep} contract's push (platform-api.md, "Entities and versions",
 * "Pushing changes"), the same for every platform that serves it: each change applied once under
 * its idempotency key, in order; incidents and action items merged field by field, events by id
 * (first write wins), postmortems whole. What is stored where is the {@link TeamState}'s business;
 * the caller gives the unit of work (a lock, a transaction) so a push applies whole before another
 * request sees it.
 */
public final class TeamLedger {

    /** The entity kinds of the contract, as a change names them. */
    public static final String INCIDENT = "incident";
    public static final String EVENT = "event";
    public static final String POSTMORTEM = "postmortem";
    public static final String ACTION_ITEM = "action_item";
    /** An evidence item's record (its bytes are a blob, uploaded apart): field by field, like an action item. */
    public static final String EVIDENCE = "evidence";
    /** A kill-switch action's audit entry, as the console that acted recorded it; never changed. */
    public static final String AUDIT = "audit";

    /** Every kind a platform of this contract takes, as a change names it. */
    public static final List<String> KINDS = List.of(INCIDENT, EVENT, POSTMORTEM, ACTION_ITEM, EVIDENCE, AUDIT);

    /** Why a platform will not take a change from this caller (its role, a claimed actor), or {@code null}. */
    @FunctionalInterface
    public interface Gate {
        Gate OPEN = change -> null;

        String refusal(Change change);
    }

    private TeamLedger() {
    }

    /**
     * Applies the changes in order, each once under its key; one result per change. A change whose
     * base is ahead of what the platform holds refuses the whole push before anything is applied
     * (a {@link BadRequest} naming it): the console saw writes this platform does not have.
     */
    public static List<PushResult> push(TeamState state, String origin, List<Change> changes, Instant at, Gate gate)
            throws BadRequest {
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            if (change.base() > 0 && state.firstResult(change.key()).isEmpty()) {
                long held = heldVersion(state, change);
                if (change.base() > held) {
                    throw new BadRequest("change " + (i + 1) + " (counted from 1): " + aheadOfPlatform(change, held), i + 1);
                }
            }
        }
        List<PushResult> results = new ArrayList<>(changes.size());
        for (Change change : changes) {
            PushResult first = state.firstResult(change.key()).orElse(null);
            if (first != null) {
                results.add(first.asDuplicate());
                continue;
            }
            String refusal = gate.refusal(change);
            PushResult result = refusal != null ? PushResult.rejected(change.key(), refusal) : apply(state, origin, change, at);
            // A rejected change took nothing, so its key stays free: sent again, it is judged again.
            if (result.outcome() != Outcome.REJECTED) {
                state.keepFirstResult(result);
            }
            results.add(result);
        }
        return results;
    }

    /** The version of the change's entity the platform holds (0: none); events and audit entries have no base. */
    private static long heldVersion(TeamState state, Change change) {
        return switch (change.entity()) {
            case INCIDENT, ACTION_ITEM, EVIDENCE -> state.fieldEntity(change.entity(), change.id()).map(FieldEntity::version)
                    .orElse(0L);
            case POSTMORTEM -> state.publication(change.id()).map(Publication::version).orElse(0L);
            default -> Long.MAX_VALUE;
        };
    }

    /** Applies one change with no idempotency key kept (a platform seeding itself). */
    public static PushResult apply(TeamState state, String origin, Change change, Instant at) {
        return switch (change.entity()) {
            case INCIDENT, ACTION_ITEM, EVIDENCE -> writeFields(state, change.entity(), origin, change, at);
            case EVENT -> writeEvent(state, origin, change);
            case POSTMORTEM -> publish(state, origin, change, at);
            case AUDIT -> writeOnce(state, AUDIT, origin, change);
            default -> PushResult.rejected(change.key(), "unknown entity \"" + change.entity() + "\"; this platform takes "
                    + String.join(", ", KINDS));
        };
    }

    private static PushResult writeFields(TeamState state, String kind, String origin, Change change, Instant at) {
        String what = kind.replace('_', ' ') + " " + change.id();
        if (!(change.body().get("fields") instanceof ObjectNode fields)) {
            return PushResult.rejected(change.key(), what + ": body.fields is missing; send {\"fields\": {...}}");
        }
        FieldEntity entity = state.fieldEntity(kind, change.id()).orElse(null);
        if (entity == null && fields.isEmpty()) {
            return PushResult.rejected(change.key(), what + " is new here: send all its fields to create it");
        }
        if (!kind.equals(INCIDENT) && (entity == null || fields.has("incident"))) {
            String refusal = unknownIncident(state, what, fields.path("incident"), "fields.incident");
            if (refusal != null) {
                return PushResult.rejected(change.key(), refusal);
            }
        }
        boolean created = entity == null;
        if (created) {
            entity = new FieldEntity();
        }
        long before = entity.version();
        List<Conflict> conflicts = entity.merge(fields, change.base(), origin, at);
        if (entity.version() > before) {
            state.saveFieldEntity(kind, change.id(), entity);
            state.append(kind, change.id(), entity.version(), origin, entity.feedBody());
        }
        return PushResult.merged(change.key(), entity.version(), conflicts);
    }

    /** First write wins: an event id seen before is a duplicate at version 1, whatever its content. */
    private static PushResult writeEvent(TeamState state, String origin, Change change) {
        String refusal = unknownIncident(state, EVENT + " " + change.id(), change.body().path("incident"), "body.incident");
        if (refusal != null) {
            return PushResult.rejected(change.key(), refusal);
        }
        if (state.hasEvent(change.id())) {
            return PushResult.duplicate(change.key(), 1);
        }
        String json = Json.write(change.body());
        state.saveEvent(change.id(), change.body().get("incident").asText(), json);
        state.append(EVENT, change.id(), 1, origin, json);
        return PushResult.applied(change.key(), 1);
    }

    /** First write wins, like an event, for a record that belongs to no incident in particular (an audit entry). */
    private static PushResult writeOnce(TeamState state, String kind, String origin, Change change) {
        if (state.hasEntry(kind, change.id())) {
            return PushResult.duplicate(change.key(), 1);
        }
        String json = Json.write(change.body());
        state.saveEntry(kind, change.id(), json);
        state.append(kind, change.id(), 1, origin, json);
        return PushResult.applied(change.key(), 1);
    }

    /**
     * Whole document: a copy published after {@code base} by another origin is kept. The conflict
     * does not send the documents back ({@code yours} and {@code kept} are null): the console has
     * its own, and the kept one arrives with its next pull. The document itself is opaque here.
     */
    private static PushResult publish(TeamState state, String origin, Change change, Instant at) {
        String what = POSTMORTEM + " " + change.id();
        JsonNode doc = change.body().get("doc");
        if (doc == null || doc.isNull()) {
            return PushResult.rejected(change.key(), what + ": body.doc is missing; send {\"doc\": {...}, "
                    + "\"publishedBy\": \"...\", \"publishedAt\": \"...\"}");
        }
        if (!state.hasIncident(change.id())) {
            return PushResult.rejected(change.key(), unknownIncidentReason(change.id()));
        }
        Publication kept = state.publication(change.id()).orElse(null);
        if (kept != null && kept.version() > change.base() && !kept.origin().equals(origin)) {
            Conflict conflict = new Conflict("doc", NullNode.getInstance(), NullNode.getInstance(), kept.origin(), kept.at());
            return PushResult.merged(change.key(), kept.version(), List.of(conflict));
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("doc", doc);
        body.set("publishedBy", change.body().get("publishedBy"));
        body.set("publishedAt", change.body().get("publishedAt"));
        long version = kept == null ? 1 : kept.version() + 1;
        state.savePublication(change.id(), new Publication(body, version, origin, at));
        state.append(POSTMORTEM, change.id(), version, origin, Json.write(body));
        return PushResult.applied(change.key(), version);
    }

    /** Why {@code what} cannot be taken for the incident it names in {@code field}, or {@code null} when it can. */
    private static String unknownIncident(TeamState state, String what, JsonNode incident, String field) {
        if (!incident.isTextual() || incident.asText().isBlank()) {
            return what + " names no incident: send " + field;
        }
        return state.hasIncident(incident.asText()) ? null : unknownIncidentReason(incident.asText());
    }

    /** A base no version of this platform's ever had: the console saw writes this platform no longer holds. */
    private static String aheadOfPlatform(Change change, long version) {
        String what = change.entity().replace('_', ' ') + " " + change.id();
        return what + ": base " + change.base() + " is ahead of this platform's version " + version + " (a version from "
                + "the future: " + (version == 0 ? "it is unknown here, " : "") + "the platform was restored from an older "
                + "backup, or the console synced with another platform); nothing was applied. Pull first, then make the "
                + "change again" + (version == 0 ? " (it is sent whole, with base 0)" : "");
    }

    private static String unknownIncidentReason(String incident) {
        return "incident " + incident + " is unknown here: push the incident first";
    }
}
