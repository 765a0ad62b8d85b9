package dev.sitrep.core;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ordered set of severity levels, highest first. A workspace has one active scale.
 *
 * @param id           stable key stored in settings ("sev5", "sev4", "p4")
 * @param name         what Settings shows
 * @param levels       highest severity first
 * @param defaultLevel the level a declaration gets when none is given
 */
public record SeverityScale(String id, String name, List<SeverityLevel> levels, String defaultLevel) {

    public SeverityScale {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a scale needs levels");
        }
        String dflt = defaultLevel;
        if (levels.stream().noneMatch(l -> l.code().equals(dflt))) {
            throw new IllegalArgumentException("default level " + defaultLevel + " is not on " + id);
        }
    }

    /** The level with this code, ignoring case. */
    public Optional<SeverityLevel> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return levels.stream().filter(l -> l.code().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The level with this code, or a refusal that lists the valid codes. */
    public SeverityLevel level(String code) {
        return find(code).orElseThrow(() -> SitrepException.invalid(
                "Unknown severity " + Limits.quote(code) + "; the " + name + " scale has " + codes() + "."));
    }

    public SeverityLevel defaultSeverity() {
        return level(defaultLevel);
    }

    /** 0 for the highest level; lower rank means more severe. */
    public int rank(String code) {
        return levels.indexOf(level(code));
    }

    public String codes() {
        return levels.stream().map(SeverityLevel::code).collect(Collectors.joining(", "));
    }
}
