package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the section a line of a decision tree means ("→ Service degradation", "see the Kill switch
 * section", "Security (SEV0)") among the runbook's headings: the same words, or all the words of a
 * heading within the line (the longest heading wins), or the line's words all within one heading.
 */
final class SectionMatcher {

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "or", "to", "is", "are", "section",
            "sections", "see", "go", "goto", "then", "continue", "with", "for", "in", "on", "at", "runbook", "playbook",
            "open", "follow", "use", "below", "above", "it", "this", "that", "our", "your", "page", "chapter", "jump");
    private static final Pattern PARENS = Pattern.compile("\\([^)]*\\)");
    private static final Pattern LEVEL = Pattern.compile("sev(?:erity)?[0-4]|p[0-3]");

    private final List<Draft.Section> sections;
    private final List<String> lowerTitles = new ArrayList<>();
    private final List<Set<String>> titles = new ArrayList<>();

    SectionMatcher(List<Draft.Section> sections) {
        this.sections = sections;
        sections.forEach(s -> {
            lowerTitles.add(s.title.toLowerCase(Locale.ROOT));
            titles.add(null);
        });
    }

    /** The title's words, worked out the first time a line shares a word with the title. */
    private Set<String> title(int k, Set<String> words) {
        Set<String> known = titles.get(k);
        if (known != null) {
            return known;
        }
        String lower = lowerTitles.get(k);
        boolean shared = false;
        for (String w : words) {
            if (lower.contains(w)) {
                shared = true;
                break;
            }
        }
        if (!shared) {
            return Set.of();
        }
        Set<String> computed = words(sections.get(k).title);
        titles.set(k, computed);
        return computed;
    }

    /** The best matching section, or {@code null}. */
    Draft.Section find(String text) {
        Set<String> words = words(PARENS.matcher(text).replaceAll(" "));
        if (words.isEmpty()) {
            return null;
        }
        Draft.Section best = null;
        int bestScore = 0;
        for (int k = 0; k < sections.size(); k++) {
            Draft.Section s = sections.get(k);
            Set<String> title = title(k, words);
            if (title.isEmpty() || s.generated) {
                continue;
            }
            int score;
            if (title.equals(words)) {
                score = 1000;
            } else if (words.containsAll(title)) {
                score = 100 + title.size() * 10;
            } else if (title.containsAll(words)) {
                score = 10 + words.size();
            } else {
                continue;
            }
            score -= s.shape ? 5 : 0;
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    /** Every section named by its whole title in {@code text} (for "see X" inside an instruction). */
    List<Draft.Section> named(String text) {
        Set<String> words = words(text);
        List<Draft.Section> out = new ArrayList<>();
        for (int k = 0; k < sections.size(); k++) {
            Draft.Section s = sections.get(k);
            Set<String> title = title(k, words);
            if (!s.generated && !s.shape && !title.isEmpty() && words.containsAll(title)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The significant words, lower case, without severity levels ("sev 1", "SEV0", "P2") and filler words. */
    static Set<String> words(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int k = 0; k <= lower.length(); k++) {
            char c = k < lower.length() ? lower.charAt(k) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            boolean level = LEVEL.matcher(t).matches();
            boolean prefix = (t.equals("sev") || t.equals("severity")) && k + 1 < tokens.size()
                    && tokens.get(k + 1).length() == 1 && tokens.get(k + 1).charAt(0) >= '0' && tokens.get(k + 1).charAt(0) <= '4';
            if (prefix) {
                k++;
            } else if (!level && !STOP.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
