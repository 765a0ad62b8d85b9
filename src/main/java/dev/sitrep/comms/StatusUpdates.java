package dev.sitrep.comms;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Limits;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.WorkspaceSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Status updates that went out. Marking one sent puts "Update sent (template): first line…" on the
 * timeline (which restarts the update clock) and, for the incident's first update, records the
 * first-communication milestone at the same moment.
 */
public final class StatusUpdates {

    /** The timeline entry quotes the update's first line up to this many characters. */
    public static final int SUMMARY_MAX = 120;

    /**
     * @param firstCommunication this update also set the first-communication milestone
     * @param nextDue            when the next update is due, if one is scheduled
     */
    public record Sent(TimelineEvent entry, UpdateTemplate template, Instant at, boolean firstCommunication,
                       Optional<Instant> nextDue) {
    }

    private record Snapshot(Incident incident, SeverityScale scale) {
    }

    private final Store store;
    private final IncidentService incidents;
    private final Clock clock;

    public StatusUpdates(Store store, IncidentService incidents, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
    }

    /**
     * Records that {@code text}, made from the template {@code templateId}, was sent now, and
     * the first communication when the incident has none yet (decided under the incident's lock,
     * so two consoles sending at once record it once).
     */
    public Sent sent(IncidentId id, String templateId, String text) {
        UpdateTemplate template = BuiltInTemplates.byId(templateId);
        String body = Limits.text("update", text);
        Instant at = clock.instant();
        TimelineEvent entry = incidents.record(id, EventType.STATUS_UPDATE,
                "Update sent (" + template.name() + "): " + summary(body), at,
                Map.of("template", template.id(), "chars", Integer.toString(body.length())));
        Snapshot now = snapshot(id);
        var marked = incidents.markMilestoneIfUnset(id, Milestone.FIRST_COMMUNICATION, at);
        return new Sent(entry, template, at, marked.changed(), UpdateCadence.after(now.scale(), marked.incident(), at));
    }

    /** When the latest update on this incident was sent. */
    public Optional<Instant> lastSent(IncidentId id) {
        return store.read(tx -> tx.timeline().latestOccurred(id, EventType.STATUS_UPDATE));
    }

    /**
     * When the latest update was sent to each of these incidents that has one: one lookup each for
     * a few (the board's live patches), the one-query pass over unfinished incidents for many.
     */
    public Map<IncidentId, Instant> lastSent(java.util.Collection<IncidentId> ids) {
        if (ids.size() > 50) {
            Map<IncidentId, Instant> all = new java.util.HashMap<>(lastSentAll());
            all.keySet().retainAll(new java.util.HashSet<>(ids));
            return all;
        }
        return store.read(tx -> {
            Map<IncidentId, Instant> out = new java.util.HashMap<>();
            for (IncidentId id : ids) {
                tx.timeline().latestOccurred(id, EventType.STATUS_UPDATE).ifPresent(at -> out.put(id, at));
            }
            return out;
        });
    }

    /** When the latest update was sent, for every unfinished incident that has one (one query). */
    public Map<IncidentId, Instant> lastSentAll() {
        return store.read(tx -> tx.timeline().latestOccurred(EventType.STATUS_UPDATE, IncidentService.UNFINISHED));
    }

    private Snapshot snapshot(IncidentId id) {
        return store.read(tx -> new Snapshot(tx.incidents().find(id).orElseThrow(() -> SitrepException.notFound(
                "No incident " + id + "; 'sitrep incident list --status all' lists them.")), WorkspaceSettings.scale(tx)));
    }

    /** The first line with text, shortened to {@value #SUMMARY_MAX} characters; "…" when there is more. */
    static String summary(String text) {
        String trimmed = text.strip();
        int nl = trimmed.indexOf('\n');
        String first = (nl < 0 ? trimmed : trimmed.substring(0, nl)).strip();
        boolean more = nl >= 0;
        if (first.length() > SUMMARY_MAX) {
            first = first.substring(0, SUMMARY_MAX - 1).strip();
            more = true;
        }
        return more ? first + "…" : first;
    }
}
