package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.runbook.BuiltInRunbooks;
import dev.sitrep.runbook.LoadedRunbook;
import dev.sitrep.runbook.RunbookLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code sitrep runbook export ID}: prints the file of the runbook in use with that id, as
 * written, to start a team's own copy (e.g. the contacts table with names filled in).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print the file of the runbook in use with this id (a starting point for the team's own copy).")
final class RunbookExportCommand extends LibraryCommand {

    @Parameters(paramLabel = "ID", description = "The runbook's id, as 'sitrep runbook list' shows it.")
    String id;

    @Override
    int run(RunbookLibrary library, Path dataDir, PrintWriter out, PrintWriter err) {
        LoadedRunbook entry = library.entries().stream().filter(e -> e.inUse() && e.runbook().id().equals(id)).findFirst()
                .orElseThrow(() -> SitrepException.notFound("There is no runbook \"" + id + "\" in use; the runbooks are "
                        + library.runbooks().stream().map(r -> r.id()).collect(Collectors.joining(", ")) + "."));
        byte[] bytes;
        if (entry.path() == null) {
            String name = entry.file().substring(entry.file().lastIndexOf('/') + 1);
            bytes = BuiltInRunbooks.bytes(name);
        } else {
            try {
                bytes = Files.readAllBytes(entry.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        out.print(text.endsWith("\n") ? text : text + System.lineSeparator());
        return 0;
    }
}
