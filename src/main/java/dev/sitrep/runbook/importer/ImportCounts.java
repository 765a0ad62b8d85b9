package dev.sitrep.runbook.importer;

/**
 * What the importer recognised, for the preview. The "Imported notes" section is not counted in
 * {@code sections} and {@code steps}; its entries are {@code notes}.
 *
 * @param commands steps that carry a command to copy
 * @param nodes    triage questions
 */
public record ImportCounts(int sections, int steps, int commands, int tables, int nodes, int outcomes, int notes) {
}
