package dev.sitrep.runbook.importer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * List markers, whatever their style: {@code - * + • ● ◦ ▪ ‣ · – o}, {@code 1. 1) (1) a. (a) iv.
 * A)}, {@code Step 3:}, check boxes {@code [ ] [x] ☐ ☑ ✓}; and a marker left alone on its line
 * (text pasted from a rendered page often puts the text on the next line).
 */
final class ListParser {

    /**
     * A list item's marker.
     *
     * @param ordered      numbered or lettered
     * @param checkbox     a check box ({@code [ ]}, {@code ☐}, ...)
     * @param text         what follows the marker ("" when the marker is alone)
     * @param indent       the marker's column
     * @param contentIndent the column where the text starts
     */
    record Marker(boolean ordered, boolean checkbox, String text, int indent, int contentIndent) {
        boolean alone() {
            return text.isEmpty();
        }
    }

    private static final Pattern CHECKBOX = Pattern.compile(
            "^(?:[-*+\u2022]\\s+)?(?:\\[[ xX\u2713]\\]|[\u2610\u2611\u2612\u2713\u2714\u2705])(?:\\s+(.*))?$");
    /** - * + • ● ○ ◦ ▪ ▫ ■ □ ‣ ⁃ · – — ➢ ► ▸ */
    private static final Pattern BULLET = Pattern.compile(
            "^([-*+\u2022\u25CF\u25CB\u25E6\u25AA\u25AB\u25A0\u25A1\u2023\u2043\u00B7\u2013\u2014\u27A2\u25BA\u25B8])"
            + "(?:\\s+(.*))?$");
    private static final Pattern WORD_BULLET = Pattern.compile("^o(?:\t|\\s{2,})(\\S.*)$");
    private static final List<Pattern> ORDERED = List.of(
            Pattern.compile("^(?:\\d{1,3}[.)]|\\(\\d{1,3}\\)|#\\d{1,3}[.):]?)(?:\\s+(.*))?$"),
            Pattern.compile("^(?:[a-z][.)]|\\([a-z]\\)|[A-Z]\\))(?:\\s+(.*))?$"),
            Pattern.compile("^(?:(?:x{0,3})(?:ix|iv|v?i{1,3}|v)[.)]|\\((?:x{0,3})(?:ix|iv|v?i{1,3}|v)\\))(?:\\s+(.*))?$"),
            Pattern.compile("^[Ss]tep\\s+\\d{1,3}(?:\\s*[:.)\u2013\u2014-])?(?:\\s+(.*))?$"),
            Pattern.compile("^[A-Z]\\.\\s+(\\p{Lu}\\S*(?:\\s+\\S+)++)$"));

    private ListParser() {
    }

    /** The line's list marker, or {@code null} when the line is no list item. */
    static Marker marker(Line line) {
        String c = line.content();
        if (c.isEmpty() || !mayBeMarker(c) || LineClassifier.isRule(line)) {
            return null;
        }
        Matcher m = CHECKBOX.matcher(c);
        if (m.matches()) {
            return marker(line, false, true, m.group(1));
        }
        m = BULLET.matcher(c);
        if (m.matches() && !(c.startsWith("--") || c.startsWith("-") && m.group(2) == null && c.length() > 1)) {
            return marker(line, false, false, m.group(2));
        }
        m = WORD_BULLET.matcher(c);
        if (m.matches()) {
            return marker(line, false, false, m.group(1));
        }
        for (Pattern p : ORDERED) {
            m = p.matcher(c);
            if (m.matches()) {
                return marker(line, true, false, m.group(1));
            }
        }
        return null;
    }

    /** A cheap look at the first characters, so most prose lines skip the patterns. */
    private static boolean mayBeMarker(String c) {
        char first = c.charAt(0);
        if (!Character.isLetter(first)) {
            return true;
        }
        char second = c.length() > 1 ? c.charAt(1) : ' ';
        if (second == '.' || second == ')' || first == 'o' && (second == ' ' || second == '\t')) {
            return true;
        }
        if (c.startsWith("Step ") || c.startsWith("step ")) {
            return true;
        }
        int k = 0;
        while (k < c.length() && "ivx".indexOf(c.charAt(k)) >= 0) {
            k++;
        }
        return k > 0 && k < c.length() && (c.charAt(k) == '.' || c.charAt(k) == ')');
    }

    private static Marker marker(Line line, boolean ordered, boolean checkbox, String text) {
        String t = text == null ? "" : text.strip();
        int contentIndent = line.indent() + line.content().length() - t.length();
        return new Marker(ordered, checkbox, t, line.indent(), t.isEmpty() ? line.indent() + 2 : contentIndent);
    }
}
