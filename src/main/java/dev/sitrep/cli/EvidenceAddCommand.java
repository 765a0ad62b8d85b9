package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.evidence.EvidenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add files as evidence: each is hashed (SHA-256) while stored, and its capture is audited.")
final class EvidenceAddCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files to add.")
    List<Path> files;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is and why it matters.")
    String description;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Override
    int run(Context c) {
        EvidenceService evidence = c.evidence();
        IncidentId id = IncidentId.parse(incident);
        for (Path file : files) {
            EvidenceItem item = evidence.addFile(id, file, description, tags, BlobStore.Progress.NONE, () -> false);
            c.out().println(item.id() + "  " + item.sha256() + "  " + item.size() + "  " + item.name());
        }
        return 0;
    }
}
