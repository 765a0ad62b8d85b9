package dev.sitrep.runbook.importer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headings that are not Markdown {@code #} headings: the lines a rendered page or a wiki leaves
 * when its text is copied (short, no full stop, standing on their own or followed by a list, a
 * table or a command), bold-only lines, numbered headings ({@code 2.1 Recovery}), lines in
 * capitals, and the five parts of a failure write-up (Symptoms, Confirm, Recover, Verify,
 * Prevent), also as {@code Symptoms: text on the same line}.
 */
final class HeadingDetector {

    /** The parts of a failure write-up, in their usual order. */
    enum Shape {
        SYMPTOMS, CONFIRM, RECOVER, VERIFY, PREVENT
    }

    /** {@code Symptoms: agents cannot get certificates}: a part's name and its first text. */
    record Labelled(String label, String rest) {
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("symptoms", Shape.SYMPTOMS), Map.entry("symptom", Shape.SYMPTOMS), Map.entry("signs", Shape.SYMPTOMS),
            Map.entry("what you see", Shape.SYMPTOMS), Map.entry("what you will see", Shape.SYMPTOMS),
            Map.entry("detection", Shape.SYMPTOMS), Map.entry("how it looks", Shape.SYMPTOMS),
            Map.entry("confirm", Shape.CONFIRM), Map.entry("confirmation", Shape.CONFIRM), Map.entry("diagnose", Shape.CONFIRM),
            Map.entry("diagnosis", Shape.CONFIRM), Map.entry("how to confirm", Shape.CONFIRM),
            Map.entry("investigate", Shape.CONFIRM), Map.entry("investigation", Shape.CONFIRM),
            Map.entry("recover", Shape.RECOVER), Map.entry("recovery", Shape.RECOVER), Map.entry("fix", Shape.RECOVER),
            Map.entry("mitigate", Shape.RECOVER), Map.entry("mitigation", Shape.RECOVER), Map.entry("remediate", Shape.RECOVER),
            Map.entry("remediation", Shape.RECOVER), Map.entry("resolution", Shape.RECOVER), Map.entry("resolve", Shape.RECOVER),
            Map.entry("workaround", Shape.RECOVER), Map.entry("recovery steps", Shape.RECOVER),
            Map.entry("verify", Shape.VERIFY), Map.entry("verification", Shape.VERIFY), Map.entry("validate", Shape.VERIFY),
            Map.entry("validation", Shape.VERIFY), Map.entry("check it is back", Shape.VERIFY),
            Map.entry("prevent", Shape.PREVENT), Map.entry("prevention", Shape.PREVENT), Map.entry("follow-up", Shape.PREVENT),
            Map.entry("follow up", Shape.PREVENT), Map.entry("follow-ups", Shape.PREVENT),
            Map.entry("long-term fix", Shape.PREVENT), Map.entry("hardening", Shape.PREVENT));

    private static final Pattern BOLD = Pattern.compile("^(?:\\*\\*|__)(.+?)(?:\\*\\*|__):?$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2})++)\\.?\\s+(\\p{L}.*)$");
    private static final Pattern LABELLED = Pattern.compile(
            "^(?:\\*\\*|__)?([A-Za-z][A-Za-z -]{1,24}?)(?:\\*\\*|__)?\\s*:(?:\\*\\*|__)?\\s+(\\S.*)$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern URL = Pattern.compile("^(?:https?://|www\\.)\\S+$");

    private HeadingDetector() {
    }

    /** The part of a failure write-up this heading names, or {@code null}. */
    static Shape shape(String heading) {
        return heading.length() > 40 || LineClassifier.words(heading) > 5 ? null : SHAPES.get(normal(text(heading)));
    }

    /** A heading's words: markup, a trailing colon and numbering removed. */
    static String text(String content) {
        String s = content.strip();
        if (s.startsWith("**") || s.startsWith("__")) {
            Matcher bold = BOLD.matcher(s);
            if (bold.matches()) {
                s = bold.group(1).strip();
            }
        }
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            Matcher numbered = NUMBERED.matcher(s);
            if (numbered.matches()) {
                s = numbered.group(2);
            }
        }
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        String plain = Inline.plain(s);
        return plain.isEmpty() ? content.strip() : plain;
    }

    /** {@code Symptoms: text}: a part of a write-up with its first text on the same line, or {@code null}. */
    static Labelled labelled(String content) {
        int colon = content.indexOf(':');
        if (colon < 2 || colon > 32) {
            return null;
        }
        Matcher m = LABELLED.matcher(content);
        if (!m.matches() || shape(m.group(1)) == null) {
            return null;
        }
        return new Labelled(m.group(1).strip(), m.group(2).strip());
    }

    /**
     * The level of a plain heading: one deeper per number in {@code 2.1}, 1 for a line in
     * capitals, else 2 (a plain page's headings are all alike; the title is above them).
     */
    static int plainLevel(String content) {
        Matcher numbered = NUMBERED.matcher(content.strip());
        if (numbered.matches()) {
            return numbered.group(1).split("\\.").length + 1;
        }
        return allCaps(content) ? 1 : 2;
    }

    /** Whether line {@code i} is a heading although it has no {@code #}. */
    static boolean isPlainHeading(List<Line> lines, int i, boolean markdown) {
        String c = lines.get(i).content();
        if (markdown) {
            return (shape(c) != null || bold(c)) && candidate(c);
        }
        if (!candidate(c)) {
            return false;
        }
        if (shape(c) != null || bold(c)) {
            return true;
        }
        if (!previousAllows(lines, i)) {
            return false;
        }
        if (strong(c)) {
            return true;
        }
        int next = nextNonBlank(lines, i + 1);
        boolean blankAfter = next < 0 || next > i + 1;
        boolean blankBefore = i == 0 || lines.get(i - 1).blank();
        if (next < 0) {
            return blankBefore && LineClassifier.words(c) <= 8;
        }
        Line n = lines.get(next);
        if (structure(n) || blankBefore && blankAfter) {
            return true;
        }
        if (candidate(n.content()) && (shape(n.content()) != null || strong(n.content()))) {
            return true;
        }
        return !blankAfter && LineClassifier.words(c) <= 6 && startsUpper(n.content())
                && n.content().length() > c.length() && endsFullSentence(n.content());
    }

    /** Could be a heading, by its own look: short, no full stop, no list marker, command or table. */
    static boolean candidate(String c) {
        if (c.length() < 2 || c.length() > 90 || LineClassifier.words(c) > 12 || c.indexOf('`') >= 0) {
            return false;
        }
        char first = c.charAt(0);
        boolean bold = bold(c);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || bold)) {
            return false;
        }
        if (LineClassifier.endsSentence(c) || c.endsWith(":") && LineClassifier.words(c) > 3 && shape(c) == null) {
            return false;
        }
        Line line = new Line(0, 0, c);
        return c.chars().anyMatch(Character::isLetter) && ListParser.marker(line) == null && !CommandDetector.isCommand(c)
                && !LineClassifier.isPipeRow(c) && !LineClassifier.isTreeLine(c) && LineClassifier.arrow(c) == null
                && !URL.matcher(c).matches() && labelled(c) == null && LineClassifier.atx(line) == null
                && CommandDetector.split(c) == null;
    }

    private static boolean bold(String c) {
        return (c.startsWith("**") || c.startsWith("__")) && BOLD.matcher(c).matches();
    }

    private static boolean strong(String c) {
        return shape(c) != null || allCaps(c) || NUMBERED.matcher(c).matches();
    }

    private static boolean allCaps(String c) {
        int letters = 0;
        for (int k = 0; k < c.length(); k++) {
            char ch = c.charAt(k);
            if (Character.isLetter(ch)) {
                if (!Character.isUpperCase(ch)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3;
    }

    /** A wrapped paragraph's second line is no heading: the line before must end or stand apart. */
    private static boolean previousAllows(List<Line> lines, int i) {
        if (i == 0 || lines.get(i - 1).blank()) {
            return true;
        }
        Line p = lines.get(i - 1);
        String c = p.content();
        char last = c.charAt(c.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == ':' || last == ';' || last == '|' || structure(p)
                || candidate(c) && LineClassifier.words(c) <= 8;
    }

    private static boolean structure(Line l) {
        String c = l.content();
        return ListParser.marker(l) != null || LineClassifier.fence(l) != null || LineClassifier.isPipeRow(c)
                || CommandDetector.isCommand(c) || LineClassifier.isTreeLine(c) || LineClassifier.tabCells(l) != null;
    }

    private static int nextNonBlank(List<Line> lines, int from) {
        for (int k = from; k < lines.size() && k < from + 3; k++) {
            if (!lines.get(k).blank()) {
                return k;
            }
        }
        return -1;
    }

    private static boolean startsUpper(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
    }

    private static boolean endsFullSentence(String s) {
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '!' || last == '?';
    }

    private static String normal(String s) {
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
