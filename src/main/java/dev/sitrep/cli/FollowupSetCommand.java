package dev.sitrep.cli;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.SitrepException;
import dev.sitrep.postmortem.ActionItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.LocalDate;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Change an action item; what is not given stays as it is. Finishing one is noted on the timeline.")
final class FollowupSetCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The action item id ('sitrep followups' lists them).")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", description = "open, in_progress, done or wont_do.")
    String status;

    @Option(names = "--owner", paramLabel = "NAME", description = "Who will do it (\"\" for nobody yet).")
    String owner;

    @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "The day it is due.")
    String due;

    @Option(names = "--action", paramLabel = "TEXT", description = "What will be done.")
    String action;

    @Override
    int run(Context c) {
        if (status == null && owner == null && due == null && action == null) {
            throw SitrepException.invalid("Nothing to change on " + id + "; give --status, --owner, --due or --action.");
        }
        ActionItem.Status newStatus = status == null ? null : ActionItem.Status.parse(status);
        LocalDate day = DueDate.parse(due);
        ActionItems actionItems = c.services().actionItems();
        ActionItem updated = actionItems.update(id, action, owner, day, newStatus);
        c.out().print(FollowupOutput.line(updated, actionItems.today()));
        return 0;
    }
}
