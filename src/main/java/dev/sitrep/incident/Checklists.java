package dev.sitrep.incident;

import dev.sitrep.core.Checklist;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.store.Store;
import dev.sitrep.store.Tx;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runbook sections opened as checklists on an incident. Opening and each tick or untick go on
 * the incident's timeline with who and when; the checklist keeps its own copy of the steps.
 */
public final class Checklists {

    /** A step as the runbook gives it. */
    public record StepSpec(String text, String command, String expected) {
    }

    private final Store store;
    private final IncidentService incidents;
    private final Clock clock;

    public Checklists(Store store, IncidentService incidents, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Opens a section as a checklist, or returns the one already open for it (nothing written twice). */
    public Checklist open(IncidentId id, String runbook, String section, String title, List<StepSpec> steps) {
        if (steps.isEmpty()) {
            throw SitrepException.invalid("The section '" + title + "' has no steps to tick; open it to read instead.");
        }
        return store.write(tx -> {
            Incident incident = incidents.lock(tx, id);
            var open = tx.checklists().find(id, runbook, section);
            if (open.isPresent()) {
                return open.get();
            }
            requireUnfinished(incident);
            Instant now = clock.instant();
            List<Checklist.Step> copied = new ArrayList<>();
            for (StepSpec s : steps) {
                copied.add(new Checklist.Step(copied.size() + 1, s.text(), s.command(), s.expected(), null, null));
            }
            Checklist c = new Checklist(UUID.randomUUID().toString(), id, runbook, section,
                    Limits.text("checklist title", title), now, incidents.operator(), copied);
            tx.checklists().insert(c);
            incidents.append(tx, id, EventType.CHECKLIST, "Opened the checklist '" + c.title() + "' (" + copied.size()
                    + " steps, runbook " + runbook + ")", now, null, data(c, null));
            return c;
        });
    }

    /** Ticks ({@code done}) or unticks a step; asking for the state it is in changes nothing. */
    public Checklist tick(String checklistId, int position, boolean done) {
        return store.write(tx -> {
            Checklist c = find(tx, checklistId);
            requireUnfinished(incidents.lock(tx, c.incident()));
            Checklist.Step step = c.step(position);
            if (step.done() == done) {
                return c;
            }
            Instant now = clock.instant();
            String who = incidents.operator();
            tx.checklists().tick(checklistId, position, done ? now : null, done ? who : null);
            Checklist after = find(tx, checklistId);
            String text = (done ? "Done: " : "Undone: ") + "'" + c.title() + "' step " + position + " of "
                    + c.steps().size() + ": " + step.text() + " (" + after.progress() + ")";
            incidents.append(tx, c.incident(), EventType.CHECKLIST, text, now, null, data(c, position));
            return after;
        });
    }

    /** The incident's checklists, in the order they were opened. */
    public List<Checklist> forIncident(IncidentId id) {
        return store.read(tx -> tx.checklists().forIncident(id));
    }

    private static Checklist find(Tx tx, String checklistId) throws SQLException {
        return tx.checklists().find(checklistId).orElseThrow(() -> SitrepException.notFound("No checklist " + checklistId
                + "; the incident page lists the open ones."));
    }

    private static void requireUnfinished(Incident incident) {
        if (incident.status().isFinal()) {
            throw SitrepException.invalid(incident.id() + " is " + incident.status().key() + "; its checklists can no "
                    + "longer change.");
        }
    }

    private static Map<String, String> data(Checklist c, Integer position) {
        return position == null
                ? Map.of("checklist", c.id(), "runbook", c.runbook(), "section", c.section())
                : Map.of("checklist", c.id(), "runbook", c.runbook(), "section", c.section(), "step", position.toString());
    }
}
