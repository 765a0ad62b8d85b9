package dev.sitrep.cli;

import dev.sitrep.core.Json;
import dev.sitrep.core.SitrepException;
import dev.sitrep.runbook.LoadedRunbook;
import dev.sitrep.runbook.Problem;
import dev.sitrep.runbook.RunbookLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code sitrep runbook validate FILE}: checks a file as if it were in the team folder. Valid is
 * exit 0; otherwise every problem goes to stderr as {@code file:line: message} (the form editors
 * jump to) and the exit code is 2.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a runbook file against the format and the other runbooks; exit 2 listing each problem as file:line: message.")
final class RunbookValidateCommand extends LibraryCommand {

    @Parameters(paramLabel = "FILE", description = "The runbook file (JSON).")
    Path file;

    @Option(names = "--json", description = "Print {\"id\", \"title\", \"origin\", \"file\", \"valid\", \"inUse\", "
            + "\"replacedBy\", \"counts\", \"problems\"} on stdout.")
    boolean json;

    @Override
    int run(RunbookLibrary library, Path dataDir, PrintWriter out, PrintWriter err) {
        if (!Files.exists(file)) {
            throw SitrepException.invalid("runbook file " + file + " does not exist; give the path of a .json runbook file");
        }
        if (Files.isDirectory(file)) {
            throw SitrepException.invalid(file + " is a folder; give one runbook file (sitrep runbook list checks "
                    + "the team folder)");
        }
        LoadedRunbook checked = library.check(file, file.toString());
        if (json) {
            out.println(Json.write(RunbookJson.entry(checked)));
        } else if (checked.valid()) {
            out.println(file + ": valid runbook \"" + checked.runbook().id() + "\" (" + counts(checked) + ")"
                    + replaces(library, checked));
        }
        if (checked.valid()) {
            return 0;
        }
        if (!json) {
            for (Problem p : checked.problems()) {
                err.println(p);
            }
        }
        int n = checked.problems().size();
        err.println("sitrep: " + file + " has " + n + " problem" + (n == 1 ? "" : "s")
                + (json ? " (listed in the JSON)" : "") + "; Sitrep does not use a runbook until they are fixed");
        return 2;
    }

    private static String counts(LoadedRunbook e) {
        var rb = e.runbook();
        return rb.nodes().size() + " questions, " + rb.outcomes().size() + " outcomes, " + rb.allSections().count()
                + " sections, " + rb.stepCount() + " steps, " + rb.tables().size() + " tables";
    }

    private static String replaces(RunbookLibrary library, LoadedRunbook checked) {
        boolean builtIn = library.entries().stream().anyMatch(e -> e.origin() == LoadedRunbook.Origin.BUILT_IN
                && e.runbook() != null && e.runbook().id().equals(checked.runbook().id()));
        return builtIn ? "; in the team folder it replaces the built-in runbook of the same id" : "";
    }
}
