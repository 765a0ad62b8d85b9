package dev.sitrep.runbook.importer;

import dev.sitrep.core.SitrepException;
import dev.sitrep.runbook.LoadedRunbook;
import dev.sitrep.runbook.Problem;
import dev.sitrep.runbook.RunbookLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps an imported runbook, checked as {@code sitrep runbook validate} checks a file: on its own
 * and beside the runbooks in use (its id must not clash with a team file's; replacing a built-in
 * must keep what others refer to). The CLI and the console's Import action share it.
 */
public final class ImportSaver {

    private ImportSaver() {
    }

    /**
     * The ids an import to {@code out} must avoid: those of the runbooks in the library, except the
     * file at {@code out} itself (importing again over the same file keeps its id). {@code out} may be {@code null}.
     */
    public static Set<String> takenIds(RunbookLibrary library, Path out) {
        Set<String> taken = new HashSet<>();
        for (LoadedRunbook e : library.entries()) {
            boolean replaced = out != null && e.path() != null && same(e.path(), out);
            if (e.runbook() != null && !e.runbook().id().isEmpty() && !replaced) {
                taken.add(e.runbook().id());
            }
        }
        return taken;
    }

    /** What the library says about the runbook, without keeping it anywhere (through a temporary file). */
    public static List<Problem> check(ImportResult result, RunbookLibrary library) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sitrep-import");
            Path temp = Files.write(dir.resolve(result.suggestedFileName()), result.bytes());
            List<Problem> problems = library.check(temp, result.suggestedFileName()).problems();
            Files.delete(temp);
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                dir.toFile().delete();
            }
        }
    }

    /**
     * Writes the runbook to {@code out} (atomically) and checks it there. An existing file is
     * refused unless {@code replace}; when the check finds problems, the file is put back as it was
     * (or removed) and the problems are returned.
     */
    public static List<Problem> save(ImportResult result, Path out, boolean replace, RunbookLibrary library) {
        if (Files.isDirectory(out)) {
            throw SitrepException.invalid(out + " is a folder; give a file name, e.g. " + out.resolve(result.suggestedFileName()));
        }
        if (Files.exists(out) && !replace) {
            throw SitrepException.invalid(out + " already exists; give another file, or replace it (--force)");
        }
        try {
            byte[] before = Files.exists(out) ? Files.readAllBytes(out) : null;
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".sitrep-import", ".tmp");
            Files.write(temp, result.bytes());
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            List<Problem> problems = library.check(out, out.toString()).problems();
            if (!problems.isEmpty()) {
                if (before == null) {
                    Files.delete(out);
                } else {
                    Files.write(out, before);
                }
            }
            return problems;
        } catch (IOException e) {
            throw SitrepException.invalid("cannot write " + out + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check that the folder exists and can be written");
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
