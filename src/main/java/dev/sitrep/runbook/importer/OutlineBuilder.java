package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.TableKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the runbook's outline from the blocks: headings open sections (nested by level),
 * list items and paragraphs become steps, code becomes the command of the step it belongs to
 * (the item above it, or the sentence that introduces it) or a step of its own, "Expect" lines
 * and output blocks become the expectation of the step before, tables become reference tables or,
 * when no kind fits, steps. Text before the first heading becomes the summary and an "Overview"
 * section. The first decision tree is kept for the {@link TriageBuilder}; what has no place
 * becomes a note.
 */
final class OutlineBuilder {

    /** Steps and titles longer than the format allows are split at sentences. */
    static final int TEXT_MAX = 20_000;
    private static final int SUMMARY_MAX = 2_000;
    private static final Pattern EXPECT_WORDS = Pattern.compile("\\b(?:expect(?:ed)?|output|returns?|should\\s+(?:see|"
            + "print|show|return|say)|result|response|looks?\\s+like)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * The outline, and the decision tree's lines (empty when there is none).
     *
     * @param emptyTreeSection the section that held only the tree (left out of the outline), or {@code null}
     */
    record Outline(Draft draft, List<Line> tree, int treeLine, Draft.Section emptyTreeSection) {
    }

    private final Draft draft = new Draft();
    private final ImportLog log;
    private final List<Block> blocks;
    private final Deque<Draft.Section> open = new ArrayDeque<>();
    private final List<Boolean> explicit = new ArrayList<>();
    private Draft.Section overview;
    private Draft.Section treeSection;
    private Draft.Step lastStep;
    private Block lastStepBlock;
    private List<Line> tree = List.of();
    private int treeLine;
    private Block.Paragraph treeRoot;
    private Block.Paragraph pendingLeadIn;
    private Draft.Section emptyTreeSection;
    private final java.util.Set<Draft.Section> tabled = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private OutlineBuilder(List<Block> blocks, ImportLog log) {
        this.blocks = blocks;
        this.log = log;
    }

    static Outline build(BlockScanner.Scanned scanned, String fallbackTitle, ImportLog log) {
        OutlineBuilder b = new OutlineBuilder(scanned.blocks(), log);
        b.draft.title = scanned.title() != null && !scanned.title().isBlank() ? scanned.title() : fallbackTitle;
        b.draft.titleLine = scanned.titleLine();
        for (int k = 0; k < scanned.blocks().size(); k++) {
            b.add(k);
        }
        b.finish();
        return new Outline(b.draft, b.tree, b.treeLine, b.emptyTreeSection);
    }

    private void add(int k) {
        Block block = blocks.get(k);
        Block next = k + 1 < blocks.size() ? blocks.get(k + 1) : null;
        Block previous = k > 0 ? blocks.get(k - 1) : null;
        if (block instanceof Block.Heading h) {
            heading(h);
        } else if (block instanceof Block.Item i) {
            item(i);
        } else if (block instanceof Block.Paragraph p) {
            paragraph(p, next);
        } else if (block instanceof Block.Code c) {
            code(c, previous);
        } else if (block instanceof Block.Expect e) {
            expect(e);
        } else if (block instanceof Block.Table t) {
            table(t);
        } else if (block instanceof Block.Tree t) {
            tree(t, previous);
        } else if (block instanceof Block.Unmapped u) {
            log.note(u.line(), u.reason(), u.text());
        } else if (block instanceof Block.Adjusted a) {
            log.adjust(a.line(), a.reason(), a.text());
        }
    }

    // ---- sections

    private void heading(Block.Heading h) {
        boolean shape = HeadingDetector.shape(h.text()) != null;
        int level = level(h, shape);
        while (!open.isEmpty() && open.peek().level >= level) {
            open.pop();
            explicit.remove(explicit.size() - 1);
        }
        Draft.Section s = new Draft.Section(fit(h.text(), h.line(), "the rest of a long heading"), h.line(), level, shape);
        if (open.isEmpty()) {
            draft.sections.add(s);
        } else {
            open.peek().children.add(s);
        }
        open.push(s);
        explicit.add(h.explicit());
        lastStep = null;
        lastStepBlock = null;
    }

    /**
     * A Markdown heading keeps its level. A write-up part (Symptoms, Confirm, ...) goes one below the
     * section it belongs to; a bold line one below the Markdown heading above it.
     */
    private int level(Block.Heading h, boolean shape) {
        if (h.explicit()) {
            return h.level();
        }
        int k = explicit.size() - 1;
        for (Draft.Section s : open) {
            if (shape ? !s.shape : explicit.get(k)) {
                return s.level + 1;
            }
            k--;
        }
        return shape || h.level() > 2 ? Math.max(2, h.level()) : h.level();
    }

    private Draft.Section section() {
        if (!open.isEmpty()) {
            return open.peek();
        }
        if (overview == null) {
            overview = new Draft.Section("Overview", 1, 1, false);
            draft.sections.add(0, overview);
        }
        return overview;
    }

    // ---- steps

    private void item(Block.Item i) {
        String text = i.text();
        String command = i.command();
        if (command == null) {
            CommandDetector.Split split = CommandDetector.split(text);
            if (split != null) {
                text = split.text();
                command = split.command();
            }
        }
        Draft.Section s = section();
        step(s, i, i.line(), text, command, i.expect());
        s.checklist |= i.checkbox();
    }

    private void paragraph(Block.Paragraph p, Block next) {
        if (tree.isEmpty() && next instanceof Block.Tree t && p.text().endsWith("?") && startsWithBranch(t)) {
            treeRoot = p;
            return;
        }
        if (open.isEmpty() && overview == null && draft.summary == null && p.text().length() <= SUMMARY_MAX) {
            draft.summary = Inline.plain(p.text());
            return;
        }
        Draft.Section s = section();
        if (p.leadIn() && next instanceof Block.Item && s.steps.isEmpty() && s.summary == null && s.children.isEmpty()
                && p.text().length() <= SUMMARY_MAX) {
            s.summary = Inline.plain(p.text());
            return;
        }
        if (p.leadIn() && next instanceof Block.Code) {
            lastStepBlock = p;
            lastStep = null;
            pendingLeadIn = p;
            return;
        }
        CommandDetector.Split split = CommandDetector.split(p.text());
        step(s, p, p.line(), split == null ? p.text() : split.text(), split == null ? null : split.command(), null);
    }

    private void code(Block.Code c, Block previous) {
        Draft.Section s = section();
        String language = c.language();
        if (pendingLeadIn != null && previous == pendingLeadIn) {
            Block.Paragraph leadIn = pendingLeadIn;
            pendingLeadIn = null;
            if (EXPECT_WORDS.matcher(leadIn.text()).find() && lastCommandStep() != null) {
                addExpect(lastCommandStep(), c.text());
                return;
            }
            step(s, c, leadIn.line(), leadIn.text(), c.text(), null);
            return;
        }
        if (isOutput(language) && lastStep != null && lastStep.command != null && lastStep.expect == null) {
            lastStep.expect = c.text();
            return;
        }
        if (isConsole(language)) {
            console(s, c, lastStep != null && lastStep.command == null && previous == lastStepBlock);
            return;
        }
        if (lastStep != null && lastStep.command == null && previous == lastStepBlock) {
            lastStep.command = c.text();
            lastStepBlock = c;
            return;
        }
        step(s, c, c.line(), "", c.text(), null);
    }

    /** A terminal session: {@code $ } lines are commands, the lines after each one its output. */
    private void console(Draft.Section s, Block.Code c, boolean attach) {
        Draft.Step current = null;
        StringBuilder output = new StringBuilder();
        for (String raw : c.text().split("\n", -1)) {
            String cmd = raw.startsWith("$ ") || raw.startsWith("# ") ? raw.substring(2).strip() : null;
            if (cmd != null && !cmd.isEmpty()) {
                flushOutput(current, output);
                if (attach && current == null) {
                    lastStep.command = cmd;
                    current = lastStep;
                } else {
                    current = step(s, c, c.line(), "", cmd, null);
                }
            } else if (current == null) {
                current = step(s, c, c.line(), "", raw.strip().isEmpty() ? c.text() : raw.strip(), null);
            } else {
                output.append(output.length() > 0 ? "\n" : "").append(raw);
            }
        }
        flushOutput(current, output);
    }

    private void flushOutput(Draft.Step step, StringBuilder output) {
        if (step != null && !output.toString().isBlank()) {
            addExpect(step, output.toString().strip());
        }
        output.setLength(0);
    }

    private Draft.Step lastCommandStep() {
        return lastStep != null && lastStep.command != null ? lastStep : null;
    }

    private void expect(Block.Expect e) {
        String text = Inline.plain(e.text());
        if (lastStep != null) {
            addExpect(lastStep, text);
        } else {
            step(section(), e, e.line(), "Expect: " + text, null, null);
        }
    }

    private static void addExpect(Draft.Step step, String text) {
        step.expect = step.expect == null ? text : step.expect + "\n" + text;
    }

    /** Adds a step (split when longer than the format allows); returns the last part. */
    private Draft.Step step(Draft.Section s, Block from, int line, String text, String command, String expect) {
        String words = Inline.plain(text);
        if (command != null && (words.isEmpty() || words.equals(command.strip()))) {
            words = "Run: " + firstLine(command);
        }
        if (words.isEmpty()) {
            words = expect != null ? "Expect: " + expect : text.strip();
        }
        List<String> parts = TextLimit.split(words, TEXT_MAX);
        List<String> commands = command == null ? List.of() : TextLimit.split(command, TEXT_MAX);
        Draft.Step last = null;
        for (int k = 0; k < Math.max(parts.size(), commands.size()); k++) {
            String partText = k < parts.size() ? parts.get(k) : "Run (continued): part " + (k + 1);
            last = new Draft.Step(line, partText, k < commands.size() ? commands.get(k) : null,
                    k == Math.max(parts.size(), commands.size()) - 1 ? fit(expect, line, "the rest of a long expected result")
                            : null);
            s.steps.add(last);
        }
        lastStep = last;
        lastStepBlock = from;
        return last;
    }

    private static String firstLine(String command) {
        List<String> lines = command.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String first = lines.stream().filter(l -> !l.startsWith("#")).findFirst().orElse(lines.isEmpty() ? "" : lines.get(0));
        String shown = first.length() > 80 ? first.substring(0, 79) + "\u2026" : first;
        return command.strip().contains("\n") ? shown + " \u2026" : shown;
    }

    private static boolean isOutput(String language) {
        return List.of("text", "txt", "output", "plaintext", "log", "json-output", "out").contains(language);
    }

    private static boolean isConsole(String language) {
        return List.of("console", "shell-session", "terminal", "sh-session").contains(language);
    }

    // ---- tables and trees

    private void table(Block.Table t) {
        if (t.rows().isEmpty()) {
            return;
        }
        TableParser.Grid grid = TableParser.grid(t);
        if (grid.rows().isEmpty()) {
            log.note(t.line(), "a table with a header and no rows; kept as a note", String.join(" | ", grid.header()));
            return;
        }
        String title = open.isEmpty() ? null : open.peek().title;
        TableMapper.Mapped mapped = TableMapper.map(grid, title == null ? "" : title, log);
        if (mapped.table() != null) {
            Draft.Table table = mapped.table();
            Draft.Table titled = title != null ? table : retitled(table);
            draft.tables.add(titled);
            if (!open.isEmpty()) {
                tabled.add(open.peek());
            }
            if (titled.kind == TableKind.SEVERITY && draft.scale == null) {
                draft.scale = titled.scale;
            }
            return;
        }
        Draft.Section s = section();
        for (TableParser.GridRow row : grid.rows()) {
            List<String> cells = new ArrayList<>();
            for (int k = 0; k < row.cells().size(); k++) {
                String value = row.cells().get(k);
                if (!value.isBlank()) {
                    String head = k < grid.header().size() ? grid.header().get(k) : "";
                    cells.add(head.isBlank() ? value : head + ": " + value);
                }
            }
            step(s, t, row.line(), String.join("; ", cells), null, null);
        }
        grid.remarks().forEach(log::adjust);
        log.adjust(t.line(), "a table kept as " + grid.rows().size() + " steps of section \"" + s.title + "\": "
                + mapped.why(), String.join(" | ", grid.header()));
    }

    private static Draft.Table retitled(Draft.Table t) {
        String title = switch (t.kind) {
            case SEVERITY -> "Severity levels";
            case SYMPTOMS -> "Symptoms and likely causes";
            case MITIGATIONS -> "Mitigation strategies";
            case CONTACTS -> "Escalation contacts";
            case TARGETS -> "Timing targets";
        };
        Draft.Table copy = new Draft.Table(t.line, title, t.kind, t.scale);
        for (int k = 0; k < t.rows.size(); k++) {
            copy.add(t.rowLines.get(k), t.rows.get(k));
        }
        return copy;
    }

    private void tree(Block.Tree t, Block previous) {
        if (!tree.isEmpty()) {
            for (Line l : t.lines()) {
                log.note(l.number(), "a second decision tree (a runbook has one triage tree); kept as a note", l.content());
            }
            return;
        }
        List<Line> lines = new ArrayList<>();
        if (treeRoot != null && previous == treeRoot) {
            lines.add(new Line(treeRoot.line(), 0, treeRoot.text()));
        }
        int shift = lines.isEmpty() ? 0 : 1;
        t.lines().forEach(l -> lines.add(new Line(l.number(), l.indent() + shift, l.content())));
        tree = lines;
        treeLine = lines.get(0).number();
        treeSection = open.isEmpty() ? null : open.peek();
    }

    private static boolean startsWithBranch(Block.Tree t) {
        AsciiTreeParser.Parsed parsed = AsciiTreeParser.parse(t.lines());
        return !parsed.roots().isEmpty() && parsed.roots().get(0).branch;
    }

    // ---- the end

    private void finish() {
        if (treeRoot != null && tree.isEmpty()) {
            step(section(), treeRoot, treeRoot.line(), treeRoot.text(), null, null);
        }
        prune(draft.sections);
    }

    /** Sections with nothing in them: the tree's becomes the triage; another's heading becomes a note. */
    private void prune(List<Draft.Section> sections) {
        for (Draft.Section s : List.copyOf(sections)) {
            prune(s.children);
            if (!s.empty()) {
                continue;
            }
            sections.remove(s);
            if (s == treeSection) {
                emptyTreeSection = s;
            } else if (tabled.contains(s)) {
                log.adjust(s.line, "this heading held only a table, which became a reference table with its title; the "
                        + "empty section was left out", s.title);
            } else {
                log.note(s.line, "a heading with nothing under it; kept as a note", s.title);
            }
        }
    }

    /** {@code text} within the format's limit; what is cut goes to a note. {@code null} stays {@code null}. */
    private String fit(String text, int line, String what) {
        if (text == null || text.length() <= TEXT_MAX) {
            return text;
        }
        List<String> parts = TextLimit.split(text, TEXT_MAX);
        for (String part : parts.subList(1, parts.size())) {
            log.note(line, what + " (over " + TEXT_MAX + " characters); kept as a note", part);
        }
        return parts.get(0);
    }
}
