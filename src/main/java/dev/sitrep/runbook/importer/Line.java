package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the source after repair.
 *
 * @param number  1-based, as an editor shows it
 * @param indent  columns of leading white space (a tab counts to the next multiple of 4)
 * @param content the line without leading and trailing white space
 */
record Line(int number, int indent, String content) {

    boolean blank() {
        return content.isEmpty();
    }

    /** Splits text (with {@code \n} line ends) into lines, expanding leading tabs. */
    static List<Line> split(String text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        int number = 1;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            out.add(of(number++, text.substring(start, end)));
            start = end + 1;
        }
        return out;
    }

    static Line of(int number, String raw) {
        int indent = 0;
        int i = 0;
        while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
            indent = raw.charAt(i) == '\t' ? (indent / 4 + 1) * 4 : indent + 1;
            i++;
        }
        return new Line(number, indent, raw.substring(i).strip());
    }
}
