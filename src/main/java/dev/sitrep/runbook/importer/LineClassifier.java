package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a single line is, seen on its own: a code fence, a Markdown heading, a rule, a table row
 * or separator, a line of an ASCII tree, an "answer → where" line, an "Expect: ..." line, an
 * image or a comment. Context (what comes before and after) is the {@link BlockScanner}'s job.
 */
final class LineClassifier {

    /** A code fence: its character, how many, and the info string (the language). */
    record Fence(char mark, int length, String info) {
    }

    /** A Markdown {@code #} heading. */
    record Atx(int level, String text) {
    }

    /** {@code label → rest}: an answer of a decision tree and where it leads. */
    record Arrow(String label, String rest) {
    }

    private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*([^`]*)$");
    private static final Pattern ATX = Pattern.compile("^(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern RULE = Pattern.compile("^(?:(?:-\\s*){3,}+|(?:\\*\\s*){3,}+|(?:_\\s*){3,}+)$");
    private static final Pattern SETEXT = Pattern.compile("^(?:={2,}|-{2,})$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\|?\\s*:?-+:?\\s*(?:\\|\\s*:?-+:?\\s*)*+\\|?$");
    private static final Pattern TREE_GLYPH = Pattern.compile("[\u251C\u2514\u2502\u250C\u252C\u253C\u2570\u256D\u2523\u2517\u2503]");
    private static final Pattern ASCII_BRANCH = Pattern.compile("^(?:[|:]\\s+)*+(?:\\|--|\\+--|`--|\\\\--|\\|__)");
    private static final Pattern ARROW = Pattern.compile(
            "^([\\p{L}\\p{N}\"'(][^\u2192>]{0,60}?)\\s*(?:\u2192|->|=>|\u21D2|\u27F6|-->|\u2014>)\\s*(.*)$");
    private static final Pattern EXPECT = Pattern.compile("^(?:\\*\\*|__)?(?:expect(?:ed)?(?:\\s+(?:output|result|"
            + "response|answer))?|should\\s+(?:return|print|show|say|see)|you\\s+should\\s+see|good\\s+result|healthy\\s+"
            + "output)(?:\\*\\*|__)?\\s*[:\u2014\u2013-]\\s*(?:\\*\\*|__)?\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TABS = Pattern.compile("\t+");
    private static final Pattern IMAGE = Pattern.compile("^!\\[[^\\]]*\\]\\([^)]*\\)$");

    private LineClassifier() {
    }

    static Fence fence(Line line) {
        String c = line.content();
        if (c.length() < 3 || c.charAt(0) != '`' && c.charAt(0) != '~') {
            return null;
        }
        Matcher m = FENCE.matcher(c);
        if (!m.matches()) {
            return null;
        }
        return new Fence(m.group(1).charAt(0), m.group(1).length(), m.group(2).strip());
    }

    static boolean closes(Line line, Fence fence) {
        String c = line.content();
        int n = 0;
        while (n < c.length() && c.charAt(n) == fence.mark()) {
            n++;
        }
        return n >= fence.length() && c.substring(n).isBlank();
    }

    /** A {@code #} heading; {@code null} for anything else, including a root prompt ({@code # systemctl ...}). */
    static Atx atx(Line line) {
        if (line.indent() > 3 || !line.content().startsWith("#")) {
            return null;
        }
        Matcher m = ATX.matcher(line.content());
        if (!m.matches() || m.group(2) == null || m.group(2).isBlank()) {
            return null;
        }
        String text = m.group(2).strip();
        if (m.group(1).length() == 1 && CommandDetector.isCommand(text)) {
            return null;
        }
        return new Atx(m.group(1).length(), text);
    }

    static boolean isRule(Line line) {
        String c = line.content();
        return c.length() >= 3 && "-*_".indexOf(c.charAt(0)) >= 0 && RULE.matcher(c).matches();
    }

    /** 1 for {@code ===} under a line, 2 for {@code ---}, else 0. */
    static int setextLevel(Line line) {
        String c = line.content();
        if (line.indent() > 3 || c.length() < 2 || c.charAt(0) != '=' && c.charAt(0) != '-' || !SETEXT.matcher(c).matches()) {
            return 0;
        }
        return c.charAt(0) == '=' ? 1 : 2;
    }

    static boolean isSeparator(String content) {
        return content.indexOf('-') >= 0 && (content.indexOf('|') >= 0 || content.startsWith(":"))
                && SEPARATOR.matcher(content).matches();
    }

    /** A row of a pipe table: starts with a pipe and has another, or ends with one and has another. */
    static boolean isPipeRow(String content) {
        if (content.length() < 3 || content.indexOf('|') < 0) {
            return false;
        }
        int pipes = pipes(content);
        return pipes >= 2 && (content.startsWith("|") || content.endsWith("|"));
    }

    static int pipes(String content) {
        int n = 0;
        boolean code = false;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '`') {
                code = !code;
            } else if (c == '|' && !code && (i == 0 || content.charAt(i - 1) != '\\')) {
                n++;
            }
        }
        return n;
    }

    /** The cells of a tab-separated row (text copied from a rendered table), or {@code null}. */
    static List<String> tabCells(Line line) {
        String c = line.content();
        if (c.indexOf('\t') < 0) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        for (String cell : TABS.split(c)) {
            cells.add(cell.strip());
        }
        return cells.size() >= 2 ? cells : null;
    }

    /** Drawn with box characters ({@code ├── └── │}) or ASCII branches ({@code |-- +-- `--}). */
    static boolean isTreeLine(String content) {
        for (int k = 0; k < content.length(); k++) {
            char c = content.charAt(k);
            if (c >= '\u2500' && c <= '\u257F' && TREE_GLYPH.matcher(String.valueOf(c)).matches()) {
                return true;
            }
        }
        return (content.contains("--") || content.contains("|__")) && ASCII_BRANCH.matcher(content).find();
    }

    /** {@code YES → Security (SEV0)}; {@code null} when the line is no such answer. */
    static Arrow arrow(String content) {
        if (content.indexOf('\u2192') < 0 && content.indexOf('>') < 0 && content.indexOf('\u21D2') < 0
                && content.indexOf('\u27F6') < 0) {
            return null;
        }
        Matcher m = ARROW.matcher(content);
        if (!m.matches()) {
            return null;
        }
        String label = m.group(1).strip();
        if (label.isEmpty() || words(label) > 8) {
            return null;
        }
        return new Arrow(label, m.group(2).strip());
    }

    /** The expected result of an {@code Expect: ...} line, or {@code null}. */
    static String expect(String content) {
        if (content.isEmpty() || "eEsSyYgGhH*_".indexOf(content.charAt(0)) < 0) {
            return null;
        }
        Matcher m = EXPECT.matcher(content);
        return m.matches() ? m.group(1).strip() : null;
    }

    static boolean isImage(String content) {
        return content.startsWith("![") && IMAGE.matcher(content).matches();
    }

    static int words(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !in) {
                n++;
            }
            in = !space;
        }
        return n;
    }

    /** Ends like a sentence: a full stop, question or exclamation mark, or a comma or semicolon. */
    static boolean endsSentence(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ',' || last == ';';
    }
}
