package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.List;

/** Text cut to the format's limit: at a sentence or a line end where it can, never losing a character. */
final class TextLimit {

    private TextLimit() {
    }

    /** Parts of at most {@code max} characters that together are {@code text} (one part when it fits). */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = cutAt(rest, max);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }

    private static int cutAt(String text, int max) {
        int newline = text.lastIndexOf('\n', max);
        int sentence = text.lastIndexOf(". ", max - 1);
        int space = text.lastIndexOf(' ', max);
        int best = Math.max(newline, sentence >= 0 ? sentence + 1 : -1);
        if (best < max / 2) {
            best = space;
        }
        return best < max / 2 ? max : best;
    }
}
