package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.EventType;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TeamJson;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.ActionItemRepository;
import dev.sitrep.store.Store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Action items: what a postmortem commits the team to, with an owner and a due day, each linked to
 * its incident. Adding one and finishing one are noted on the incident's timeline. Follow-ups
 * list them across incidents, overdue first.
 */
public final class ActionItems {

    private final Store store;
    private final IncidentService incidents;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<String> actor;

    /** @param zone the zone whose calendar day decides what is overdue (the operator's) */
    public ActionItems(Store store, IncidentService incidents, Clock clock, ZoneId zone, Supplier<String> actor) {
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
        this.zone = zone;
        this.actor = actor;
    }

    public ActionItem add(IncidentId incident, String action, String owner, LocalDate due) {
        String what = Limits.text("action", action, Limits.ACTION_MAX);
        String who = Limits.optionalName("owner", owner);
        incidents.show(incident);
        Instant now = clock.instant();
        String by = actor.get();
        ActionItem item = new ActionItem(UUID.randomUUID().toString(), incident, what, who, due, ActionItem.Status.OPEN,
                now, by, now, by, 1);
        store.write(tx -> {
            tx.actionItems().insert(item);
            tx.outbox().enqueue(ActionItemRepository.ENTITY, item.id(),
                    () -> TeamJson.fieldsBody(TeamJson.actionItem(item)), now);
            tx.changed(ActionItemRepository.ENTITY, incident.value());
            return null;
        });
        incidents.record(incident, EventType.ACTION, "Action item: " + what + (who == null ? "" : " (owner " + who + ")")
                + (due == null ? "" : ", due " + due), now, Map.of("action_item", item.id()));
        return item;
    }

    /** Changes an item; {@code null} leaves a field as it is. Finishing one is noted on the timeline. */
    public ActionItem update(String id, String action, String owner, LocalDate due, ActionItem.Status status) {
        Instant now = clock.instant();
        String by = actor.get();
        ActionItem[] before = new ActionItem[1];
        ActionItem updated = store.write(tx -> {
            ActionItem current = tx.actionItems().lock(id).orElseThrow(() -> SitrepException.notFound("No action item "
                    + Limits.shown(id) + "; 'sitrep followups' lists them."));
            before[0] = current;
            ActionItem next = new ActionItem(id, current.incident(), action == null ? current.action()
                    : Limits.text("action", action, Limits.ACTION_MAX), owner == null ? current.owner() : Limits.optionalName("owner", owner),
                    due == null ? current.due() : due, status == null ? current.status() : status,
                    current.createdAt(), current.createdBy(), now, by, current.version() + 1);
            tx.actionItems().update(next);
            com.fasterxml.jackson.databind.node.ObjectNode changed = TeamJson.changed(current, next);
            if (!changed.isEmpty()) {
                tx.outbox().enqueue(ActionItemRepository.ENTITY, id, () -> TeamJson.fieldsBody(changed), now);
            }
            tx.changed(ActionItemRepository.ENTITY, current.incident().value());
            return next;
        });
        if (updated.status() != before[0].status()) {
            incidents.record(updated.incident(), EventType.ACTION, "Action item " + updated.status().label() + ": "
                    + updated.action(), now, Map.of("action_item", id, "status", updated.status().key()));
        }
        return updated;
    }

    public List<ActionItem> forIncident(IncidentId incident) {
        return store.read(tx -> tx.actionItems().forIncident(incident));
    }

    /**
     * Follow-ups across incidents: overdue first (oldest due first), then the rest of the
     * unfinished by due day (none last), then the finished unless {@code unfinishedOnly}.
     */
    public List<ActionItem> followUps(boolean overdueOnly) {
        LocalDate today = today();
        return store.read(tx -> tx.actionItems().all()).stream()
                .filter(a -> !overdueOnly || a.overdue(today))
                .sorted(order(today)).toList();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    static Comparator<ActionItem> order(LocalDate today) {
        return Comparator.<ActionItem>comparingInt(a -> a.overdue(today) ? 0 : a.status().finished() ? 2 : 1)
                .thenComparing(ActionItem::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ActionItem::createdAt);
    }
}
