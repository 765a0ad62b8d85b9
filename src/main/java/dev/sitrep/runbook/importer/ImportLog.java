package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the importer has to tell: notes (text it could not map, kept in the runbook's "Imported
 * notes" section) and adjustments (what it changed or left out on purpose, and why).
 */
final class ImportLog {

    private final List<ImportNote> notes = new ArrayList<>();
    private final List<ImportNote> adjustments = new ArrayList<>();

    void note(int line, String reason, String text) {
        notes.add(new ImportNote(line, reason, text));
    }

    void adjust(int line, String reason, String text) {
        adjustments.add(new ImportNote(line, reason, text));
    }

    void adjust(ImportNote note) {
        adjustments.add(note);
    }

    List<ImportNote> notes() {
        return sorted(notes);
    }

    List<ImportNote> adjustments() {
        return sorted(adjustments);
    }

    /** A copy, to try something and go back to this state if it fails. */
    ImportLog copy() {
        ImportLog c = new ImportLog();
        c.notes.addAll(notes);
        c.adjustments.addAll(adjustments);
        return c;
    }

    private static List<ImportNote> sorted(List<ImportNote> list) {
        List<ImportNote> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt(ImportNote::line));
        return List.copyOf(out);
    }
}
