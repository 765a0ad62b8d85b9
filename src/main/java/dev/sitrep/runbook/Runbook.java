package dev.sitrep.runbook;

import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One runbook file: an optional triage tree (questions and outcomes), sections to work
 * through, and reference tables. Format: src/site/markdown/runbooks.md.
 *
 * @param scale the id of the severity scale its outcomes use (a {@link SeverityScales} id)
 * @param start the first question's id (with the line that names it), or {@code null} when it has no triage tree
 * @param file  where it was read from, as problems name it
 */
public record Runbook(String id, String title, String summary, String scale, Located start, List<DecisionNode> nodes,
                      List<Outcome> outcomes, List<Section> sections, List<ReferenceTable> tables, String file) {

    public static final int VERSION = 1;

    public Runbook {
        nodes = List.copyOf(nodes);
        outcomes = List.copyOf(outcomes);
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
    }

    public boolean hasTriage() {
        return !nodes.isEmpty();
    }

    public SeverityScale severityScale() {
        return SeverityScales.byId(scale);
    }

    public Optional<DecisionNode> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    public Optional<DecisionNode> startNode() {
        return start == null ? Optional.empty() : node(start.text());
    }

    public Optional<Outcome> outcome(String outcomeId) {
        return outcomes.stream().filter(o -> o.id().equals(outcomeId)).findFirst();
    }

    /** Every section, nested ones included, depth first. */
    public Stream<Section> allSections() {
        return sections.stream().flatMap(Section::flatten);
    }

    /** The section with this id at any depth. */
    public Optional<Section> section(String sectionId) {
        return allSections().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    public Optional<ReferenceTable> table(String tableId) {
        return tables.stream().filter(t -> t.id().equals(tableId)).findFirst();
    }

    /** Steps in all sections, for counts. */
    public long stepCount() {
        return allSections().mapToLong(s -> s.steps().size()).sum();
    }
}
