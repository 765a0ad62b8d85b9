package dev.sitrep.cli;

import dev.sitrep.core.ByteSize;
import dev.sitrep.workspace.WorkspaceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "limit", mixinStandardHelpOptions = true,
        description = "Show or set the largest single capture (default 8GiB; 1MiB to 1024GiB).")
final class EvidenceLimitCommand extends StoreCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SIZE", description = "e.g. 16GiB, 512MiB.")
    String size;

    @Override
    int run(Context c) {
        WorkspaceSettings settings = c.services().settings();
        if (size != null) {
            settings.setEvidenceLimit(ByteSize.parse(size), c.services().incidents().operator());
        }
        c.out().println("Evidence limit: " + ByteSize.format(settings.evidenceLimit()) + " per capture.");
        return 0;
    }
}
