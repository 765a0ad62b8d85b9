package dev.sitrep.runbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A part of a runbook to read and work through: steps, and sections inside it.
 *
 * @param checklist true when its steps are ticked off one by one (a verification checklist)
 */
public record Section(String id, String title, String summary, boolean checklist, List<Step> steps, List<Section> sections,
                      int line) {

    public Section {
        steps = List.copyOf(steps);
        sections = List.copyOf(sections);
    }

    /** This section and every section inside it, depth first (walked with a stack, not by recursion). */
    public Stream<Section> flatten() {
        List<Section> out = new ArrayList<>();
        Deque<Section> todo = new ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            Section s = todo.pop();
            out.add(s);
            for (int k = s.sections.size() - 1; k >= 0; k--) {
                todo.push(s.sections.get(k));
            }
        }
        return out.stream();
    }

    /** The section with this id, this one or one inside it. */
    public Optional<Section> find(String wanted) {
        return flatten().filter(s -> s.id().equals(wanted)).findFirst();
    }
}
