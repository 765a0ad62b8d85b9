package dev.sitrep.cli;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List incidents, newest first.")
final class ListCommand extends StoreCommand {

    @Option(names = "--status", defaultValue = "open",
            description = "open (the default: still being worked), all, or one status such as resolved.")
    String status;

    @Option(names = "--json", description = "Print a JSON array of incidents with their timelines.")
    boolean json;

    @Override
    int run(Context c) {
        String wanted = status.trim().toLowerCase(Locale.ROOT);
        boolean activeOnly = wanted.equals("open");
        IncidentStatus only = activeOnly || wanted.equals("all") ? null : parseStatus(wanted);
        if (json) {
            c.out().println(IncidentJson.writeAll(c.services().incidents().listWithTimelines(activeOnly).stream()
                    .filter(r -> only == null || r.incident().status() == only).toList()));
            return 0;
        }
        List<Incident> incidents = c.services().incidents().list(activeOnly).stream()
                .filter(i -> only == null || i.status() == only).toList();
        c.out().print(IncidentText.table(incidents, c.environment().clock().instant()));
        return 0;
    }

    private static IncidentStatus parseStatus(String text) {
        try {
            return IncidentStatus.parse(text);
        } catch (SitrepException e) {
            throw SitrepException.invalid("Unknown --status " + Limits.quote(text) + "; use open, all, or one of investigating, "
                    + "identified, mitigating, monitoring, resolved, closed, declined, merged.");
        }
    }
}
