package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.Problem;
import dev.sitrep.runbook.Runbook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An imported runbook and what the import found, for the console's preview and the CLI.
 *
 * @param source      the file as messages name it
 * @param json        the runbook in Sitrep's format, ready to save
 * @param runbook     the same runbook as read back by the validator (sections, steps, questions to show);
 *                    {@code null} only when {@code problems} is not empty
 * @param notes       text that could not be mapped, each kept as a step of the "Imported notes" section
 * @param adjustments what was repaired, read in a particular way, or left out on purpose (navigation), and why
 * @param problems    what the validator says about {@code json}: always empty unless the importer has a bug
 */
public record ImportResult(String source, String json, Runbook runbook, ImportCounts counts, List<ImportNote> notes,
                           List<ImportNote> adjustments, List<Problem> problems) {

    /** The title of the section that holds the notes, when there are any. */
    public static final String NOTES_SECTION_TITLE = "Imported notes";

    public ImportResult {
        notes = List.copyOf(notes);
        adjustments = List.copyOf(adjustments);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return runbook != null && problems.isEmpty();
    }

    public String id() {
        return runbook == null ? "" : runbook.id();
    }

    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <id>.json}: the name to save it under in the team folder. */
    public String suggestedFileName() {
        return id() + ".json";
    }

    /**
     * One line: {@code Imported "Broker outages" as broker-outages: 12 sections, 48 steps (21 with a
     * command), 3 tables, 4 questions, 5 outcomes; 2 lines kept as notes; 9 adjustments}.
     */
    public String summary() {
        if (runbook == null) {
            return "Could not import " + source + ": " + (problems.isEmpty() ? "no runbook" : problems.get(0).message());
        }
        List<String> parts = new ArrayList<>();
        parts.add(plural(counts.sections(), "section"));
        parts.add(plural(counts.steps(), "step") + " (" + counts.commands() + " with a command)");
        parts.add(plural(counts.tables(), "table"));
        parts.add(plural(counts.nodes(), "question"));
        parts.add(plural(counts.outcomes(), "outcome"));
        String kept = counts.notes() == 0 ? "nothing left unmapped"
                : plural(counts.notes(), "line") + " kept as notes in \"" + NOTES_SECTION_TITLE + "\"";
        return String.format(Locale.ROOT, "Imported \"%s\" as %s: %s; %s; %s", runbook.title(), runbook.id(),
                String.join(", ", parts), kept, plural(adjustments.size(), "adjustment"));
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
