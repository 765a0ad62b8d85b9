package dev.sitrep.runbook;

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

    /** This section and every section inside it, depth first. */
    public Stream<Section> flatten() {
        return Stream.concat(Stream.of(this), sections.stream().flatMap(Section::flatten));
    }

    /** The section with this id, this one or one inside it. */
    public Optional<Section> find(String wanted) {
        return flatten().filter(s -> s.id().equals(wanted)).findFirst();
    }
}
