package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.incident.IncidentRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show an incident with its timeline.")
final class ShowCommand extends StoreCommand {

    @Parameters(paramLabel = "ID", description = "The incident id.")
    String id;

    @Option(names = "--json", description = "Print the incident as JSON.")
    boolean json;

    @Override
    int run(Context c) {
        IncidentRecord record = c.services().incidents().show(IncidentId.parse(id));
        c.out().print(json ? IncidentJson.write(record) + System.lineSeparator()
                : IncidentText.detail(record, c.services().incidents().scale(),
                c.services().incidents().resumeWatches(List.of(record.incident())).get(record.incident().id()),
                c.services().checklists().forIncident(record.incident().id()), c.environment().clock().instant(),
                c.environment().zone()));
        return 0;
    }
}
