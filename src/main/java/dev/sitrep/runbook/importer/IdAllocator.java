package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.BuiltInRunbooks;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ids for everything in the imported runbook: slugs of their words ({@code broker-down},
 * {@code q-is-the-platform-doing-harm}), unique within their kind (sections at any depth share one
 * set), at most 64 characters of letters, digits and {@code -}. A write-up part takes its
 * section's id before its own ({@code broker-down-confirm}). The runbook's own id avoids the
 * built-in runbooks' ids and those already in use.
 */
final class IdAllocator {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");
    private static final int BASE_MAX = 56;

    private final Set<String> used = new HashSet<>();

    /** Lowercase ASCII words joined by {@code -}, at most {@value #BASE_MAX} characters; {@code fallback} when none. */
    static String slug(String text, String fallback) {
        String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        s = EDGE_DASHES.matcher(NOT_SLUG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        s = cap(s, BASE_MAX);
        return s.isEmpty() ? fallback : s;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... when taken. */
    String unique(String base) {
        String id = base;
        int n = 2;
        while (!used.add(id)) {
            id = base + "-" + n++;
        }
        return id;
    }

    static void assign(Draft draft, ImportOptions options) {
        IdAllocator sections = new IdAllocator();
        for (Draft.Section s : draft.sections) {
            section(s, null, sections);
        }
        IdAllocator tables = new IdAllocator();
        draft.tables.forEach(t -> t.id = tables.unique(slug(t.title, t.kind.key())));
        IdAllocator nodes = new IdAllocator();
        draft.nodes.forEach(n -> n.id = nodes.unique("q-" + cap(slug(n.question, "question"), 40)));
        IdAllocator outcomes = new IdAllocator();
        draft.outcomes.forEach(o -> o.id = outcomes.unique(slug(o.title, "outcome")));
    }

    private static void section(Draft.Section s, Draft.Section parent, IdAllocator ids) {
        String own = slug(s.title, "section");
        s.id = ids.unique(parent != null && s.shape ? cap(parent.id + "-" + own, BASE_MAX) : own);
        for (Draft.Section c : s.children) {
            section(c, s, ids);
        }
    }

    /** The runbook's id: the one asked for, else the title's slug, not a built-in's nor one in use. */
    static String runbookId(String title, ImportOptions options) {
        if (options.id() != null) {
            return options.id();
        }
        IdAllocator ids = new IdAllocator();
        ids.used.addAll(options.takenIds());
        BuiltInRunbooks.FILES.forEach(f -> ids.used.add(f.replace(".json", "")));
        return ids.unique(slug(title, "imported-runbook"));
    }

    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** {@code slug} cut at a word boundary to at most {@code max} characters. */
    static String cap(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', max);
        return EDGE_DASHES.matcher(slug.substring(0, cut > max / 2 ? cut : max)).replaceAll("");
    }
}
