package dev.sitrep.cli;

import dev.sitrep.core.Json;
import dev.sitrep.runbook.LoadedRunbook;
import dev.sitrep.runbook.Problem;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.RunbookLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the built-in runbooks and the team's (<data-dir>/runbooks/*.json), valid or not, with counts.")
final class RunbookListCommand extends LibraryCommand {

    @Option(names = "--json", description = "Print a JSON array, one object per file.")
    boolean json;

    @Override
    int run(RunbookLibrary library, Path dataDir, PrintWriter out, PrintWriter err) {
        List<LoadedRunbook> entries = library.entries();
        if (json) {
            out.println(Json.write(entries.stream().map(RunbookJson::entry).toList()));
            return 0;
        }
        out.printf(Locale.ROOT, "%-18s  %-8s  %-22s  %9s  %8s  %8s  %6s  %s%n", "ID", "ORIGIN", "STATUS", "QUESTIONS",
                "OUTCOMES", "SECTIONS", "TABLES", "FILE");
        for (LoadedRunbook e : entries) {
            Runbook rb = e.runbook();
            out.printf(Locale.ROOT, "%-18s  %-8s  %-22s  %9s  %8s  %8s  %6s  %s%n",
                    rb == null || rb.id().isEmpty() ? "?" : rb.id(), e.origin().label(), status(e),
                    rb == null ? "-" : rb.nodes().size(), rb == null ? "-" : rb.outcomes().size(),
                    rb == null ? "-" : rb.allSections().count(), rb == null ? "-" : rb.tables().size(), e.file());
            for (Problem p : e.problems()) {
                out.println("    " + p);
            }
        }
        long team = entries.stream().filter(e -> e.origin() == LoadedRunbook.Origin.TEAM).count();
        long broken = entries.stream().filter(e -> !e.valid()).count();
        out.println();
        out.println(library.runbooks().size() + " runbooks in use; " + team + " team file" + (team == 1 ? "" : "s") + " in "
                + RunbookLibrary.teamDirectory(dataDir) + (broken == 0 ? "" : "; " + broken + " with problems (not used "
                + "until fixed; check one with: sitrep runbook validate FILE)"));
        return 0;
    }

    private static String status(LoadedRunbook e) {
        if (!e.valid()) {
            return "invalid: " + e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s");
        }
        return e.replacedBy() != null ? "valid, replaced" : "valid";
    }
}
