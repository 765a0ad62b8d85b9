package dev.sitrep.cli;

import dev.sitrep.core.Json;
import dev.sitrep.core.SitrepException;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.runbook.importer.ImportNote;
import dev.sitrep.runbook.importer.ImportResult;
import dev.sitrep.runbook.importer.RunbookImports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sitrep runbook import FILE}: turns a Markdown runbook, or a wiki or web page copied as
 * text, into Sitrep's format. Without {@code --out} the runbook goes to stdout and the report
 * (what was kept as notes, what was adjusted, a summary) to stderr; with {@code --out} the file is
 * written (never over an existing one without {@code --force}) and the report goes to stdout. The
 * result is checked like {@code sitrep runbook validate} before it is kept.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Turn a runbook in Markdown, or copied as text from a wiki or web page, into Sitrep's format; "
                + "print it, or write it with --out. Text it cannot map is kept as notes and reported by line.")
final class RunbookImportCommand extends LibraryCommand {

    @Parameters(paramLabel = "FILE", description = "The runbook to import (Markdown or text, at most 5 MB).")
    Path file;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the runbook here instead of printing it "
            + "(e.g. <data-dir>/runbooks/NAME.json to use it at once).")
    Path out;

    @Option(names = "--force", description = "With --out: replace the file when it exists.")
    boolean force;

    @Option(names = "--id", paramLabel = "ID", description = "The runbook's id (default: from its title).")
    String id;

    @Option(names = "--json-report", description = "With --out: print the report as JSON on stdout: {\"file\", \"out\", "
            + "\"id\", \"title\", \"counts\", \"notes\", \"adjustments\", \"summary\"}.")
    boolean jsonReport;

    @Override
    int run(RunbookLibrary library, Path dataDir, PrintWriter stdout, PrintWriter stderr) {
        refuseBadArguments();
        RunbookImports imports = RunbookImports.in(dataDir);
        ImportResult result = imports.read(file, id, out);
        if (!result.valid()) {
            result.problems().forEach(p -> stderr.println(p));
            throw new SitrepException(SitrepException.Kind.FAILURE, "importing " + file + " made a runbook that does "
                    + "not validate, which is a bug in the importer; please report it with the file ("
                    + result.problems().get(0).message() + ")");
        }
        try {
            if (out == null) {
                imports.checkFits(result);
            } else {
                imports.keep(result, out, force);
            }
        } catch (RunbookImports.Clash clash) {
            clash.problems().forEach(p -> stderr.println(p));
            throw clash;
        }
        if (out == null) {
            stdout.print(result.json());
            report(result, stderr);
            stderr.println(result.summary());
        } else if (jsonReport) {
            stdout.println(Json.write(jsonReport(result)));
        } else {
            report(result, stdout);
            stdout.println("Wrote " + out + ": " + result.summary());
        }
        return 0;
    }

    private void refuseBadArguments() {
        if (jsonReport && out == null) {
            throw SitrepException.invalid("--json-report prints the report on stdout, where the runbook goes without "
                    + "--out; add --out FILE");
        }
        if (Files.isDirectory(file)) {
            throw SitrepException.invalid(file + " is a folder; give one Markdown or text file to import");
        }
        if (out != null && Files.isDirectory(out)) {
            throw SitrepException.invalid("--out " + out + " is a folder; give a file name, e.g. " + out.resolve("NAME.json"));
        }
        if (out != null && Files.exists(out) && !force) {
            throw SitrepException.invalid(out + " already exists; give another --out, or add --force to replace it");
        }
    }

    private void report(ImportResult result, PrintWriter to) {
        List<ImportNote> all = new ArrayList<>(result.notes());
        all.addAll(result.adjustments());
        all.sort(Comparator.comparingInt(ImportNote::line));
        for (ImportNote n : all) {
            String text = n.text().length() > 100 ? n.text().substring(0, 99) + "\u2026" : n.text();
            to.println(file + ":" + n.line() + ": " + n.reason() + (text.isEmpty() ? "" : ": " + text));
        }
    }

    private Map<String, Object> jsonReport(ImportResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("out", out.toString());
        m.put("id", result.id());
        m.put("title", result.runbook().title());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("sections", result.counts().sections());
        counts.put("steps", result.counts().steps());
        counts.put("commands", result.counts().commands());
        counts.put("tables", result.counts().tables());
        counts.put("questions", result.counts().nodes());
        counts.put("outcomes", result.counts().outcomes());
        counts.put("notes", result.counts().notes());
        m.put("counts", counts);
        m.put("notes", notes(result.notes()));
        m.put("adjustments", notes(result.adjustments()));
        m.put("summary", result.summary());
        return m;
    }

    private static List<Map<String, Object>> notes(List<ImportNote> notes) {
        return notes.stream().map(n -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", n.line());
            m.put("reason", n.reason());
            m.put("text", n.text());
            return m;
        }).toList();
    }
}
