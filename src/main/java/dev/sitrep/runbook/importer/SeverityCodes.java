package dev.sitrep.runbook.importer;

import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Severity levels as written in prose and tables ({@code SEV1}, {@code Sev 1}, {@code sev-1}, {@code P0}) and their scale. */
final class SeverityCodes {

    private static final Pattern SEV = Pattern.compile("\\bsev(?:erity)?[\\s-]?([0-4])\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIORITY = Pattern.compile("\\b[pP]([0-3])\\b");

    /** A found level: its code and where it stands in the text. */
    record Found(String code, int start, int end) {
    }

    private SeverityCodes() {
    }

    /** The first level named in {@code text}, or empty. */
    static Optional<Found> find(String text) {
        Matcher sev = SEV.matcher(text);
        Matcher p = PRIORITY.matcher(text);
        boolean s = sev.find();
        boolean q = p.find();
        if (s && (!q || sev.start() <= p.start())) {
            return Optional.of(new Found("SEV" + sev.group(1), sev.start(), sev.end()));
        }
        return q ? Optional.of(new Found("P" + p.group(1), p.start(), p.end())) : Optional.empty();
    }

    /** The scale whose levels are exactly {@code codes}, each once; empty when no scale fits. */
    static Optional<SeverityScale> exactScale(Collection<String> codes) {
        Set<String> set = new HashSet<>(codes);
        if (set.size() != codes.size()) {
            return Optional.empty();
        }
        for (SeverityScale scale : SeverityScales.ALL) {
            Set<String> levels = new HashSet<>(scale.levels().stream().map(SeverityLevel::code).toList());
            if (levels.equals(set)) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }

    /** The scale that fits the levels a tree names: the priority scale for P-codes, else the default SEV0..SEV4. */
    static SeverityScale scaleForCodes(Collection<String> codes) {
        long priorities = codes.stream().filter(c -> c.startsWith("P")).count();
        return priorities > codes.size() - priorities ? SeverityScales.PRIORITY : SeverityScales.FIVE_LEVEL;
    }
}
