package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;

@Command(name = "amend", mixinStandardHelpOptions = true,
        description = "Correct a timeline entry's text or time; the original stays in the history.")
final class AmendCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The incident id.")
    String id;

    @Parameters(index = "1", paramLabel = "ENTRY", description = "The entry id ('incident show' lists them).")
    String entry;

    @Option(names = "--text", description = "The corrected text.")
    String text;

    @Option(names = "--at", paramLabel = "TIME", description = "The corrected time it happened.")
    String at;

    @Override
    int run(Context c) {
        Instant when = c.time(at);
        TimelineEvent event = c.services().incidents().amend(IncidentId.parse(id), entry, text, when);
        c.out().println("Corrected: entry " + event.id() + " supersedes " + entry + ".");
        return 0;
    }
}
