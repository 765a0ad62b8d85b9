package dev.sitrep.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table to look things up in during an incident: severity definitions, symptom to cause,
 * mitigation strategies, escalation contacts, timing targets.
 *
 * @param scale the severity scale id for a {@link TableKind#SEVERITY} table, else {@code null}
 */
public record ReferenceTable(String id, String title, TableKind kind, String scale, List<Row> rows, int line) {

    public ReferenceTable {
        rows = List.copyOf(rows);
    }

    /** One row: a value (possibly empty) for each of the kind's columns, in column order. */
    public record Row(Map<String, String> cells, int line) {

        public Row {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        /** The cell, or "" when the row leaves it out. */
        public String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }
}
