package dev.sitrep.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.ActionItem;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentFields;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.TeamJson;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.platform.sitrep.SitrepConnector;
import dev.sitrep.store.ActionItemRepository;
import dev.sitrep.store.IncidentRepository;
import dev.sitrep.store.OutboxRepository;
import dev.sitrep.store.PostmortemRepository;
import dev.sitrep.store.Tx;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Applies one page of a team platform's feed in one transaction, in batches: incidents merged in
 * memory and written once each, new timeline events inserted together (ids already here are
 * skipped), versions seen recorded together. Fields with a local change still waiting in the
 * outbox are not overwritten (the push settles them).
 */
final class PageApplier {

    private static final Logger LOG = Logger.getLogger(PageApplier.class.getName());

    private final Tx tx;
    private final String platform;
    private final Instant now;
    private final Map<String, List<String>> waiting = new HashMap<>();
    private final Map<IncidentId, Incident> created = new LinkedHashMap<>();
    private final Map<IncidentId, Incident> updated = new LinkedHashMap<>();
    private final Map<IncidentId, Long> storedVersion = new HashMap<>();
    private final Map<String, Map<String, Long>> seen = new HashMap<>();

    PageApplier(Tx tx, String platform, Instant now) throws SQLException {
        this.tx = tx;
        this.platform = platform;
        this.now = now;
        for (OutboxRepository.Row r : tx.outbox().pending(platform, Integer.MAX_VALUE)) {
            List<String> names = waiting.computeIfAbsent(r.entity() + " " + r.entityId(), k -> new ArrayList<>());
            for (Iterator<String> it = Json.tree(r.body()).path("fields").fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
        }
    }

    void apply(List<SitrepConnector.Entry> entries) throws SQLException {
        List<TimelineEvent> events = new ArrayList<>();
        for (SitrepConnector.Entry e : entries) {
            switch (e.entity()) {
                case IncidentRepository.ENTITY -> incident(e);
                case "event" -> events.add(TeamJson.event(e.id(), e.body()));
                case TeamJson.AUDIT -> {
                    if (tx.teamAudit().insertIfAbsent(TeamJson.audit(e.id(), e.body()), platform, now)) {
                        tx.changed("audit", e.id());
                    }
                }
                case ActionItemRepository.ENTITY, PostmortemRepository.ENTITY, TeamJson.EVIDENCE -> { } // after incidents exist
                default -> LOG.fine(() -> "skipped a change of unknown kind " + e.entity());
            }
            if (!e.entity().equals("event") && !e.entity().equals(TeamJson.AUDIT)) {
                seen.computeIfAbsent(e.entity(), k -> new HashMap<>()).merge(e.id(), e.version(), Math::max);
            }
        }
        tx.incidents().insert(List.copyOf(created.values()));
        for (Incident i : updated.values()) {
            if (!tx.incidents().update(IncidentFields.atVersion(i, storedVersion.get(i.id()) + 1))) {
                // Rolls the page back: the cursor stays, and the next pull applies it again.
                throw new IllegalStateException(i.id() + " changed while a pull was merging it; the page is retried");
            }
        }
        created.keySet().forEach(id -> tx.changed(IncidentRepository.ENTITY, id.value()));
        updated.keySet().forEach(id -> tx.changed(IncidentRepository.ENTITY, id.value()));
        events(events);
        for (SitrepConnector.Entry e : entries) {
            if (e.entity().equals(ActionItemRepository.ENTITY)) {
                actionItem(e);
            } else if (e.entity().equals(PostmortemRepository.ENTITY)) {
                postmortem(e);
            } else if (e.entity().equals(TeamJson.EVIDENCE)) {
                evidence(e);
            }
        }
        for (Map.Entry<String, Map<String, Long>> s : seen.entrySet()) {
            tx.outbox().sawAll(platform, s.getKey(), s.getValue());
        }
    }

    private void incident(SitrepConnector.Entry e) throws SQLException {
        IncidentId id = IncidentId.parse(e.id());
        JsonNode fields = e.body().path("fields");
        Incident pending = created.containsKey(id) ? created.get(id) : updated.get(id);
        if (pending == null && !created.containsKey(id)) {
            Incident stored = tx.incidents().findForUpdate(id).orElse(null);
            if (stored == null) {
                created.put(id, IncidentFields.create(id, fields, now));
                return;
            }
            storedVersion.put(id, stored.version());
            pending = stored;
        }
        Incident merged = IncidentFields.apply(pending, fields, now, waiting.getOrDefault("incident " + e.id(), List.of()));
        if (created.containsKey(id)) {
            created.put(id, merged);
        } else if (!IncidentFields.changed(pending, merged).isEmpty() || updated.containsKey(id)) {
            updated.put(id, merged);
        }
    }

    private void events(List<TimelineEvent> events) throws SQLException {
        Set<String> here = tx.timeline().existing(events.stream().map(TimelineEvent::id).toList());
        List<TimelineEvent> fresh = new ArrayList<>();
        Map<IncidentId, Boolean> known = new HashMap<>();
        for (TimelineEvent event : events) {
            if (here.add(event.id())) {
                boolean exists = known.computeIfAbsent(event.incidentId(), id -> created.containsKey(id)
                        || updated.containsKey(id) || storedVersion.containsKey(id) || findsIncident(id));
                if (exists) {
                    fresh.add(event);
                    tx.changed(IncidentRepository.ENTITY, event.incidentId().value());
                } else {
                    LOG.warning(() -> "a timeline event for " + event.incidentId() + " came before its incident; skipped");
                }
            }
        }
        tx.timeline().append(fresh);
    }

    private boolean findsIncident(IncidentId id) {
        try {
            return tx.incidents().find(id).isPresent();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void actionItem(SitrepConnector.Entry e) throws SQLException {
        ActionItem local = tx.actionItems().find(e.id()).orElse(null);
        ObjectNode fields = e.body().path("fields").deepCopy();
        waiting.getOrDefault(ActionItemRepository.ENTITY + " " + e.id(), List.of()).forEach(fields::remove);
        if (local == null) {
            ActionItem made = TeamJson.actionItem(e.id(), null, fields, now, "sync");
            if (tx.incidents().find(made.incident()).isPresent()) {
                tx.actionItems().insert(made);
                tx.changed(ActionItemRepository.ENTITY, made.incident().value());
            }
            return;
        }
        ActionItem merged = TeamJson.actionItem(e.id(), local, fields, now, "sync");
        if (!TeamJson.changed(local, merged).isEmpty()) {
            tx.actionItems().update(merged);
            tx.changed(ActionItemRepository.ENTITY, local.incident().value());
        }
    }

    /**
     * Evidence another console captured: its record here (its bytes follow, downloaded after the
     * page), or its removal. A record this version cannot read is skipped, not the page.
     */
    private void evidence(SitrepConnector.Entry e) throws SQLException {
        EvidenceItem shared;
        try {
            shared = TeamJson.evidence(e.id(), e.body().path("fields"));
        } catch (RuntimeException unreadable) {
            LOG.warning(() -> "evidence " + e.id() + " from the team platform cannot be read here (" + unreadable.getMessage()
                    + "); skipped");
            return;
        }
        EvidenceItem local = tx.evidence().find(e.id()).orElse(null);
        if (local == null) {
            if (tx.incidents().find(shared.incident()).isPresent()) {
                tx.evidence().insert(shared);
                tx.changed(IncidentRepository.ENTITY, shared.incident().value());
            }
        } else if (local.removedAt() == null && shared.removedAt() != null) {
            tx.evidence().markRemoved(local.id(), shared.removedAt(), shared.removedBy(), shared.removedReason());
            tx.changed(IncidentRepository.ENTITY, local.incident().value());
        }
    }

    /** A published postmortem becomes the current one here; what this console had stays in its history. */
    private void postmortem(SitrepConnector.Entry e) throws SQLException {
        IncidentId id = IncidentId.parse(e.id());
        if (tx.incidents().find(id).isEmpty()) {
            return;
        }
        var current = tx.postmortems().find(id);
        if (current.isPresent() && Json.tree(current.get().doc()).equals(e.body().path("doc"))) {
            return;
        }
        String doc = e.body().path("doc").toString();
        long version = tx.postmortems().lockVersion(id) + 1;
        String by = e.body().path("publishedBy").asText("another console");
        tx.postmortems().upsert(new PostmortemRepository.Saved(id, doc, version, now, by));
        tx.postmortems().addRevision(new PostmortemRepository.Revision(UUID.randomUUID().toString(), id, version, doc,
                now, by, "published by " + by + " (from the team platform)"));
        tx.changed(PostmortemRepository.ENTITY, id.value());
    }
}
