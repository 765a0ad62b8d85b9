package dev.sitrep.runbook.importer;

import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityMapping;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.runbook.Action;
import dev.sitrep.runbook.TableKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a parsed ASCII tree into the runbook's triage: questions become nodes, branches their
 * answers; an answer that leads to a line naming a severity ends in an outcome on the runbook's
 * scale (the severity table's when the runbook has one), one that names a heading of the runbook
 * leads to that section, and one that names neither gets a section made for its text (the format
 * has no outcome without a severity, and the importer never invents one). "Go to 2" and
 * "continue" link numbered questions. What an answer says to do on the way ("flip the kill
 * switch, then continue") becomes the next question's help, and the outcomes below it propose
 * the kill switch and open the sections it names. A question whose answers reach no severity
 * gets a "not sure" that goes where its first answer goes (or its "none of these" answer), said in
 * an adjustment.
 */
final class TriageBuilder {

    private static final Pattern LINK = Pattern.compile("(?:^|\\b(?:go\\s*to|goto|jump\\s+to|continue\\s+(?:with|to|at)|"
            + "see|next:?|then)\\s+)(?:question|q|step|#)?\\s*(\\d{1,3})\\.?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTINUE = Pattern.compile("\\b(?:continue|go\\s+on|proceed|next\\s+question|carry\\s+on)"
            + "\\b[^.]*\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FALLBACK_ANSWER = Pattern.compile(
            "^(?:none|other|not\\s+sure|unsure|don'?t\\s+know|unknown|none\\s+of\\s+(?:these|the\\s+above)|something\\s+else)\\b.*",
            Pattern.CASE_INSENSITIVE);

    /** More questions than this in one tree are refused (a triage that long is no triage). */
    static final int MAX_QUESTIONS = 300;

    private final Draft draft;
    private final ImportLog log;
    private final SectionMatcher matcher;
    private final SeverityScale scale;
    private final List<AsciiTreeParser.Entry> roots;
    private final Map<AsciiTreeParser.Entry, Draft.Node> built = new IdentityHashMap<>();
    private final List<Draft.Node> nodes = new ArrayList<>();
    private final Map<String, Draft.Outcome> outcomes = new LinkedHashMap<>();
    private final Map<String, Draft.Section> generated = new LinkedHashMap<>();
    private final Map<Draft.Answer, Instruction> instructions = new IdentityHashMap<>();
    private final Map<Draft.Node, Integer> questionLines = new IdentityHashMap<>();

    /** What an answer says to do on its way: the actions and sections it names. */
    private record Instruction(Set<Action> actions, List<Draft.Section> open) {
    }

    private TriageBuilder(Draft draft, List<AsciiTreeParser.Entry> roots, ImportLog log) {
        this.draft = draft;
        this.log = log;
        this.roots = roots;
        this.matcher = new SectionMatcher(draft.allSections());
        this.scale = draft.scale != null ? SeverityScales.byId(draft.scale) : SeverityCodes.scaleForCodes(codes(roots));
    }

    /**
     * Builds the triage into {@code draft} and returns {@code null}; or returns why the tree cannot be
     * a triage (then {@code draft} is unchanged, and {@code log} must be thrown away).
     */
    static String build(Draft draft, List<Line> treeLines, ImportLog log) {
        AsciiTreeParser.Parsed parsed = AsciiTreeParser.parse(treeLines);
        if (parsed.failure() != null) {
            return parsed.failure();
        }
        AsciiTreeParser.Entry start = parsed.roots().get(0);
        if (start.branch) {
            return "the tree starts with an answer, not a question; write the first question above its branches";
        }
        try {
            return new TriageBuilder(draft, parsed.roots(), log).run(start);
        } catch (TooBig e) {
            return "the tree has more than " + MAX_QUESTIONS + " questions";
        }
    }

    /** Thrown while building when the tree has too many questions. */
    private static final class TooBig extends RuntimeException {
        TooBig() {
            super(null, null, false, false);
        }
    }

    private String run(AsciiTreeParser.Entry start) {
        Draft.Node first = node(start, start);
        String invalid = dropInvalid(first);
        if (invalid != null) {
            return invalid;
        }
        String loop = loop(first);
        if (loop != null) {
            return "the tree loops (" + loop + "); a triage must end";
        }
        for (AsciiTreeParser.Entry root : roots) {
            if (!built.containsKey(root)) {
                noteAll(root, "a part of the decision tree that no answer leads to; kept as a note");
            }
        }
        inherit(first);
        notSure();
        Optional<Draft.Table> contacts = draft.tables.stream().filter(t -> t.kind == TableKind.CONTACTS).findFirst();
        contacts.ifPresent(t -> outcomes.values().forEach(o -> o.contacts = t));
        draft.nodes.addAll(nodes);
        draft.outcomes.addAll(outcomes.values());
        draft.sections.addAll(generated.values());
        if (draft.scale == null && !outcomes.isEmpty()) {
            draft.scale = scale.id();
        }
        return null;
    }

    // ---- building

    private Draft.Node node(AsciiTreeParser.Entry q, AsciiTreeParser.Entry root) {
        Draft.Node known = built.get(q);
        if (known != null) {
            return known;
        }
        Draft.Node node = new Draft.Node(q.line, TreeWords.words(q.text));
        built.put(q, node);
        add(node);
        questionLines.put(node, q.line);
        for (AsciiTreeParser.Entry child : q.children) {
            if (child.branch) {
                node.answers.add(answer(child, node, root));
            } else {
                noteAll(child, "a line under a question that is not one of its answers; kept as a note");
            }
        }
        uniqueAnswers(node);
        return node;
    }

    private void add(Draft.Node node) {
        if (nodes.size() >= MAX_QUESTIONS) {
            throw new TooBig();
        }
        nodes.add(node);
    }

    /** Keeps an entry and everything under it as notes, one per entry with its own words. */
    private void noteAll(AsciiTreeParser.Entry entry, String reason) {
        entry.flatten().forEach(e -> log.note(e.line, reason, e.text));
    }

    /** A question made from a branch's own words, with the branches under it as answers. */
    private Draft.Node synthetic(int line, String question, List<AsciiTreeParser.Entry> branches,
                                 AsciiTreeParser.Entry root) {
        Draft.Node node = new Draft.Node(line, TreeWords.words(question));
        add(node);
        questionLines.put(node, line);
        for (AsciiTreeParser.Entry b : branches) {
            node.answers.add(answer(b, node, root));
        }
        uniqueAnswers(node);
        return node;
    }

    private Draft.Answer answer(AsciiTreeParser.Entry b, Draft.Node parent, AsciiTreeParser.Entry root) {
        String label = b.text;
        String rest = "";
        LineClassifier.Arrow arrow = LineClassifier.arrow(b.text);
        int colon = b.text.indexOf(": ");
        if (arrow != null) {
            label = arrow.label();
            rest = arrow.rest();
        } else if (colon > 0 && LineClassifier.words(b.text.substring(0, colon)) <= 4) {
            label = b.text.substring(0, colon);
            rest = b.text.substring(colon + 2).strip();
        }
        Draft.Answer answer = new Draft.Answer(b.line, TreeWords.answerText(label), null);
        List<AsciiTreeParser.Entry> branches = b.children.stream().filter(c -> c.branch && !isQuestionBranch(c)).toList();
        AsciiTreeParser.Entry question = b.children.stream().filter(c -> !c.branch || isQuestionBranch(c)).findFirst()
                .orElse(null);
        if (rest.endsWith("?") && question == null && !branches.isEmpty()) {
            answer.dest = Draft.Dest.to(synthetic(b.line, rest, branches, root));
        } else if (question != null) {
            answer.dest = Draft.Dest.to(node(question, root));
            instruction(answer, parent, rest);
            b.children.stream().filter(c -> c != question).forEach(c -> noteAll(c,
                    "a line beside the question that follows this answer; kept as a note"));
        } else if (!branches.isEmpty()) {
            String words = rest.isEmpty() ? label : rest;
            log.adjust(b.line, "answers hang under this line but it asks no question; its words were used as the "
                    + "question", words);
            answer.dest = Draft.Dest.to(synthetic(b.line, words, branches, root));
        } else {
            answer.dest = leafOrLink(b, answer, parent, rest.isEmpty() ? label : rest, root);
            explainSectionAnswer(answer, parent, rest.isEmpty() ? label : rest);
        }
        return answer;
    }

    /**
     * An answer that leads to an existing section by some of its words ("flip the kill switch first,
     * see Kill switch") keeps its words in the question's help, as the source put them.
     */
    private static void explainSectionAnswer(Draft.Answer answer, Draft.Node parent, String words) {
        Draft.Section to = answer.dest.section();
        if (to == null || to.generated || SectionMatcher.words(words).equals(SectionMatcher.words(to.title))) {
            return;
        }
        String line = answer.text + ": " + Inline.plain(words) + (words.endsWith(".") ? "" : ".");
        parent.help = parent.help.isEmpty() ? line : parent.help + " " + line;
    }

    private static boolean isQuestionBranch(AsciiTreeParser.Entry c) {
        return c.question() && LineClassifier.arrow(c.text) == null && c.text.indexOf(": ") < 0;
    }

    private Draft.Dest leafOrLink(AsciiTreeParser.Entry b, Draft.Answer answer, Draft.Node parent, String text,
                                  AsciiTreeParser.Entry root) {
        Matcher link = LINK.matcher(text);
        Matcher next = CONTINUE.matcher(text);
        AsciiTreeParser.Entry target = null;
        String rest = text;
        if (link.find()) {
            int number = Integer.parseInt(link.group(1));
            target = roots.stream().filter(r -> r.number == number && !r.branch).findFirst().orElse(null);
            rest = text.substring(0, link.start());
        } else if (next.find() && LineClassifier.words(text.substring(next.start())) <= 6) {
            int at = roots.indexOf(root);
            target = at >= 0 && at + 1 < roots.size() && !roots.get(at + 1).branch ? roots.get(at + 1) : null;
            rest = text.substring(0, next.start());
        }
        if (target != null) {
            answer.dest = Draft.Dest.to(node(target, target));
            boolean onlyTheLink = rest.replaceAll("[\\s,;.:]+|\\b(?:and|then)\\b", "").isEmpty();
            if (!onlyTheLink) {
                instruction(answer, parent, text);
            }
            return answer.dest;
        }
        return leaf(b.line, text);
    }

    private Draft.Dest leaf(int line, String text) {
        String plain = Inline.plain(text);
        Optional<SeverityCodes.Found> code = SeverityCodes.find(plain);
        if (code.isPresent()) {
            String title = TreeWords.cleanTitle(plain.substring(0, code.get().start()) + plain.substring(code.get().end()));
            if (title.isEmpty()) {
                title = TreeWords.cleanTitle(plain).isEmpty() ? TreeWords.words(text) : TreeWords.cleanTitle(plain);
            }
            String severity = onScale(code.get().code(), line, plain);
            String key = (title + "|" + severity).toLowerCase(Locale.ROOT);
            Draft.Outcome known = outcomes.get(key);
            if (known != null) {
                return Draft.Dest.to(known);
            }
            Draft.Outcome o = new Draft.Outcome(line, title, severity);
            Draft.Section opens = matcher.find(title);
            if (opens != null) {
                o.open.add(opens);
            }
            o.actions.addAll(TreeWords.actions(plain));
            outcomes.put(key, o);
            return Draft.Dest.to(o);
        }
        Draft.Section section = matcher.find(plain);
        if (section != null) {
            return Draft.Dest.to(section);
        }
        String title = TreeWords.cleanTitle(plain);
        String key = title.toLowerCase(Locale.ROOT);
        Draft.Section made = generated.get(key);
        if (made == null) {
            made = new Draft.Section(title.isEmpty() ? "Decision tree answer" : title, line, 1, false);
            made.generated = true;
            made.steps.add(new Draft.Step(line, plain.isEmpty() ? made.title : plain, null, null));
            generated.put(key, made);
            log.adjust(line, "this answer leads to words that name no section of the runbook and no severity, so a "
                    + "section was made for them (an outcome needs a severity, and the importer does not guess one)", plain);
        }
        return Draft.Dest.to(made);
    }

    /** The level on the runbook's scale: as written, or carried over by meaning (never milder) with an adjustment. */
    private String onScale(String code, int line, String text) {
        Optional<SeverityLevel> level = scale.find(code);
        if (level.isPresent()) {
            return level.get().code();
        }
        SeverityScale own = code.startsWith("P") ? SeverityScales.PRIORITY : SeverityScales.FIVE_LEVEL;
        SeverityLevel mapped = SeverityMapping.onto(own, code, scale);
        log.adjust(line, code + " is not on the runbook's " + scale.id() + " scale (" + scale.codes() + "); it was "
                + "carried over as " + mapped.code(), text);
        return mapped.code();
    }

    private void instruction(Draft.Answer answer, Draft.Node parent, String text) {
        String words = Inline.plain(text).replaceAll("^[\\s,;:.\u2014-]+|[\\s,;]+$", "");
        if (words.isEmpty()) {
            return;
        }
        instructions.put(answer, new Instruction(TreeWords.actions(words), matcher.named(words)));
        Draft.Node next = answer.dest.next();
        String line = "After \"" + answer.text + "\" to \"" + parent.question + "\": " + words
                + (words.endsWith(".") ? "" : ".");
        next.help = next.help.isEmpty() ? line : next.help + " " + line;
    }

    private void uniqueAnswers(Draft.Node node) {
        Set<String> seen = new HashSet<>();
        for (Draft.Answer a : node.answers) {
            String base = a.text;
            int n = 2;
            while (!seen.add(a.text.toLowerCase(Locale.ROOT))) {
                a.text = base + " (" + n++ + ")";
            }
        }
    }

    // ---- checking what was built

    /** Questions with fewer than two answers are skipped over (their words kept as notes); the first must have two. */
    private String dropInvalid(Draft.Node first) {
        if (first.answers.size() < 2) {
            return "its first question (\"" + first.question + "\") has " + first.answers.size()
                    + " answer" + (first.answers.size() == 1 ? "" : "s") + "; a question needs at least two";
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Draft.Node n : List.copyOf(nodes)) {
                if (n.answers.size() >= 2) {
                    continue;
                }
                Draft.Dest instead = n.answers.isEmpty() ? leaf(n.line, n.question) : n.answers.get(0).dest;
                log.note(n.line, "a question with " + (n.answers.isEmpty() ? "no answers" : "one answer") + "; the tree "
                        + "goes straight on to " + (n.answers.isEmpty() ? "a section made for it" : "where that answer leads")
                        + ", and the question is kept as a note", n.question + (n.answers.isEmpty() ? ""
                        : " \u2192 " + n.answers.get(0).text) + (n.help.isEmpty() ? "" : " (" + n.help + ")"));
                nodes.remove(n);
                for (Draft.Node other : nodes) {
                    for (Draft.Answer a : other.answers) {
                        if (a.dest.next() == n) {
                            a.dest = instead;
                        }
                    }
                }
                changed = true;
            }
        }
        return null;
    }

    /** A loop between questions as {@code q1 -> q2 -> q1}, or {@code null}. */
    private String loop(Draft.Node first) {
        return loop(first, new ArrayList<>(), new HashSet<>());
    }

    private String loop(Draft.Node n, List<Draft.Node> path, Set<Draft.Node> done) {
        if (path.contains(n)) {
            List<String> names = new ArrayList<>(path.subList(path.indexOf(n), path.size()).stream()
                    .map(x -> "\"" + x.question + "\"").toList());
            names.add("\"" + n.question + "\"");
            return String.join(" -> ", names);
        }
        if (!done.add(n)) {
            return null;
        }
        path.add(n);
        for (Draft.Answer a : n.answers) {
            if (a.dest.next() != null) {
                String found = loop(a.dest.next(), path, done);
                if (found != null) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        return null;
    }

    /** Outcomes propose what the answers on the way to them said and open the sections those named, first. */
    private void inherit(Draft.Node first) {
        Map<Draft.Node, Instruction> at = new HashMap<>();
        at.put(first, new Instruction(Set.of(), List.of()));
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ <= nodes.size() + 1) {
            changed = false;
            for (Draft.Node n : nodes) {
                Instruction here = at.get(n);
                if (here == null) {
                    continue;
                }
                for (Draft.Answer a : n.answers) {
                    Instruction along = plus(here, instructions.get(a));
                    if (a.dest.next() != null) {
                        Instruction before = at.get(a.dest.next());
                        Instruction merged = before == null ? along : plus(before, along);
                        if (!merged.equals(before)) {
                            at.put(a.dest.next(), merged);
                            changed = true;
                        }
                    } else if (a.dest.outcome() != null) {
                        Draft.Outcome o = a.dest.outcome();
                        o.actions.addAll(along.actions());
                        List<Draft.Section> open = new ArrayList<>(along.open());
                        o.open.stream().filter(s -> !open.contains(s)).forEach(open::add);
                        o.open.clear();
                        o.open.addAll(open);
                    }
                }
            }
        }
    }

    private static Instruction plus(Instruction a, Instruction b) {
        if (b == null) {
            return a;
        }
        Set<Action> actions = new LinkedHashSet<>(a.actions());
        actions.addAll(b.actions());
        List<Draft.Section> open = new ArrayList<>(a.open());
        b.open().stream().filter(s -> !open.contains(s)).forEach(open::add);
        return new Instruction(actions, open);
    }

    /** Where "not sure" goes when no answer of a question leads to a severity. */
    private void notSure() {
        Map<Draft.Node, Boolean> memo = new IdentityHashMap<>();
        for (Draft.Node n : nodes) {
            if (reachesSeverity(n, memo)) {
                continue;
            }
            Draft.Answer chosen = n.answers.stream().filter(a -> FALLBACK_ANSWER.matcher(a.text).matches()).findFirst()
                    .orElse(n.answers.get(0));
            n.notSure = chosen.dest;
            log.adjust(questionLines.getOrDefault(n, n.line), "no answer of this question leads to a severity, so "
                    + "\"not sure\" goes where \"" + chosen.text + "\" goes; change \"notSure\" if another answer is safer",
                    n.question);
        }
    }

    private boolean reachesSeverity(Draft.Node n, Map<Draft.Node, Boolean> memo) {
        Boolean known = memo.get(n);
        if (known != null) {
            return known;
        }
        memo.put(n, false);
        boolean found = false;
        for (Draft.Answer a : n.answers) {
            found |= a.dest.outcome() != null || a.dest.next() != null && reachesSeverity(a.dest.next(), memo);
        }
        memo.put(n, found);
        return found;
    }

    private static List<String> codes(List<AsciiTreeParser.Entry> roots) {
        List<String> out = new ArrayList<>();
        List<AsciiTreeParser.Entry> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            AsciiTreeParser.Entry e = todo.remove(todo.size() - 1);
            SeverityCodes.find(e.text).ifPresent(f -> out.add(f.code()));
            todo.addAll(e.children);
        }
        return out;
    }
}
