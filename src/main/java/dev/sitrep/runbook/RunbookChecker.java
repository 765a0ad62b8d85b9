package dev.sitrep.runbook;

import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a runbook as a whole once it is read: ids, references inside the file, the triage tree's
 * shape (cycles, questions that cannot be reached, outcomes never reached), severities on the
 * runbook's scale, reference tables, and the "not sure" rule. References into other runbooks
 * ({@code runbook#section}) are checked by {@link CrossReferences} against the loaded library.
 */
final class RunbookChecker {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Runbook runbook;
    private final Problems problems;
    private final SeverityScale scale;

    private RunbookChecker(Runbook runbook, Problems problems) {
        this.runbook = runbook;
        this.problems = problems;
        this.scale = SeverityScales.find(runbook.scale()).orElse(null);
    }

    static void check(Runbook runbook, Problems problems) {
        new RunbookChecker(runbook, problems).checkAll();
    }

    private void checkAll() {
        checkId("the runbook", runbook.id(), 1);
        uniqueIds("question", runbook.nodes().stream().map(n -> new Located(n.id(), n.line())).toList());
        uniqueIds("outcome", runbook.outcomes().stream().map(o -> new Located(o.id(), o.line())).toList());
        uniqueIds("section", runbook.allSections().map(s -> new Located(s.id(), s.line())).toList());
        uniqueIds("table", runbook.tables().stream().map(t -> new Located(t.id(), t.line())).toList());
        checkStart();
        runbook.nodes().forEach(this::checkNode);
        RefUse.all(runbook).forEach(this::checkLocalRef);
        runbook.tables().forEach(this::checkTable);
        // A dangling reference would show up again as questions and outcomes nobody reaches, or as a
        // "not sure" problem: those checks wait until the references resolve.
        boolean targetsExist = targetsExist();
        boolean acyclic = checkCycles();
        if (targetsExist) {
            checkReachable();
        }
        if (acyclic && targetsExist && severitiesKnown()) {
            checkNotSure();
        }
    }

    private void checkId(String what, String id, int line) {
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(line, "the id \"" + id + "\" of " + what + " may use letters, digits, '-', '_' and '.' only "
                    + "(at most 64, no spaces or '#'), e.g. \"" + id.strip().replaceAll("[^A-Za-z0-9._-]+", "-") + "\"");
        }
    }

    private void uniqueIds(String noun, List<Located> ids) {
        Map<String, Integer> first = new HashMap<>();
        for (Located id : ids) {
            checkId(noun + " \"" + id.text() + "\"", id.text(), id.line());
            Integer earlier = first.putIfAbsent(id.text(), id.line());
            if (earlier != null) {
                problems.add(id.line(), "there are two " + noun + "s with the id \"" + id.text() + "\" (the first on line "
                        + earlier + "); give this one another id");
            }
        }
    }

    private void checkStart() {
        Located start = runbook.start();
        if (start == null) {
            return;
        }
        if (runbook.nodes().isEmpty()) {
            problems.add(start.line(), "\"start\" names question \"" + start.text() + "\" but the runbook has no \"nodes\"; "
                    + "add the questions or remove \"start\"");
        } else if (runbook.node(start.text()).isEmpty()) {
            problems.add(start.line(), "\"start\" names question \"" + start.text() + "\" which does not exist"
                    + Suggest.didYouMean(start.text(), nodeIds()) + "; point it at the first question to ask");
        }
    }

    private void checkNode(DecisionNode node) {
        Set<String> texts = new HashSet<>();
        for (Answer a : node.answers()) {
            if (!texts.add(a.text().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(a.line(), "question \"" + node.id() + "\" has the answer \"" + a.text() + "\" twice; "
                        + "make each answer say something different");
            }
            checkLocalTarget("answer \"" + a.text() + "\" of question \"" + node.id() + "\"", a.target());
        }
        node.explicitNotSure().ifPresent(t -> checkLocalTarget("\"notSure\" of question \"" + node.id() + "\"", t));
    }

    private void checkLocalTarget(String who, Target target) {
        switch (target.kind()) {
            case NODE -> {
                if (runbook.node(target.ref()).isEmpty()) {
                    problems.add(target.line(), who + " leads to question \"" + target.ref() + "\" which does not exist; "
                            + "define it or point to an existing question" + Suggest.didYouMean(target.ref(), nodeIds()));
                }
            }
            case OUTCOME -> {
                if (runbook.outcome(target.ref()).isEmpty()) {
                    problems.add(target.line(), who + " leads to outcome \"" + target.ref() + "\" which does not exist; "
                            + "define it under \"outcomes\" or point to an existing one"
                            + Suggest.didYouMean(target.ref(), runbook.outcomes().stream().map(Outcome::id).toList()));
                }
            }
            case SECTION -> {
                // checked with the other section references
            }
        }
    }

    /** A reference within this runbook (no {@code runbook#} part, or this runbook's own id). */
    private void checkLocalRef(RefUse use) {
        String text = use.ref().text();
        int hashes = text.length() - text.replace("#", "").length();
        Ref ref = use.ref().ref();
        if (hashes > 1 || ref.id().isEmpty() || (ref.runbook() != null && ref.runbook().isEmpty())) {
            problems.add(use.ref().line(), use.owner() + " refers to \"" + text + "\"; write a " + use.noun()
                    + " as \"id\" (this runbook) or \"runbook#id\" (another runbook)");
            return;
        }
        if (ref.crossesTo(runbook.id())) {
            return;
        }
        if (use.table()) {
            Optional<ReferenceTable> table = runbook.table(ref.id());
            if (table.isEmpty()) {
                problems.add(use.ref().line(), use.owner() + " names contacts table \"" + text + "\" which does not exist"
                        + Suggest.didYouMean(ref.id(), runbook.tables().stream().map(ReferenceTable::id).toList())
                        + "; define it under \"tables\" or use the built-in \"contacts#escalation\"");
            } else if (table.get().kind() != TableKind.CONTACTS) {
                problems.add(use.ref().line(), use.owner() + " names table \"" + text + "\" as its contacts, but that is a "
                        + table.get().kind().key() + " table; point \"contacts\" at a table of kind contacts");
            }
        } else if (runbook.section(ref.id()).isEmpty()) {
            problems.add(use.ref().line(), use.owner() + " opens section \"" + text + "\" which does not exist"
                    + Suggest.didYouMean(ref.id(), runbook.allSections().map(Section::id).toList())
                    + "; define it under \"sections\" or write \"runbook#section\" for another runbook's");
        }
    }

    private void checkTable(ReferenceTable table) {
        if (table.kind() == TableKind.MITIGATIONS) {
            for (ReferenceTable.Row row : table.rows()) {
                String risk = row.get("risk");
                if (!risk.isEmpty() && !TableKind.RISKS.contains(risk)) {
                    problems.add(row.line(), "risk \"" + risk + "\" in table \"" + table.id() + "\" must be one of "
                            + String.join(", ", TableKind.RISKS) + Suggest.didYouMean(risk, TableKind.RISKS));
                }
            }
        }
        if (table.kind() == TableKind.SEVERITY && table.scale() != null) {
            checkSeverityTable(table);
        }
    }

    private void checkSeverityTable(ReferenceTable table) {
        Optional<SeverityScale> tableScale = SeverityScales.find(table.scale());
        if (tableScale.isEmpty()) {
            List<String> ids = SeverityScales.ALL.stream().map(SeverityScale::id).toList();
            problems.add(table.line(), "table \"" + table.id() + "\" is on the unknown scale \"" + table.scale() + "\""
                    + Suggest.didYouMean(table.scale(), ids) + "; the scales are " + String.join(", ", ids));
            return;
        }
        SeverityScale s = tableScale.get();
        Set<String> seen = new HashSet<>();
        for (ReferenceTable.Row row : table.rows()) {
            String level = row.get("level");
            Optional<SeverityLevel> found = s.find(level);
            if (level.isEmpty()) {
                continue;
            }
            if (found.isEmpty()) {
                problems.add(row.line(), "level \"" + level + "\" in table \"" + table.id() + "\" is not on the " + s.id()
                        + " scale (" + s.codes() + ")"
                        + Suggest.didYouMean(level, s.levels().stream().map(SeverityLevel::code).toList()));
            } else if (!seen.add(found.get().code())) {
                problems.add(row.line(), "level " + found.get().code() + " appears twice in table \"" + table.id()
                        + "\"; keep one row per level");
            }
        }
        List<String> missing = s.levels().stream().map(SeverityLevel::code).filter(c -> !seen.contains(c)).toList();
        if (!missing.isEmpty() && !table.rows().isEmpty()) {
            problems.add(table.line(), "table \"" + table.id() + "\" leaves out " + String.join(", ", missing) + " of the "
                    + s.id() + " scale; give every level a row");
        }
    }

    /** False when the questions loop. */
    private boolean checkCycles() {
        List<DecisionGraph.Cycle> cycles = new DecisionGraph(runbook).cycles();
        for (DecisionGraph.Cycle c : cycles) {
            problems.add(c.line(), "the questions loop: " + c.describe() + "; a triage must end, so point one of these "
                    + "answers at an outcome, a section or a question further down");
        }
        return cycles.isEmpty();
    }

    /** Questions the start does not lead to, outcomes no answer leads to. */
    private void checkReachable() {
        DecisionGraph graph = new DecisionGraph(runbook);
        if (runbook.startNode().isPresent()) {
            Set<String> reachable = graph.reachable();
            for (DecisionNode n : runbook.nodes()) {
                if (!reachable.contains(n.id())) {
                    problems.add(n.line(), "question \"" + n.id() + "\" cannot be reached from the start (\""
                            + runbook.start().text() + "\"); point an answer at it or remove it");
                }
            }
            Set<String> reached = graph.reachedOutcomes();
            for (Outcome o : runbook.outcomes()) {
                if (!reached.contains(o.id())) {
                    problems.add(o.line(), "outcome \"" + o.id() + "\" is never reached: no answer leads to it; "
                            + "point an answer at it or remove it");
                }
            }
        } else if (runbook.nodes().isEmpty()) {
            for (Outcome o : runbook.outcomes()) {
                problems.add(o.line(), "outcome \"" + o.id() + "\" is never reached: the runbook has no questions; "
                        + "add \"nodes\" that lead to it or remove it");
            }
        }
    }

    private void checkNotSure() {
        NotSureRule rule = new NotSureRule(runbook);
        for (DecisionNode node : runbook.nodes()) {
            Optional<NotSureRule.Choice> worst = rule.worstAnswer(node);
            if (node.notSure() == null) {
                if (worst.isEmpty() && !node.answers().isEmpty()) {
                    problems.add(node.line(), "question \"" + node.id() + "\" has no answer that leads to a severity, so "
                            + "\"not sure\" cannot take the more severe branch; add \"notSure\": {\"section\": \"...\"} "
                            + "(or \"next\"/\"outcome\") to say where an unsure commander goes");
                }
                continue;
            }
            if (worst.isPresent()) {
                NotSureRule.Reach explicit = rule.reach(node.notSure());
                NotSureRule.Reach needed = rule.reach(worst.get().target());
                if (explicit.worst() > needed.worst()) {
                    problems.add(node.notSure().line(), "\"notSure\" of question \"" + node.id() + "\" leads at worst to "
                            + rule.levelAt(explicit.worst()) + ", but answer \"" + worst.get().answer().text()
                            + "\" can lead to " + rule.levelAt(needed.worst()) + "; when unsure the triage takes the more "
                            + "severe branch: point \"notSure\" there or remove it");
                }
            }
        }
    }

    private boolean severitiesKnown() {
        return scale != null && runbook.outcomes().stream().allMatch(o -> o.severity() != null
                && scale.find(o.severity()).isPresent());
    }

    private boolean targetsExist() {
        return runbook.nodes().stream().flatMap(n -> DecisionGraph.targets(n).stream()).allMatch(t -> switch (t.kind()) {
            case NODE -> runbook.node(t.ref()).isPresent();
            case OUTCOME -> runbook.outcome(t.ref()).isPresent();
            case SECTION -> true;
        });
    }

    private List<String> nodeIds() {
        List<String> ids = new ArrayList<>();
        runbook.nodes().forEach(n -> ids.add(n.id()));
        return ids;
    }
}
