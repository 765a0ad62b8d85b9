package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.Action;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The words of a decision tree's lines: answers as people say them, outcome titles, and the proposals a line makes. */
final class TreeWords {

    private static final Pattern NEGATED = Pattern.compile("\\b(?:no|not|don'?t|do\\s+not|never|without)\\s+(?:\\w+\\s+){0,2}$");

    private TreeWords() {
    }

    /** The words of a line made plain; the line as written when that leaves nothing. */
    static String words(String raw) {
        String plain = Inline.plain(raw);
        return plain.isEmpty() ? raw.strip() : plain;
    }

    static String answerText(String label) {
        String s = Inline.plain(label).replaceAll("^[\"'\u201C\u2018]+|[\"'\u201D\u2019:]+$", "").strip();
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "yes", "y" -> "Yes";
            case "no", "n" -> "No";
            default -> s.isEmpty() ? "Answer" : s;
        };
    }

    static String cleanTitle(String text) {
        String s = text.replaceAll("\\(\\s*[,;:]?\\s*\\)", " ").replaceAll("^[\\s\u2192>:,;.\u2014-]+", "")
                .replaceAll("[\\s:,;.\u2014-]+$", "").replaceAll("\\s{2,}", " ").replaceAll("\\s+([,;:.])", "$1").strip();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The proposals a line of the tree makes ("flip the kill switch", "open a war room"), unless it says not to. */
    static Set<Action> actions(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        Set<Action> out = new LinkedHashSet<>();
        add(out, t, Action.PROPOSE_KILL_SWITCH, "kill switch", "kill-switch", "killswitch", "halt");
        add(out, t, Action.PROPOSE_CONTAINMENT, "contain", "revoke");
        add(out, t, Action.OPEN_WAR_ROOM, "war room", "war-room");
        add(out, t, Action.PRESERVE_EVIDENCE, "preserve evidence", "keep evidence", "snapshot");
        add(out, t, Action.NOTIFY_SECURITY, "notify security", "security team", "page security");
        add(out, t, Action.NOTIFY_LEGAL, "legal");
        add(out, t, Action.STATUS_PAGE, "status page");
        return out;
    }

    private static void add(Set<Action> out, String text, Action action, String... words) {
        for (String w : words) {
            int at = text.indexOf(w);
            while (at >= 0) {
                if (!NEGATED.matcher(text.substring(Math.max(0, at - 40), at)).find()) {
                    out.add(action);
                    return;
                }
                at = text.indexOf(w, at + 1);
            }
        }
    }
}
