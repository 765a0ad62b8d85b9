package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring a verified bundle's items onto an incident here (the bundle's own, or --incident).")
final class EvidenceImportCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The bundle.")
    Path bundle;

    @Option(names = "--incident", paramLabel = "ID", description = "The incident to add the items to.")
    String incident;

    @Override
    int run(Context c) {
        List<EvidenceItem> added = c.services().bundles().importInto(bundle, incident == null ? null : IncidentId.parse(incident));
        for (EvidenceItem item : added) {
            c.out().println(item.id() + "  " + item.sha256() + "  " + item.size() + "  " + item.name());
        }
        c.out().println("Imported " + added.size() + " item" + (added.size() == 1 ? "" : "s") + " from " + bundle
                + " (each re-hashed; items already here were skipped).");
        return 0;
    }
}
