package dev.sitrep.runbook.importer;

import java.util.Set;

/**
 * How to import.
 *
 * @param id            the runbook's id, or {@code null} to derive it from the title
 * @param fallbackTitle the title when the document has no recognisable title (e.g. from the file name)
 * @param takenIds      ids a derived id must avoid (the runbooks already in use); the built-ins' are always avoided
 */
public record ImportOptions(String id, String fallbackTitle, Set<String> takenIds) {

    public ImportOptions {
        takenIds = takenIds == null ? Set.of() : Set.copyOf(takenIds);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, null, Set.of());
    }

    public ImportOptions withId(String newId) {
        return new ImportOptions(newId, fallbackTitle, takenIds);
    }
}
