package dev.sitrep.core;

import java.time.Instant;
import java.util.List;

/**
 * A runbook section opened on an incident as a list of steps to tick. The steps are a copy taken
 * when it opened; ticking records who and when.
 *
 * @param runbook the runbook's id, {@code section} the section's id in it
 */
public record Checklist(String id, IncidentId incident, String runbook, String section, String title,
                        Instant openedAt, String openedBy, List<Step> steps) {

    public Checklist {
        steps = List.copyOf(steps);
    }

    /**
     * One step: what to do, an optional command to copy and the result to expect.
     *
     * @param position 1-based, as shown
     */
    public record Step(int position, String text, String command, String expected, Instant doneAt, String doneBy) {

        public boolean done() {
            return doneAt != null;
        }
    }

    public long doneCount() {
        return steps.stream().filter(Step::done).count();
    }

    /** {@code 3 of 7 done}. */
    public String progress() {
        return doneCount() + " of " + steps.size() + " done";
    }

    public Step step(int position) {
        if (position < 1 || position > steps.size()) {
            throw SitrepException.invalid("The checklist " + Limits.quote(title) + " has steps 1 to " + steps.size() + "; there is no "
                    + "step " + position + ".");
        }
        return steps.get(position - 1);
    }
}
