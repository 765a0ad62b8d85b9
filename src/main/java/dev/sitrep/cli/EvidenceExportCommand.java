package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an incident's evidence to a zip bundle with its manifest (hashes, custody, audit head).")
final class EvidenceExportCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Option(names = "--to", required = true, paramLabel = "FILE.zip", description = "The bundle to write (must not exist).")
    Path to;

    @Override
    int run(Context c) {
        int n = c.services().bundles().export(IncidentId.parse(incident), to);
        c.out().println("Exported " + n + " evidence item" + (n == 1 ? "" : "s") + " of " + incident + " to " + to
                + ". Check it later with: sitrep evidence verify " + to);
        return 0;
    }
}
