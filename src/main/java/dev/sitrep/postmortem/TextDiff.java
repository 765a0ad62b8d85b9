package dev.sitrep.postmortem;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), for comparing postmortem revisions:
 * each line is kept, removed (only in the older) or added (only in the newer).
 */
public final class TextDiff {

    /** One line of the comparison. */
    public record Line(Kind kind, String text) {
    }

    public enum Kind { SAME, REMOVED, ADDED }

    private TextDiff() {
    }

    public static List<Line> lines(String older, String newer) {
        String[] a = older.split("\n", -1);
        String[] b = newer.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            out.add(new Line(Kind.ADDED, b[j++]));
        }
        return out;
    }
}
