package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

@Command(name = "note", mixinStandardHelpOptions = true,
        description = "Add a written note as evidence (hashed and audited like a file).")
final class EvidenceNoteCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "What was seen.")
    List<String> words;

    @Option(names = "--name", paramLabel = "NAME", description = "A short name (default: the note's first words).")
    String name;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Override
    int run(Context c) {
        String text = String.join(" ", words);
        String shown = name != null ? name : text.length() > 40 ? text.substring(0, 40) + "…" : text;
        EvidenceItem item = c.services().evidence().addText(IncidentId.parse(incident), EvidenceItem.Kind.NOTE, shown, text,
                "note by " + c.services().incidents().operator(), null, tags);
        EvidenceOutput.added(c.out(), item);
        return 0;
    }
}
