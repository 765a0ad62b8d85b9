package dev.sitrep.runbook.importer;

import dev.sitrep.core.SeverityScale;
import dev.sitrep.runbook.TableKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which kind of reference table a table is from its header (a column matches a kind's
 * column by name or a usual synonym: "Likely cause" is {@code cause}, "Respond within" is
 * {@code respond}), then maps its rows. A severity table must list every level of one of Sitrep's
 * scales; it then gives the runbook its scale. Columns the kind has no place for are kept in the
 * kind's last column as {@code Header: value}. A row that cannot be mapped (a required cell
 * empty, a risk that is not low, medium or high) becomes a note.
 */
final class TableMapper {

    /** The table, or {@code null} when no kind fits (then {@code why} says so). */
    record Mapped(Draft.Table table, String why) {
    }

    private static final List<TableKind> ORDER = List.of(TableKind.SEVERITY, TableKind.CONTACTS, TableKind.MITIGATIONS,
            TableKind.TARGETS, TableKind.SYMPTOMS);
    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry("level", List.of("level", "severity", "sev", "severity level", "priority", "prio", "code")),
            Map.entry("criteria", List.of("criteria", "description", "definition", "impact", "meaning", "what it means",
                    "examples", "example", "condition", "conditions", "customer impact", "scope", "trigger", "when")),
            Map.entry("respond", List.of("respond", "respond within", "response", "response time", "response target",
                    "acknowledge", "acknowledge within", "ack", "ack within", "ack time", "time to acknowledge",
                    "time to respond", "sla", "target", "page within")),
            Map.entry("commander", List.of("commander", "incident commander", "ic", "who leads", "lead", "who commands")),
            Map.entry("updates", List.of("updates", "update", "update cadence", "update every", "status updates",
                    "comms", "communication", "communications", "cadence", "status update")),
            Map.entry("symptom", List.of("symptom", "symptoms", "what you see", "signal", "alert", "observation", "sign",
                    "signs", "what you notice")),
            Map.entry("cause", List.of("cause", "likely cause", "probable cause", "root cause", "reason", "suspect",
                    "causes", "possible cause", "likely")),
            Map.entry("check", List.of("check", "how to check", "confirm", "verify", "next step", "what to do",
                    "first check", "look at", "investigate", "where to look", "diagnosis")),
            Map.entry("strategy", List.of("strategy", "mitigation", "option", "approach", "technique", "method")),
            Map.entry("risk", List.of("risk", "risk level")),
            Map.entry("speed", List.of("speed", "time to effect", "how fast", "eta", "time to mitigate", "takes",
                    "time", "duration")),
            Map.entry("when", List.of("when", "use when", "when to use", "notes", "note", "best for", "use it when")),
            Map.entry("role", List.of("role", "who", "team", "escalate to", "contact role", "tier", "function",
                    "escalation")),
            Map.entry("channel", List.of("channel", "how", "how to reach", "via", "method", "medium", "reach by", "reach",
                    "contact method")),
            Map.entry("within", List.of("within", "response time", "answer within", "expected response", "respond within",
                    "answers within", "sla", "target", "time", "deadline", "by", "timing", "time window")),
            Map.entry("name", List.of("name", "person", "on call", "on-call", "primary", "names")),
            Map.entry("contact", List.of("contact", "number", "phone", "handle", "email", "details", "pager", "address")),
            Map.entry("phase", List.of("phase", "stage", "step", "milestone", "activity")),
            Map.entry("done", List.of("done", "done when", "exit criteria", "output", "deliverable", "outcome", "what",
                    "result")));

    private TableMapper() {
    }

    static Mapped map(TableParser.Grid grid, String title, ImportLog log) {
        List<String> header = grid.header().stream().map(TableMapper::normal).toList();
        String why = "its columns (" + String.join(", ", grid.header()) + ") match no reference table kind "
                + "(severity, symptoms, mitigations, contacts, targets)";
        Map<Integer, String> best = null;
        TableKind bestKind = null;
        int bestScore = Integer.MIN_VALUE;
        for (TableKind kind : ORDER) {
            Map<Integer, String> columns = match(kind, header);
            if (columns == null) {
                continue;
            }
            int score = columns.size() * 10 - (header.size() - columns.size());
            if (score > bestScore) {
                best = columns;
                bestKind = kind;
                bestScore = score;
            }
        }
        if (bestKind == null) {
            return new Mapped(null, why);
        }
        String scale = null;
        if (bestKind == TableKind.SEVERITY) {
            Optional<SeverityScale> found = severityScale(grid, best);
            if (found.isEmpty()) {
                return new Mapped(null, "it reads as a severity table, but its levels are not every level of one of "
                        + "Sitrep's scales (SEV0..SEV4, SEV1..SEV4 or P0..P3), each once");
            }
            scale = found.get().id();
            String problem = firstProblem(grid, bestKind, best);
            if (problem != null) {
                return new Mapped(null, "it reads as a severity table, but " + problem);
            }
        }
        return new Mapped(rows(grid, title, bestKind, scale, best, log), null);
    }

    /** Header index to the kind's column; {@code null} when a required column has no match. */
    private static Map<Integer, String> match(TableKind kind, List<String> header) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (boolean exact : new boolean[]{true, false}) {
            for (String column : kind.columns()) {
                if (out.containsValue(column)) {
                    continue;
                }
                for (int k = 0; k < header.size(); k++) {
                    if (!out.containsKey(k) && matches(header.get(k), column, exact)) {
                        out.put(k, column);
                        break;
                    }
                }
            }
        }
        return out.values().containsAll(kind.required()) ? out : null;
    }

    private static boolean matches(String header, String column, boolean exact) {
        for (String synonym : SYNONYMS.getOrDefault(column, List.of(column))) {
            if (exact ? header.equals(synonym) : (" " + header + " ").contains(" " + synonym + " ") && synonym.length() > 2) {
                return true;
            }
        }
        return false;
    }

    private static Optional<SeverityScale> severityScale(TableParser.Grid grid, Map<Integer, String> columns) {
        int levelColumn = column(columns, "level");
        List<String> codes = new ArrayList<>();
        for (TableParser.GridRow row : grid.rows()) {
            Optional<SeverityCodes.Found> code = SeverityCodes.find(row.cells().get(levelColumn));
            if (code.isEmpty()) {
                return Optional.empty();
            }
            codes.add(code.get().code());
        }
        return SeverityCodes.exactScale(codes);
    }

    private static Draft.Table rows(TableParser.Grid grid, String title, TableKind kind, String scale,
                                    Map<Integer, String> columns, ImportLog log) {
        Draft.Table table = new Draft.Table(grid.line(), title, kind, scale);
        String spill = spill(kind);
        List<String> read = new ArrayList<>();
        for (int k = 0; k < grid.header().size(); k++) {
            read.add(grid.header().get(k) + " \u2192 " + columns.getOrDefault(k, spill + " (as \"" + grid.header().get(k)
                    + ": ...\")"));
        }
        log.adjust(grid.line(), "read as a " + kind.key() + " table" + (scale == null ? "" : " on the " + scale + " scale")
                + " (columns " + String.join(", ", read) + ")", String.join(" | ", grid.header()));
        grid.remarks().forEach(log::adjust);
        for (TableParser.GridRow row : grid.rows()) {
            Map<String, String> cells = cells(grid.header(), row, kind, columns, spill);
            String problem = problem(kind, cells);
            if (problem != null) {
                log.note(row.line(), "a row of the " + kind.key() + " table \"" + title + "\" " + problem
                        + "; kept as a note", String.join(" | ", row.cells()));
            } else {
                table.add(row.line(), cells);
                riskReading(row, kind, columns, cells, log);
            }
        }
        return table;
    }

    /** Says so when a risk was read from another wording ("Med", "Low-Medium"). */
    private static void riskReading(TableParser.GridRow row, TableKind kind, Map<Integer, String> columns,
                                    Map<String, String> cells, ImportLog log) {
        if (kind != TableKind.MITIGATIONS) {
            return;
        }
        String written = row.cells().get(column(columns, "risk")).strip();
        if (!written.equalsIgnoreCase(cells.get("risk"))) {
            log.adjust(row.line(), "the risk \"" + written + "\" was read as " + cells.get("risk")
                    + (written.matches(".*\\W.*") ? " (the higher of the two)" : ""), String.join(" | ", row.cells()));
        }
    }

    private static String firstProblem(TableParser.Grid grid, TableKind kind, Map<Integer, String> columns) {
        String spill = spill(kind);
        for (TableParser.GridRow row : grid.rows()) {
            String problem = problem(kind, cells(grid.header(), row, kind, columns, spill));
            if (problem != null) {
                return "the row on line " + row.line() + " " + problem;
            }
        }
        return null;
    }

    private static String spill(TableKind kind) {
        return kind.columns().get(kind == TableKind.SEVERITY ? 1 : kind.columns().size() - 1);
    }

    private static Map<String, String> cells(List<String> header, TableParser.GridRow row, TableKind kind,
                                             Map<Integer, String> columns, String spill) {
        Map<String, String> cells = new LinkedHashMap<>();
        kind.columns().forEach(c -> cells.put(c, ""));
        List<String> extra = new ArrayList<>();
        for (int k = 0; k < row.cells().size(); k++) {
            String value = row.cells().get(k).strip();
            String column = columns.get(k);
            if (column != null) {
                cells.put(column, value);
            } else if (!value.isEmpty()) {
                extra.add(header.get(k) + ": " + value);
            }
        }
        if (!extra.isEmpty()) {
            String before = cells.get(spill);
            cells.put(spill, (before.isEmpty() ? "" : before + "; ") + String.join("; ", extra));
        }
        if (kind == TableKind.SEVERITY) {
            cells.put("level", SeverityCodes.find(cells.get("level")).map(SeverityCodes.Found::code).orElse(""));
        }
        if (kind == TableKind.MITIGATIONS) {
            cells.put("risk", risk(cells.get("risk")));
        }
        return cells;
    }

    /** Why the row cannot be a row of this kind, or {@code null}. */
    private static String problem(TableKind kind, Map<String, String> cells) {
        for (String required : kind.required()) {
            if (cells.get(required).isEmpty()) {
                return "leaves \"" + required + "\" empty (a " + kind.key() + " row needs " + String.join(", ",
                        kind.required()) + ")";
            }
        }
        if (kind == TableKind.MITIGATIONS && !TableKind.RISKS.contains(cells.get("risk"))) {
            return "has the risk \"" + cells.get("risk") + "\", which is not low, medium or high";
        }
        return null;
    }

    /** low / medium / high from the usual ways of writing them; the higher of two ("low-medium" is medium). */
    static String risk(String written) {
        String r = written.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
        String found = "";
        for (String word : r.split(" ")) {
            String level = switch (word) {
                case "low", "lo", "minimal", "small" -> "low";
                case "medium", "med", "moderate", "mid" -> "medium";
                case "high", "hi", "critical", "severe" -> "high";
                default -> "";
            };
            if (TableKind.RISKS.indexOf(level) > TableKind.RISKS.indexOf(found)) {
                found = level;
            }
        }
        return found.isEmpty() ? written.strip() : found;
    }

    private static int column(Map<Integer, String> columns, String name) {
        return columns.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    private static String normal(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
