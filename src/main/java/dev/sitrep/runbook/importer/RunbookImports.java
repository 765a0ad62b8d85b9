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
import java.util.function.Supplier;

/**
 * Importing a team's existing runbook, the one way the CLI and the console both do it: read and
 * convert it (nothing kept), then keep it, checked as {@code sitrep runbook validate} checks a
 * file: on its own and beside the runbooks in use (its id must not clash with a team file's;
 * replacing a built-in must keep what others refer to). A runbook that does not fit beside them
 * is never left on disk.
 */
public final class RunbookImports {

    /** A runbook kept at {@code file}. */
    public record Kept(Path file, ImportResult result) {
    }

    private final Supplier<RunbookLibrary> library;
    private final Path teamFolder;

    private RunbookImports(Supplier<RunbookLibrary> library, Path teamFolder) {
        this.library = library;
        this.teamFolder = teamFolder;
    }

    /**
     * Imports beside the runbooks of {@code dataDir} (built-in and the team's, read afresh for each
     * import), keeping the console's imports in {@code <data-dir>/runbooks}. Needs no database, so
     * the runbook commands work while the console holds the workspace.
     */
    public static RunbookImports in(Path dataDir) {
        return new RunbookImports(() -> RunbookLibrary.load(dataDir), RunbookLibrary.teamDirectory(dataDir));
    }

    /**
     * Reads and converts {@code file}; nothing is kept. Its id is {@code id} when given, else made
     * from its title, avoiding the ids in use (except that of the file at {@code out}, which an
     * import over it replaces; {@code out} may be {@code null}).
     */
    public ImportResult read(Path file, String id, Path out) {
        return RunbookImporter.importFile(file, new ImportOptions(id, null, takenIds(library.get(), out)));
    }

    /** Refuses (with every problem) a runbook that cannot be used beside the runbooks in use; keeps nothing. */
    public void checkFits(ImportResult result) {
        List<Problem> problems = check(result);
        if (!problems.isEmpty()) {
            throw new Clash(problems);
        }
    }

    /** What the runbooks in use say about the imported one, without keeping it anywhere (through a temporary file). */
    private List<Problem> check(ImportResult result) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sitrep-import");
            Path temp = Files.write(dir.resolve(result.suggestedFileName()), result.bytes());
            List<Problem> problems = library.get().check(temp, result.suggestedFileName()).problems();
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

    /** The console's Save: into the team folder under the runbook's own file name, never over a file. */
    public Kept keepInTeamFolder(ImportResult result) {
        Path target = teamFolder.resolve(result.suggestedFileName());
        if (Files.exists(target)) {
            throw SitrepException.invalid(target + " already exists; remove or rename it first, or import under "
                    + "another id with 'sitrep runbook import FILE --id NEW-ID --out FILE'.");
        }
        return keep(result, target, false);
    }

    /**
     * Writes the runbook to {@code out} (atomically) and checks it there beside the runbooks in use.
     * An existing file is refused unless {@code replace}; when the check finds problems, the file is
     * put back as it was (or removed) and the import is refused, naming the first problem.
     */
    public Kept keep(ImportResult result, Path out, boolean replace) {
        if (!result.valid()) {
            throw SitrepException.invalid("The import does not validate (" + result.problems().size() + " problems): "
                    + result.problems().get(0).message() + ". Nothing is saved.");
        }
        if (Files.isDirectory(out)) {
            throw SitrepException.invalid(SitrepException.input("out") + " " + out + " is a folder; give a file name, e.g. "
                    + out.resolve(result.suggestedFileName()));
        }
        if (Files.exists(out) && !replace) {
            throw SitrepException.invalid(out + " already exists; give another " + SitrepException.input("out")
                    + ", or add " + SitrepException.input("force") + " to replace it");
        }
        List<Problem> problems;
        try {
            byte[] before = Files.exists(out) ? Files.readAllBytes(out) : null;
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".sitrep-import", ".tmp");
            Files.write(temp, result.bytes());
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            problems = library.get().check(out, out.toString()).problems();
            if (!problems.isEmpty()) {
                if (before == null) {
                    Files.delete(out);
                } else {
                    Files.write(out, before);
                }
            }
        } catch (IOException e) {
            throw SitrepException.invalid("cannot write " + out + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check that the folder exists and can be written");
        }
        if (!problems.isEmpty()) {
            throw new Clash(problems);
        }
        return new Kept(out, result);
    }

    /** The imported runbook cannot be used beside the runbooks in use; nothing was kept. */
    public static final class Clash extends SitrepException {

        private final transient List<Problem> problems;

        Clash(List<Problem> problems) {
            super(Kind.INVALID_INPUT, "the imported runbook cannot be used beside the runbooks in use ("
                    + problems.get(0).message() + "); give it another id with " + input("id"));
            this.problems = List.copyOf(problems);
        }

        /** Every problem the check found, for a report by file and line. */
        public List<Problem> problems() {
            return problems;
        }
    }

    /** The ids an import to {@code out} must avoid: the library's, except the file at {@code out} itself. */
    private static Set<String> takenIds(RunbookLibrary library, Path out) {
        Set<String> taken = new HashSet<>();
        for (LoadedRunbook e : library.entries()) {
            boolean replaced = out != null && e.path() != null && same(e.path(), out);
            if (e.runbook() != null && !e.runbook().id().isEmpty() && !replaced) {
                taken.add(e.runbook().id());
            }
        }
        return taken;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
