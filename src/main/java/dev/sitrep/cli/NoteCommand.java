package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.util.List;

@Command(name = "note", mixinStandardHelpOptions = true, description = "Add a note to an incident's timeline.")
final class NoteCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The incident id.")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note (words are joined).")
    List<String> words;

    @Option(names = "--at", paramLabel = "TIME",
            description = "When it happened, for a backdated note: 14:32, 14:32 UTC, 2026-11-22T14:32:00Z, -15m ...")
    String at;

    @Override
    int run(Context c) {
        Instant when = c.time(at);
        TimelineEvent event = c.services().incidents().note(IncidentId.parse(id), String.join(" ", words), when);
        c.out().println("Noted on " + event.incidentId() + " (entry " + event.id() + ").");
        return 0;
    }
}
