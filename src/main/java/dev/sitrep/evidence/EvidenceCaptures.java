package dev.sitrep.evidence;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Capturing files and folders as evidence, the one way the CLI and the console both do it: each
 * path in the order given (a folder: every file inside, links not followed, what cannot be read
 * skipped and named), hashed while stored, its capture audited, then scanned for secrets. Progress
 * is reported per file and overall; a cancel stops before the next block and stores nothing more.
 */
public final class EvidenceCaptures {

    /** How far a capture has got: within the file being stored, and over everything asked for. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (file, done, size, doneOverall, totalOverall) -> { };

        void at(Path file, long done, long size, long doneOverall, long totalOverall);
    }

    /** An item stored, with the secrets found in it (none when its bytes are not text). */
    public record Added(EvidenceItem item, List<SecretScanner.Finding> secrets) {
    }

    /** What one path given became: its items, and (for a folder) what inside it was skipped and why. */
    public record PathAdded(Path given, boolean folder, List<Added> items, List<String> skipped) {
    }

    /** What a capture stored, path by path. */
    public record Captured(List<PathAdded> paths) {

        public List<Added> items() {
            return paths.stream().flatMap(p -> p.items().stream()).toList();
        }

        public long bytes() {
            return items().stream().mapToLong(a -> a.item().size()).sum();
        }
    }

    private final EvidenceService evidence;

    public EvidenceCaptures(EvidenceService evidence) {
        this.evidence = evidence;
    }

    /** Stores {@code paths} on {@code incident}, in order; see the class comment. */
    public Captured addPaths(IncidentId incident, List<Path> paths, String description, List<String> tags,
                             Progress progress, BooleanSupplier cancelled) {
        long total = paths.stream().mapToLong(EvidenceCaptures::sizeOf).sum();
        long[] before = {0};
        List<PathAdded> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                BlobStore.Progress overall = (done, size) -> progress.at(p, done, size, before[0] + done, total);
                EvidenceService.FolderAdded folder = evidence.addFolder(incident, p, description, tags, overall, cancelled);
                folder.items().forEach(i -> before[0] += i.size());
                out.add(new PathAdded(p, true, scanned(folder.items()), folder.skipped()));
            } else {
                BlobStore.Progress overall = (done, size) -> progress.at(p, done, size, before[0] + done, total);
                EvidenceItem item = evidence.addFile(incident, p, description, tags, overall, cancelled);
                before[0] += item.size();
                out.add(new PathAdded(p, false, scanned(List.of(item)), List.of()));
            }
        }
        return new Captured(List.copyOf(out));
    }

    private List<Added> scanned(List<EvidenceItem> items) {
        return items.stream().map(i -> new Added(i, evidence.scan(i))).toList();
    }

    private static long sizeOf(Path p) {
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
