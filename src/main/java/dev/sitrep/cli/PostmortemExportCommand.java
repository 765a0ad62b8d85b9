package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.NewFile;
import dev.sitrep.postmortem.PostmortemExports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print or write the postmortem with the incident's action items, as Markdown or standalone HTML.")
final class PostmortemExportCommand extends StoreCommand {

    enum Format { MD, HTML }

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Option(names = "--format", required = true, paramLabel = "md|html",
            description = "md: GitHub-flavoured Markdown; html: one HTML file with its style inside, no script.")
    Format format;

    @Option(names = "--to", paramLabel = "FILE", description = "Write to FILE (must not exist) instead of stdout.")
    Path to;

    @Override
    int run(Context c) {
        String text = c.services().postmortemExports().render(IncidentId.parse(incident),
                format == Format.HTML ? PostmortemExports.Format.HTML : PostmortemExports.Format.MARKDOWN);
        if (to == null) {
            c.out().print(text);
        } else {
            c.out().println("Wrote " + to + " (" + NewFile.write(to, text) + " bytes)");
        }
        return 0;
    }
}
