package dev.sitrep.cli;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Postmortem;
import dev.sitrep.postmortem.PostmortemHtml;
import dev.sitrep.postmortem.PostmortemMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

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
        IncidentId id = IncidentId.parse(incident);
        Postmortem postmortem = c.services().postmortems().open(id).postmortem();
        List<ActionItem> actions = c.services().actionItems().forIncident(id);
        String text = format == Format.HTML ? PostmortemHtml.render(postmortem, actions)
                : PostmortemMarkdown.render(postmortem, actions);
        if (to == null) {
            c.out().print(text);
        } else {
            NewFile.write(to, text, c.out());
        }
        return 0;
    }
}
