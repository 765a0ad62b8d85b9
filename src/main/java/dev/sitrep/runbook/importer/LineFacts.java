package dev.sitrep.runbook.importer;

import java.util.List;
import java.util.Map;

/**
 * What a line is in its context, for the {@link BlockScanner}: whether it starts a table, a tree,
 * an underlined heading, indented code or a command, whether it can continue an item or a
 * paragraph. List markers, commands and plain headings are worked out once per line (the scanner
 * asks about the same line from several places).
 */
final class LineFacts {

    private static final byte MARKER_KNOWN = 1;
    private static final byte COMMAND_KNOWN = 2;
    private static final byte COMMAND = 4;
    private static final byte HEADING_KNOWN = 8;
    private static final byte HEADING = 16;

    private final List<Line> lines;
    private final boolean markdown;
    private final Map<Integer, String> dropped;
    private final int titleIndex;
    private final ListParser.Marker[] markers;
    private final byte[] known;

    LineFacts(List<Line> lines, boolean markdown, PageChrome.Found chrome) {
        this.lines = lines;
        this.markdown = markdown;
        this.dropped = chrome.dropped();
        this.titleIndex = chrome.title();
        this.markers = new ListParser.Marker[lines.size()];
        this.known = new byte[lines.size()];
    }

    ListParser.Marker marker(int k) {
        if ((known[k] & MARKER_KNOWN) == 0) {
            markers[k] = ListParser.marker(lines.get(k));
            known[k] |= MARKER_KNOWN;
        }
        return markers[k];
    }

    boolean plainHeading(int k) {
        if ((known[k] & HEADING_KNOWN) == 0) {
            known[k] |= HEADING_KNOWN | (HeadingDetector.isPlainHeading(lines, k, markdown) ? HEADING : 0);
        }
        return (known[k] & HEADING) != 0;
    }

    boolean indentedCodeAt(int k) {
        Line l = lines.get(k);
        if (!markdown || l.indent() < 4) {
            return false;
        }
        return k == 0 || lines.get(k - 1).blank() || lines.get(k - 1).content().endsWith(":");
    }

    boolean commandAt(int k) {
        if ((known[k] & COMMAND_KNOWN) == 0) {
            String c = lines.get(k).content();
            boolean command = CommandDetector.isCommand(c) || CommandDetector.opensSql(c, k + 1 < lines.size()
                    ? lines.get(k + 1).content() : null);
            known[k] |= COMMAND_KNOWN | (command ? COMMAND : 0);
        }
        return (known[k] & COMMAND) != 0;
    }

    boolean treeStartsAt(int k) {
        String c = lines.get(k).content();
        if (LineClassifier.isTreeLine(c) && !LineClassifier.isPipeRow(c)) {
            return true;
        }
        return questionWithBranches(k);
    }

    /** A question followed by tree lines, or by at least two {@code answer → where} lines. */
    boolean questionWithBranches(int k) {
        String c = questionText(lines.get(k));
        if (!c.endsWith("?")) {
            return false;
        }
        int a = nextNonBlank(k + 1, Math.min(lines.size(), k + 3));
        if (a < 0) {
            return false;
        }
        if (LineClassifier.isTreeLine(lines.get(a).content()) && !LineClassifier.isPipeRow(lines.get(a).content())) {
            return true;
        }
        return LineClassifier.arrow(lines.get(a).content()) != null && a + 1 < lines.size()
                && LineClassifier.arrow(lines.get(a + 1).content()) != null;
    }

    static String questionText(Line l) {
        ListParser.Marker m = ListParser.marker(l);
        return (m != null ? m.text() : l.content()).strip();
    }

    /** Whether line {@code k} is still part of the tree; after a blank line only tree lines, answers and questions are. */
    boolean treeContinues(int k, List<Line> body, boolean afterBlank) {
        Line l = lines.get(k);
        String c = l.content();
        if (LineClassifier.isPipeRow(c) && !LineClassifier.isTreeLine(c) || dropped.containsKey(k)) {
            return false;
        }
        if (LineClassifier.isTreeLine(c) || LineClassifier.arrow(c) != null && !body.isEmpty() || questionWithBranches(k)) {
            return true;
        }
        return !afterBlank && l.indent() > 0 && !body.isEmpty() && LineClassifier.atx(l) == null
                && LineClassifier.fence(l) == null && ListParser.marker(l) == null && !CommandDetector.isCommand(c);
    }

    boolean tableStartsAt(int k) {
        if (k + 1 >= lines.size()) {
            return false;
        }
        String c = lines.get(k).content();
        String next = lines.get(k + 1).content();
        if (LineClassifier.isPipeRow(c) && (LineClassifier.isPipeRow(next) || LineClassifier.isSeparator(next))) {
            return true;
        }
        if (c.indexOf('|') >= 0 && LineClassifier.isSeparator(next) && LineClassifier.pipes(c) >= 1) {
            return true;
        }
        return LineClassifier.tabCells(lines.get(k)) != null && LineClassifier.tabCells(lines.get(k + 1)) != null;
    }

    boolean fenceHoldsTree(int open, LineClassifier.Fence fence) {
        for (int k = open + 1; k < lines.size() && !LineClassifier.closes(lines.get(k), fence); k++) {
            if (LineClassifier.isTreeLine(lines.get(k).content())) {
                return true;
            }
        }
        return false;
    }

    /** What cannot be the text of a marker left alone on the line before. */
    boolean loneMarkerStops(int k) {
        Line l = lines.get(k);
        return LineClassifier.fence(l) != null || LineClassifier.atx(l) != null || tableStartsAt(k) || treeStartsAt(k)
                || LineClassifier.isRule(l) || HeadingDetector.shape(l.content()) != null;
    }

    /** Whether line {@code k} starts something other than more paragraph text. */
    boolean startsStructure(int k) {
        Line l = lines.get(k);
        String c = l.content();
        return LineClassifier.fence(l) != null || LineClassifier.atx(l) != null || setextAt(k) || tableStartsAt(k)
                || marker(k) != null || commandAt(k) || LineClassifier.expect(c) != null || treeStartsAt(k)
                || LineClassifier.isImage(c) || c.startsWith("<!--") || HeadingDetector.labelled(c) != null
                || plainHeading(k);
    }

    boolean setextAt(int k) {
        if (k + 1 >= lines.size() || k == titleIndex) {
            return false;
        }
        Line l = lines.get(k);
        return !l.blank() && LineClassifier.setextLevel(lines.get(k + 1)) > 0 && ListParser.marker(l) == null
                && !LineClassifier.isPipeRow(l.content()) && !LineClassifier.isRule(l) && LineClassifier.fence(l) == null
                && (k == 0 || lines.get(k - 1).blank() || LineClassifier.atx(lines.get(k - 1)) != null);
    }

    int nextNonBlank(int from, int to) {
        for (int k = from; k < to; k++) {
            if (!lines.get(k).blank()) {
                return k;
            }
        }
        return -1;
    }
}
