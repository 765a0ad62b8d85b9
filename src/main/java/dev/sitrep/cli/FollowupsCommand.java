package dev.sitrep.cli;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Json;
import dev.sitrep.postmortem.ActionItems;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.List;

@Command(name = "followups", mixinStandardHelpOptions = true,
        description = "Action items across incidents: overdue first, then the open ones by due day, then the finished.")
final class FollowupsCommand extends StoreCommand {

    @Option(names = "--overdue", description = "Only those past their due day and not done or won't do.")
    boolean overdueOnly;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    int run(Context c) {
        ActionItems actionItems = c.services().actionItems();
        List<ActionItem> items = actionItems.followUps(overdueOnly);
        LocalDate today = actionItems.today();
        if (json) {
            c.out().println(Json.write(items.stream().map(a -> FollowupOutput.json(a, today)).toList()));
            return 0;
        }
        if (items.isEmpty()) {
            c.out().println(overdueOnly ? "No overdue follow-ups."
                    : "No follow-ups. Add one with: sitrep followup add INCIDENT --action TEXT --owner NAME --due YYYY-MM-DD");
            return 0;
        }
        c.out().print(FollowupOutput.header());
        items.forEach(a -> c.out().print(FollowupOutput.line(a, today)));
        return 0;
    }
}
