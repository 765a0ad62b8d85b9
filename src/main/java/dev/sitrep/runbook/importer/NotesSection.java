package dev.sitrep.runbook.importer;

import java.util.List;

/**
 * The section that keeps what could not be mapped: one step per note, {@code Line 12: <text>},
 * in the order of the source, at the end of the runbook. A person moves each where it belongs or
 * deletes it; nothing is dropped without being seen.
 */
final class NotesSection {

    private NotesSection() {
    }

    /** Adds the section when there are notes; returns how many steps it has (0 when none). */
    static int add(Draft draft, List<ImportNote> notes, String source) {
        if (notes.isEmpty()) {
            return 0;
        }
        Draft.Section section = new Draft.Section(ImportResult.NOTES_SECTION_TITLE, notes.get(0).line(), 1, false);
        section.generated = true;
        String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\')) + 1);
        section.summary = "Text from " + file + " that the importer could not place, with the line it came from. "
                + "Move each where it belongs, or delete it.";
        for (ImportNote note : notes) {
            String text = "Line " + note.line() + ": " + (note.text().isBlank() ? "(" + note.reason() + ")" : note.text());
            for (String part : TextLimit.split(text, OutlineBuilder.TEXT_MAX)) {
                section.steps.add(new Draft.Step(note.line(), part, null, null));
            }
        }
        java.util.Set<String> taken = new java.util.HashSet<>();
        draft.allSections().forEach(s -> taken.add(s.id));
        String id = "imported-notes";
        int n = 2;
        while (taken.contains(id)) {
            id = "imported-notes-" + n++;
        }
        section.id = id;
        draft.sections.add(section);
        return section.steps.size();
    }
}
