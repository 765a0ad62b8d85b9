package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.NewFile;
import dev.sitrep.core.Postmortem;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Exporting a postmortem with its action items, the one way the CLI and the console both do it:
 * GitHub-flavoured Markdown, or one standalone HTML file (its style inside, no script), printed or
 * written to a new file, never over one.
 */
public final class PostmortemExports {

    public enum Format {
        MARKDOWN, HTML;

        /** HTML for a {@code .html}/{@code .htm} file, else Markdown (the console's Export… picks by the name typed). */
        public static Format forFile(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".html") || name.endsWith(".htm") ? HTML : MARKDOWN;
        }
    }

    /** A postmortem written to {@code file}. */
    public record Exported(Path file, Format format, long bytes) {
    }

    private final Postmortems postmortems;
    private final ActionItems actionItems;

    public PostmortemExports(Postmortems postmortems, ActionItems actionItems) {
        this.postmortems = postmortems;
        this.actionItems = actionItems;
    }

    /** The incident's postmortem as saved (a draft from the record when none is) with its action items. */
    public String render(IncidentId incident, Format format) {
        return render(postmortems.open(incident).postmortem(), actionItems.forIncident(incident), format);
    }

    /** {@code postmortem} as it stands (the editor's, saved or not) with {@code actions}. */
    public static String render(Postmortem postmortem, List<ActionItem> actions, Format format) {
        return format == Format.HTML ? PostmortemHtml.render(postmortem, actions)
                : PostmortemMarkdown.render(postmortem, actions);
    }

    /** Writes {@code postmortem} with {@code actions} to the new file {@code file}, in the format its name asks for. */
    public Exported write(Postmortem postmortem, List<ActionItem> actions, Path file) {
        Format format = Format.forFile(file);
        return new Exported(file, format, NewFile.write(file, render(postmortem, actions, format)));
    }
}
