package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.evidence.EvidenceCaptures;
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
        java.io.PrintWriter err = spec.commandLine().getErr();
        EvidenceCaptures.Captured captured = c.services().evidenceCaptures().addPaths(IncidentId.parse(incident), files, description,
                tags, progress ? tenths(err, files) : EvidenceCaptures.Progress.NONE, () -> false);
        for (EvidenceCaptures.PathAdded path : captured.paths()) {
            if (path.folder()) {
                path.items().forEach(a -> c.out().println(a.item().id() + "  " + a.item().sha256() + "  " + a.item().size()
                        + "  " + path.given().toAbsolutePath().relativize(Path.of(a.item().source()))));
                path.skipped().forEach(reason -> err.println("skipped: " + path.given() + "/" + reason));
            } else {
                added(c, path.items().get(0), err);
            }
        }
        err.flush();
        return 0;
    }

    /** A file given by name: its line, its secrets on stderr, and a masked copy when asked for. */
    private void added(Context c, EvidenceCaptures.Added added, java.io.PrintWriter err) {
        EvidenceItem item = added.item();
        EvidenceOutput.added(c.out(), item);
        EvidenceOutput.secrets(err, item, added.secrets());
        if (!added.secrets().isEmpty() && redactedCopy) {
            EvidenceOutput.added(c.out(), c.services().evidence().addRedactedCopy(item));
        } else if (!added.secrets().isEmpty()) {
            err.println("warning: " + item.name() + " holds secrets; add a masked copy beside it with --redacted-copy");
        }
    }

    /** {@code gateway.log: 30% (60.0 of 200.0 MiB)} on stderr at each tenth of each file given by name. */
    private static EvidenceCaptures.Progress tenths(java.io.PrintWriter err, List<Path> given) {
        java.util.Set<Path> folders = given.stream()
                .filter(p -> java.nio.file.Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .collect(java.util.stream.Collectors.toSet());
        int[] said = {0};
        Path[] current = {null};
        return (file, done, total, doneOverall, totalOverall) -> {
            if (!file.equals(current[0])) {
                current[0] = file;
                said[0] = 0;
            }
            if (total <= 0 || folders.contains(file)) {
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
