package dev.sitrep.cli;

import dev.sitrep.core.NewFile;
import dev.sitrep.postmortem.IsoWeek;
import dev.sitrep.postmortem.WeeklyDigest;
import dev.sitrep.postmortem.WeeklyDigestMarkdown;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "The weekly digest in Markdown: incidents per severity and service, recurring services, "
                + "open high-severity incidents, overdue follow-ups.")
final class DigestCommand extends StoreCommand {

    @Option(names = "--week", required = true, paramLabel = "YYYY-Www",
            description = "The ISO week, Monday 00:00 UTC to the next Monday, e.g. 2026-W47.")
    String week;

    @Option(names = "--to", paramLabel = "FILE", description = "Write to FILE (must not exist) instead of stdout.")
    Path to;

    @Override
    int run(Context c) {
        String text = WeeklyDigestMarkdown.render(WeeklyDigest.compile(IsoWeek.parse(week), c.services().incidents(),
                c.services().actionItems()));
        if (to == null) {
            c.out().print(text);
        } else {
            c.out().println("Wrote " + to + " (" + NewFile.write(to, text) + " bytes)");
        }
        return 0;
    }
}
