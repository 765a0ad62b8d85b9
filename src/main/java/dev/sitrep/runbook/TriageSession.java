package dev.sitrep.runbook;

import dev.sitrep.core.SitrepException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks a runbook's triage tree one question at a time. Immutable: {@link #answer},
 * {@link #notSure} and {@link #back} return the next session, so a view-model can keep the one
 * it shows and Back is the previous one without replaying anything. Pure: no I/O.
 *
 * <p>"Not sure" follows {@link NotSureRule}: it takes the more severe branch.
 */
public final class TriageSession {

    private final Runbook tree;
    private final RunbookLibrary library;
    private final NotSureRule rule;
    private final List<TriageStep> path;
    private final DecisionNode current;
    private final TriageResult result;

    private TriageSession(Runbook tree, RunbookLibrary library, NotSureRule rule, List<TriageStep> path,
                          DecisionNode current, TriageResult result) {
        this.tree = tree;
        this.library = library;
        this.rule = rule;
        this.path = List.copyOf(path);
        this.current = current;
        this.result = result;
    }

    /** A session at the first question of {@code tree}, which must be a runbook in use in {@code library}. */
    public static TriageSession start(Runbook tree, RunbookLibrary library) {
        if (library.runbook(tree.id()).orElse(null) != tree) {
            throw SitrepException.invalid("Runbook \"" + tree.id() + "\" is not in use (it has problems or is replaced); "
                    + "run 'sitrep runbook list' to see why.");
        }
        DecisionNode first = tree.startNode().orElseThrow(() -> SitrepException.invalid("Runbook \"" + tree.id()
                + "\" has no triage questions; choose a runbook with a triage tree."));
        return new TriageSession(tree, library, new NotSureRule(tree), List.of(), first, null);
    }

    /** A session on the library's runbook {@code id}. */
    public static TriageSession start(String id, RunbookLibrary library) {
        Runbook tree = library.runbook(id).orElseThrow(() -> SitrepException.notFound("There is no runbook \"" + id
                + "\" in use; run 'sitrep runbook list' to see the runbooks and their problems."));
        return start(tree, library);
    }

    public Runbook tree() {
        return tree;
    }

    /** The question to answer now; empty once finished. */
    public Optional<DecisionNode> question() {
        return Optional.ofNullable(current);
    }

    /** The current question's answers, numbered from 1 in this order; empty once finished. */
    public List<Answer> answers() {
        return current == null ? List.of() : current.answers();
    }

    /** Where "not sure" would go from the current question. */
    public Optional<NotSureRule.Choice> notSureChoice() {
        return current == null ? Optional.empty() : rule.choose(current);
    }

    /** Takes answer {@code number} (1-based). */
    public TriageSession answer(int number) {
        DecisionNode node = asking();
        if (number < 1 || number > node.answers().size()) {
            throw SitrepException.invalid("There is no answer " + number + " to \"" + node.question() + "\"; choose 1 to "
                    + node.answers().size() + ", or \"not sure\".");
        }
        Answer a = node.answers().get(number - 1);
        return follow(new TriageStep(node, number, a, a.target(), false));
    }

    /** Says "not sure": takes the more severe branch (or the question's own {@code notSure}). */
    public TriageSession notSure() {
        DecisionNode node = asking();
        NotSureRule.Choice choice = rule.choose(node).orElseThrow(() -> new IllegalStateException(
                "question " + node.id() + " has no not-sure branch; the checker should have refused the runbook"));
        return follow(new TriageStep(node, choice.number(), choice.answer(), choice.target(), true));
    }

    /** The session before the last answer. */
    public TriageSession back() {
        if (path.isEmpty()) {
            throw SitrepException.invalid("This is the first question; there is nothing to go back to.");
        }
        TriageStep last = path.get(path.size() - 1);
        return new TriageSession(tree, library, rule, path.subList(0, path.size() - 1), last.node(), null);
    }

    public boolean canGoBack() {
        return !path.isEmpty();
    }

    /** The questions answered so far, in order. */
    public List<TriageStep> breadcrumbs() {
        return path;
    }

    public boolean finished() {
        return result != null;
    }

    public Optional<TriageResult> result() {
        return Optional.ofNullable(result);
    }

    /** The lines for the incident timeline: one per answer, then the outcome when finished. */
    public List<String> timeline() {
        List<String> lines = new ArrayList<>(path.stream().map(TriageStep::line).toList());
        if (result != null) {
            lines.add(result.line());
        }
        return lines;
    }

    private DecisionNode asking() {
        if (current == null) {
            throw SitrepException.invalid("The triage is finished; go back to change an answer.");
        }
        return current;
    }

    private TriageSession follow(TriageStep step) {
        List<TriageStep> next = new ArrayList<>(path);
        next.add(step);
        boolean unsure = next.stream().anyMatch(TriageStep::unsure);
        Target target = step.target();
        return switch (target.kind()) {
            case NODE -> new TriageSession(tree, library, rule, next, tree.node(target.ref()).orElseThrow(), null);
            case OUTCOME -> new TriageSession(tree, library, rule, next, null,
                    outcome(tree.outcome(target.ref()).orElseThrow(), unsure));
            case SECTION -> new TriageSession(tree, library, rule, next, null, new TriageResult(tree, null,
                    tree.severityScale(), null, List.of(opened(target.ref())), null, List.of(), List.of(), unsure));
        };
    }

    private TriageResult outcome(Outcome o, boolean unsure) {
        List<OpenedSection> sections = o.open().stream().map(ref -> opened(ref.text())).toList();
        ReferenceTable contacts = o.contacts() == null ? null : library.table(tree, o.contacts().text()).orElseThrow();
        return new TriageResult(tree, o, tree.severityScale(), tree.severityScale().level(o.severity()), sections, contacts,
                o.actions(), o.roles(), unsure);
    }

    private OpenedSection opened(String reference) {
        return library.section(tree, reference).orElseThrow(() -> new IllegalStateException(
                "section " + reference + " of " + tree.id() + " is not resolvable; the library should have refused it"));
    }
}
