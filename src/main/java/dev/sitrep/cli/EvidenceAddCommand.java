package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.evidence.SecretScanner;
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

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Files (or folders: every file "
            + "inside, links not followed) to add.")
    List<Path> files;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it is and why it matters.")
    String description;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--redacted-copy", description = "When a text file holds secrets, also add a copy with them masked.")
    boolean redactedCopy;

    @Option(names = "--progress", description = "Say on stderr how far each file has got, every tenth of it.")
    boolean progress;

    @Override
    int run(Context c) {
        EvidenceService evidence = c.services().evidence();
        IncidentId id = IncidentId.parse(incident);
        List<Path> all = new ArrayList<>();
        for (Path given : files) {
            if (java.nio.file.Files.isDirectory(given, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                EvidenceService.FolderAdded folder = evidence.addFolder(id, given, description, tags,
                        BlobStore.Progress.NONE, () -> false);
                folder.items().forEach(item -> c.out().println(item.id() + "  " + item.sha256() + "  " + item.size()
                        + "  " + given.toAbsolutePath().relativize(Path.of(item.source()))));
                folder.skipped().forEach(reason -> spec.commandLine().getErr().println("skipped: " + given + "/" + reason));
                spec.commandLine().getErr().flush();
            } else {
                all.add(given);
            }
        }
        for (Path file : all) {
            EvidenceItem item = evidence.addFile(id, file, description, tags, progress ? tenths(file)
                    : BlobStore.Progress.NONE, () -> false);
            EvidenceOutput.added(c.out(), item);
            List<SecretScanner.Finding> found = EvidenceOutput.secrets(spec.commandLine().getErr(),
                    evidence, item);
            if (!found.isEmpty() && redactedCopy) {
                EvidenceOutput.added(c.out(), evidence.addRedactedCopy(item));
            } else if (!found.isEmpty()) {
                spec.commandLine().getErr().println("warning: " + item.name()
                        + " holds secrets; add a masked copy beside it with --redacted-copy");
                spec.commandLine().getErr().flush();
            }
        }
        return 0;
    }

    /** {@code gateway.log: 30% (60.0 of 200.0 MiB)} on stderr at each tenth. */
    private BlobStore.Progress tenths(Path file) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        int[] said = {0};
        return (done, total) -> {
            if (total <= 0) {
                return;
            }
            int tenth = (int) (done * 10 / total);
            if (tenth > said[0]) {
                said[0] = tenth;
                err.printf(java.util.Locale.ROOT, "%s: %d%% (%.1f of %.1f MiB)%n", file.getFileName(), tenth * 10,
                        done / 1048576.0, total / 1048576.0);
                err.flush();
            }
        };
    }
}
