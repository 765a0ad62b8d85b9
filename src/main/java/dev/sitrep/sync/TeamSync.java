package dev.sitrep.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.ActionItem;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentFields;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.SyncBacklog;
import dev.sitrep.core.TeamJson;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.sitrep.SitrepConnector;
import dev.sitrep.store.ActionItemRepository;
import dev.sitrep.store.IncidentRepository;
import dev.sitrep.store.OutboxRepository;
import dev.sitrep.store.PostmortemRepository;
import dev.sitrep.store.Store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One sync cycle with a team platform (kind {@code sitrep}): push what waits in the outbox, in
 * order, each change under its idempotency key (a change leaves the outbox only with the
 * platform's answer recorded, so a retry after a crash never doubles it), then pull the feed from
 * the stored cursor and merge it into the store. Where the platform kept its value over this
 * console's, both values are written on the incident's timeline for every console to see. A
 * change over the contract's limits is set aside with its reason, never sent; every loop of a
 * cycle is bounded in count and in time ({@link Bounds}).
 */
public final class TeamSync {

    /** The actor of what sync writes by itself (the note of a conflict). */
    public static final String ACTOR = "sync";


    private static final int PULL_PAGE = 1000;

    /**
     * What a cycle moved and what still waits; {@code refused} says, for each change refused for
     * good in this cycle (by the platform, or here for breaking the contract's limits), its kind,
     * its id and why.
     */
    public record Report(String platform, int pushed, int duplicates, int conflicts, List<String> refused, int pulled,
                         int waiting, Instant waitingSince) {

        public Report {
            refused = List.copyOf(refused);
        }

        public int rejected() {
            return refused.size();
        }

        public String describe() {
            StringBuilder s = new StringBuilder(platform).append(": pushed ").append(pushed);
            if (duplicates > 0) {
                s.append(" (").append(duplicates).append(" already there)");
            }
            s.append(", pulled ").append(pulled);
            if (conflicts > 0) {
                s.append(", ").append(conflicts).append(" conflict").append(conflicts == 1 ? "" : "s")
                        .append(" (both versions are on the timeline)");
            }
            if (!refused.isEmpty()) {
                s.append(", ").append(refused.size()).append(" refused for good (kept aside, not sent again)");
            }
            s.append(waiting == 0 ? "; nothing waiting." : "; " + waiting + " still waiting since "
                    + TimeFormat.utcTime(waitingSince) + ".");
            refused.forEach(r -> s.append("\n  refused: ").append(r));
            return s.toString();
        }
    }

    /** What the pushes of one cycle did. */
    private static final class Tally {
        int pushed;
        int duplicates;
        int conflicts;
        final List<String> refused = new ArrayList<>();
    }

    /**
     * How far one cycle goes, whichever comes first: pushes sent, pages pulled, time taken. A cycle
     * that reaches a bound stops with an error saying which; the next cycle goes on from there.
     */
    public record Bounds(int pushes, int pages, Duration time) {
        /** 200 pushes (100,000 changes), 1,000 pages (1,000,000 entries), 5 minutes. */
        public static final Bounds DEFAULT = new Bounds(200, 1_000, Duration.ofMinutes(5));
    }

    private record Conflict(String entity, String id, JsonNode conflicts) {
    }

    private final Store store;
    private final IncidentService incidents;
    private final Function<PlatformProfile, PlatformConnector> connect;
    private final Supplier<String> origin;
    private final Clock clock;
    private final Bounds bounds;
    private final TeamBlobs blobs;

    public TeamSync(Store store, IncidentService incidents, BlobStore blobs,
                    Function<PlatformProfile, PlatformConnector> connect, Supplier<String> origin, Clock clock,
                    Bounds bounds) {
        this.store = store;
        this.blobs = new TeamBlobs(blobs, store);
        this.incidents = incidents;
        this.connect = connect;
        this.origin = origin;
        this.clock = clock;
        this.bounds = bounds;
    }

    /** What waits for each team platform among {@code profiles} (kind sitrep), by name. */
    public Map<String, SyncBacklog> waiting(List<PlatformProfile> profiles) {
        return store.read(tx -> {
            Map<String, SyncBacklog> out = new java.util.TreeMap<>();
            for (PlatformProfile p : profiles) {
                if (p.kind() == dev.sitrep.core.PlatformKind.SITREP) {
                    out.put(p.name(), tx.outbox().waiting(p.name()));
                }
            }
            return out;
        });
    }

    /** Push, then pull. A platform that cannot be reached is a {@link PlatformException}; nothing is lost. */
    public Report cycle(PlatformProfile profile) {
        String platform = profile.name();
        try (PlatformConnector c = connect.apply(profile)) {
            if (!(c instanceof SitrepConnector team)) {
                throw SitrepException.invalid(platform + " is a " + profile.kind().key() + " platform; only platforms of "
                        + "kind sitrep share incidents (see platform-api.md).");
            }
            backfillOnce(platform);
            CycleLimit limit = new CycleLimit(platform, bounds);
            Tally pushes = push(team, platform, limit);
            int pulled = pull(team, platform, limit);
            blobs.download(team);
            SyncBacklog waiting = store.read(tx -> tx.outbox().waiting(platform));
            return new Report(platform, pushes.pushed, pushes.duplicates, pushes.conflicts, pushes.refused, pulled,
                    waiting.pending(), waiting.oldest());
        } catch (PlatformException e) {
            store.write(tx -> {
                tx.outbox().failed(platform, e.getMessage(), clock.instant());
                return null;
            });
            throw e;
        }
    }

    /**
     * The first sync with a platform queues what this console already holds (incidents written
     * before the platform was added): every incident, its timeline and its action items, in the
     * order they were made. The platform keeps each once.
     */
    private void backfillOnce(String platform) {
        store.write(tx -> {
            if (tx.outbox().everSynced(platform)) {
                return null;
            }
            List<OutboxRepository.Row> queued = tx.outbox().pending(platform, Integer.MAX_VALUE);
            java.util.Set<String> already = new java.util.HashSet<>();
            queued.forEach(r -> already.add(r.entity() + " " + r.entityId()));
            Instant now = clock.instant();
            List<Incident> all = new ArrayList<>(tx.incidents().list(java.util.Set.of()));
            all.sort(java.util.Comparator.comparing(Incident::declaredAt));
            Map<IncidentId, List<TimelineEvent>> timelines = tx.timeline().forIncidents(all.stream().map(Incident::id)
                    .toList());
            for (Incident i : all) {
                if (!already.contains(IncidentRepository.ENTITY + " " + i.id().value())) {
                    tx.outbox().enqueueTo(platform, IncidentRepository.ENTITY, i.id().value(),
                            TeamJson.fieldsBody(IncidentFields.all(i)), now);
                }
                for (TimelineEvent e : timelines.getOrDefault(i.id(), List.of())) {
                    if (!already.contains("event " + e.id())) {
                        tx.outbox().enqueueTo(platform, "event", e.id(), TeamJson.event(e).toString(), now);
                    }
                }
                for (ActionItem a : tx.actionItems().forIncident(i.id())) {
                    if (!already.contains(ActionItemRepository.ENTITY + " " + a.id())) {
                        tx.outbox().enqueueTo(platform, ActionItemRepository.ENTITY, a.id(),
                                TeamJson.fieldsBody(TeamJson.actionItem(a)), now);
                    }
                }
            }
            for (OutboxRepository.Row r : queued) {
                tx.outbox().requeue(r); // changes made since the platform was added go after what they build on
            }
            tx.outbox().started(platform);
            return null;
        });
    }

    private Tally push(SitrepConnector team, String platform, CycleLimit limit) {
        Tally tally = new Tally();
        String me = origin.get();
        while (true) {
            List<OutboxRepository.Row> rows = store.read(tx -> tx.outbox().pending(platform, SitrepConnector.MAX_PUSH));
            if (rows.isEmpty()) {
                return tally;
            }
            PushBatch batch = PushBatch.of(rows);
            if (!batch.aside().isEmpty()) {
                store.write(tx -> {
                    for (Map.Entry<OutboxRepository.Row, String> r : batch.aside().entrySet()) {
                        tx.outbox().reject(r.getKey().seq(), r.getValue());
                        tally.refused.add(r.getKey().entity() + " " + r.getKey().entityId() + ": " + r.getValue());
                    }
                    return null;
                });
            }
            if (!batch.send().isEmpty()) {
                limit.beforePush(() -> store.read(tx -> tx.outbox().waiting(platform)).pending());
                send(team, platform, me, batch.send(), tally);
            }
        }
    }

    /** Pushes one batch and records each answer in one transaction; then notes the conflicts. */
    private void send(SitrepConnector team, String platform, String me, List<PushBatch.Outgoing> batch, Tally tally) {
        List<SitrepConnector.Change> changes = store.read(tx -> {
            List<SitrepConnector.Change> out = new ArrayList<>();
            for (PushBatch.Outgoing o : batch) {
                OutboxRepository.Row r = o.row();
                out.add(new SitrepConnector.Change(r.key(), r.entity(), r.entityId(),
                        tx.outbox().base(platform, r.entity(), r.entityId()), o.body()));
            }
            return out;
        });
        List<SitrepConnector.Result> results;
        try {
            blobs.upload(team, batch);
            results = team.push(me, changes);
        } catch (SitrepConnector.ChangeRefused e) {
            // Nothing of this push was applied; the change at fault is set aside, the rest go with the next push.
            OutboxRepository.Row row = batch.get(e.index()).row();
            store.write(tx -> {
                tx.outbox().reject(row.seq(), e.getMessage());
                return null;
            });
            tally.refused.add(row.entity() + " " + row.entityId() + ": " + e.getMessage());
            return;
        } catch (PlatformException e) {
            long last = batch.get(batch.size() - 1).row().seq();
            store.write(tx -> {
                tx.outbox().attempted(platform, last, e.getMessage());
                return null;
            });
            throw e;
        }
        List<Conflict> conflicts = new ArrayList<>();
        store.write(tx -> {
            for (int i = 0; i < batch.size(); i++) {
                OutboxRepository.Row row = batch.get(i).row();
                SitrepConnector.Result result = results.get(i);
                if (result.taken()) {
                    tx.outbox().remove(row.seq());
                    tx.outbox().saw(platform, row.entity(), row.entityId(), result.version());
                    if (!result.conflicts().isEmpty()) {
                        // A duplicate carries its first result's conflicts: the answer that had them was lost.
                        tally.conflicts++;
                        conflicts.add(new Conflict(row.entity(), row.entityId(), result.conflicts()));
                    } else if (result.outcome().equals("duplicate")) {
                        tally.duplicates++;
                    } else {
                        tally.pushed++;
                    }
                } else {
                    String reason = result.reason() == null ? result.outcome() : result.reason();
                    tx.outbox().reject(row.seq(), reason);
                    tally.refused.add(row.entity() + " " + row.entityId() + ": " + reason);
                }
            }
            tx.outbox().pushed(platform, clock.instant());
            return null;
        });
        conflicts.forEach(this::noteConflict);
    }

    /** Both versions on the incident's timeline (a local change: it reaches every console). */
    private void noteConflict(Conflict c) {
        IncidentId incident = switch (c.entity()) {
            case IncidentRepository.ENTITY, PostmortemRepository.ENTITY -> IncidentId.parse(c.id());
            case ActionItemRepository.ENTITY -> store.read(tx -> tx.actionItems().find(c.id()))
                    .map(ActionItem::incident).orElse(null);
            default -> null;
        };
        if (incident == null) {
            return;
        }
        for (JsonNode f : c.conflicts()) {
            String field = f.path("field").asText();
            String text = c.entity().equals(PostmortemRepository.ENTITY)
                    ? "Conflict: the postmortem was published elsewhere meanwhile; the platform kept that version "
                    + "(by " + f.path("keptBy").asText("another console") + "). This console's version stays in its "
                    + "postmortem history."
                    : "Conflict on " + (c.entity().equals(IncidentRepository.ENTITY) ? "" : "an action item's ") + field
                    + ": this console set " + f.path("yours") + ", another console set " + f.path("kept")
                    + " first; the platform kept " + f.path("kept") + ". Both versions are noted here.";
            incidents.record(incident, EventType.NOTE, text, clock.instant(), Map.of("conflict", field,
                    "yours", f.path("yours").toString(), "kept", f.path("kept").toString()), ACTOR);
        }
    }

    private int pull(SitrepConnector team, String platform, CycleLimit limit) {
        String cursor = store.read(tx -> tx.outbox().cursor(platform)).orElse(null);
        int pulled = 0;
        SitrepConnector.Page page;
        do {
            limit.beforePage();
            page = team.pull(cursor, PULL_PAGE);
            SitrepConnector.Page current = page;
            store.write(tx -> {
                tx.applyingSync(true);
                new PageApplier(tx, platform, clock.instant()).apply(current.changes());
                tx.outbox().pulled(platform, current.cursor(), clock.instant());
                return null;
            });
            pulled += page.changes().size();
            if (page.more() && (page.cursor() == null || page.cursor().equals(cursor))) {
                throw PlatformException.unreachable(platform, "it answered more: true but its cursor stays at "
                        + (cursor == null ? "the start" : "\"" + cursor + "\"") + "; this sync stopped rather than ask "
                        + "for the same page again. The platform is misbehaving: tell its operators (nothing is lost).",
                        null);
            }
            cursor = page.cursor();
        } while (page.more() && !page.changes().isEmpty());
        return pulled;
    }
}
