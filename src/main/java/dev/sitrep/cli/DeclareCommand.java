package dev.sitrep.cli;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Command(name = "declare", mixinStandardHelpOptions = true, description = "Declare an incident; prints its id.")
final class DeclareCommand extends StoreCommand {

    @Option(names = "--title", required = true, description = "One line saying what is wrong.")
    String title;

    @Option(names = "--severity", description = "A level of the workspace scale (default: the scale's default, SEV2).")
    String severity;

    @Option(names = "--service", description = "The affected service.")
    String service;

    @Option(names = "--platform", paramLabel = "NAME", description = "An affected platform (repeatable).")
    List<String> platforms = new ArrayList<>();

    @Option(names = "--commander", paramLabel = "NAME", description = "Incident commander (default: the operator).")
    String commander;

    @Option(names = "--detected-at", paramLabel = "TIME", description = "When it was first seen (default: now).")
    String detectedAt;

    @Option(names = "--drill", description = "A drill, not a real incident.")
    boolean drill;

    @Option(names = "--anyway", description = "Declare even when an incident with the same title was declared in the "
            + "last 30 minutes and is not over (a likely duplicate); its timeline entry names that incident.")
    boolean anyway;

    @Option(names = "--json", description = "Print the incident as JSON.")
    boolean json;

    @Override
    int run(Context c) {
        Instant detected = c.time(detectedAt);
        Incident incident = c.services().incidents().declare(new Declaration(title, severity, service, platforms, commander, drill,
                detected), anyway ? IncidentService.IfDuplicate.DECLARE_ANYWAY : IncidentService.IfDuplicate.REFUSE);
        if (json) {
            c.out().println(IncidentJson.write(c.services().incidents().show(incident.id())));
        } else {
            c.out().println(incident.id() + "  " + incident.severity() + "  " + incident.title());
        }
        return 0;
    }
}
