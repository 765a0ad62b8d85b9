package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the shape of an ASCII decision tree: which line hangs under which, from the column of
 * its branch ({@code ├──}, {@code └──}, {@code |--}, {@code +--}, {@code `--}) or, for a tree
 * written as {@code YES → ...} lines under numbered questions, from the indentation. A line
 * without a branch continues the one above it unless it is a question (it ends with {@code ?}).
 * What the lines mean (questions, answers, outcomes) is the {@link TriageBuilder}'s job.
 */
final class AsciiTreeParser {

    /** Trees deeper than this are refused (they would only be a drawing mistake). */
    static final int MAX_DEPTH = 40;

    /**
     * One line of the tree.
     *
     * @param branch drawn as a branch (an answer), else a question or a root
     * @param number the question's number when written as {@code 2. Is ...?}, else 0
     */
    static final class Entry {
        final int line;
        final int column;
        final boolean branch;
        final int number;
        String text;
        final List<Entry> children = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();

        Entry(int line, int column, boolean branch, int number, String text) {
            this.line = line;
            this.column = column;
            this.branch = branch;
            this.number = number;
            this.text = text;
            lines.add(line);
        }

        boolean question() {
            return text.endsWith("?");
        }

        /** This entry and every entry under it, in source order. */
        List<Entry> flatten() {
            List<Entry> out = new ArrayList<>();
            out.add(this);
            children.forEach(c -> out.addAll(c.flatten()));
            return out;
        }
    }

    /** The roots (the first is where the tree starts), or a reason why the drawing cannot be read. */
    record Parsed(List<Entry> roots, String failure) {
    }

    private static final Pattern BRANCH = Pattern.compile(
            "^((?:[ \u2502\u2503|:](?![-\u2500]))*)(?:[\u251C\u2514\u2523\u2517\u2570\u2560\u255A\u2520\u2516]|[|+`\\\\](?=--))"
                    + "[\u2500\u2501\\-\u2013\u2014>]*\\s*(.*)$");
    private static final Pattern PREFIX = Pattern.compile("^[ \u2502\u2503|:]*");
    private static final Pattern NUMBERED = Pattern.compile("^(?:(\\d{1,3})[.):]|[Qq](\\d{1,3})[.):]?)\\s+(.*)$");

    private AsciiTreeParser() {
    }

    static Parsed parse(List<Line> lines) {
        List<Entry> entries = new ArrayList<>();
        for (Line l : lines) {
            Entry e = entry(l);
            if (e == null) {
                continue;
            }
            Entry previous = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (!e.branch && !e.question() && e.number == 0 && previous != null) {
                previous.text = (previous.text + " " + e.text).strip();
                previous.lines.add(e.line);
            } else {
                entries.add(e);
            }
        }
        return nest(entries);
    }

    private static Entry entry(Line l) {
        String raw = " ".repeat(l.indent()) + l.content();
        Matcher branch = BRANCH.matcher(raw);
        if (branch.matches()) {
            return new Entry(l.number(), 2 * branch.group(1).length(), true, 0, branch.group(2).strip());
        }
        Matcher prefix = PREFIX.matcher(raw);
        int column = prefix.find() ? prefix.end() : 0;
        String text = raw.substring(column).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (LineClassifier.arrow(text) != null && !text.endsWith("?")) {
            return new Entry(l.number(), 2 * column, true, 0, text);
        }
        Matcher numbered = NUMBERED.matcher(text);
        if (numbered.matches() && numbered.group(3).strip().endsWith("?")) {
            String n = numbered.group(1) != null ? numbered.group(1) : numbered.group(2);
            return new Entry(l.number(), 2 * column - 1, false, Integer.parseInt(n), numbered.group(3).strip());
        }
        ListParser.Marker marker = ListParser.marker(new Line(l.number(), 0, text));
        String words = marker != null && !marker.alone() ? marker.text() : text;
        return new Entry(l.number(), 2 * column - 1, false, 0, words);
    }

    private static Parsed nest(List<Entry> entries) {
        List<Entry> roots = new ArrayList<>();
        Deque<Entry> stack = new ArrayDeque<>();
        for (Entry e : entries) {
            while (!stack.isEmpty() && stack.peek().column >= e.column) {
                stack.pop();
            }
            if (stack.isEmpty()) {
                roots.add(e);
            } else {
                stack.peek().children.add(e);
            }
            stack.push(e);
            if (stack.size() > MAX_DEPTH) {
                return new Parsed(List.of(), "the tree is more than " + MAX_DEPTH + " levels deep");
            }
        }
        return new Parsed(roots, roots.isEmpty() ? "the tree has no lines with text" : null);
    }
}
