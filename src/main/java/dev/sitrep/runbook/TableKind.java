package dev.sitrep.runbook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of reference table, each with its columns (the keys of a row) and which are required. */
public enum TableKind {
    SEVERITY("severity", List.of("level", "criteria", "respond", "commander", "updates"), List.of("level", "criteria")),
    SYMPTOMS("symptoms", List.of("symptom", "cause", "check"), List.of("symptom", "cause")),
    MITIGATIONS("mitigations", List.of("strategy", "risk", "speed", "when"), List.of("strategy", "risk", "speed")),
    CONTACTS("contacts", List.of("role", "channel", "within", "name", "contact"), List.of("role", "channel", "within")),
    TARGETS("targets", List.of("phase", "within", "done"), List.of("phase", "within"));

    /** The values a mitigation's {@code risk} may take. */
    public static final List<String> RISKS = List.of("low", "medium", "high");

    private final String key;
    private final List<String> columns;
    private final List<String> required;

    TableKind(String key, List<String> columns, List<String> required) {
        this.key = key;
        this.columns = columns;
        this.required = required;
    }

    public String key() {
        return key;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> required() {
        return required;
    }

    public static Optional<TableKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(TableKind::key).toList();
    }
}
