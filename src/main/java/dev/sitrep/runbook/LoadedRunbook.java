package dev.sitrep.runbook;

import java.nio.file.Path;
import java.util.List;

/**
 * One runbook file as the library loaded it.
 *
 * @param file       how problems name the file ({@code runbooks/ai-triage.json} for a built-in, else its path)
 * @param path       the file on disk, or {@code null} for a built-in
 * @param runbook    what could be read, or {@code null} when nothing could
 * @param problems   everything wrong with it, by line; a runbook with problems is not used
 * @param replacedBy for a built-in, the team file used in its place (same id), else {@code null}
 */
public record LoadedRunbook(String file, Path path, Origin origin, Runbook runbook, List<Problem> problems,
                            String replacedBy) {

    public enum Origin {
        BUILT_IN("built-in"), TEAM("team");

        private final String label;

        Origin(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public LoadedRunbook {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return runbook != null && problems.isEmpty();
    }

    /** True when triage and references use this file. */
    public boolean inUse() {
        return valid() && replacedBy == null;
    }
}
