package dev.sitrep.cli;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.IncidentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add an action item to an incident (noted on its timeline); prints its id.")
final class FollowupAddCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Option(names = "--action", required = true, paramLabel = "TEXT", description = "What will be done.")
    String action;

    @Option(names = "--owner", paramLabel = "NAME", description = "Who will do it.")
    String owner;

    @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "The day it is due.")
    String due;

    @Override
    int run(Context c) {
        IncidentId id = IncidentId.parse(incident);
        LocalDate day = DueDate.parse(due);
        ActionItem item = c.services().actionItems().add(id, action, owner, day);
        c.out().println(item.id());
        return 0;
    }
}
