package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "hypothesis", mixinStandardHelpOptions = true, description = "Record a hypothesis with a confidence.")
final class HypothesisCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The incident id.")
    String id;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The hypothesis and its evidence.")
    List<String> words;

    @Option(names = "--confidence", required = true, paramLabel = "PERCENT", description = "0 to 100.")
    int confidence;

    @Override
    int run(Context c) {
        TimelineEvent event = c.services().incidents().hypothesis(IncidentId.parse(id), String.join(" ", words), confidence);
        c.out().println("Hypothesis recorded on " + event.incidentId() + " (entry " + event.id() + ").");
        return 0;
    }
}
