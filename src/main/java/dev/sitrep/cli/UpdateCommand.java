package dev.sitrep.cli;

import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.UpdateComposer;
import dev.sitrep.comms.UpdateTemplate;
import dev.sitrep.comms.WarRoom;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.incident.IncidentRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * {@code sitrep incident update ID}: prints a status update composed from the workspace's
 * template; {@code --sent} records it as sent (the timeline entry, and first communication the
 * first time). {@code --text-file} takes the text as it was edited and sent instead.
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Print a status update composed from a template; --sent records it as sent.")
final class UpdateCommand extends StoreCommand {

    @Parameters(paramLabel = "ID", description = "The incident id.")
    String id;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = UpdateTemplate.INTERNAL,
            description = "internal (default), status-page or customer-email.")
    String template;

    @Option(names = "--sent", description = "Record the update as sent: a timeline entry, and the first-communication "
            + "milestone if the incident has none yet.")
    boolean sent;

    @Option(names = "--text-file", paramLabel = "FILE",
            description = "The text as it went out (UTF-8), instead of the composed one.")
    Path textFile;

    @Override
    int run(Context c) {
        IncidentId incident = IncidentId.parse(id);
        Clock clock = c.environment().clock();
        Templates templates = c.services().templates();
        UpdateTemplate chosen = templates.get(template);
        String text = textFile != null ? read(textFile) : compose(c, incident, chosen, clock);
        c.out().println(text);
        if (sent) {
            StatusUpdates.Sent done = c.services().statusUpdates().sent(incident, chosen.id(), text);
            c.out().println();
            c.out().println("Recorded on " + incident + ": " + chosen.name() + " sent at "
                    + TimeFormat.stamp(done.at(), ZoneOffset.UTC)
                    + (done.firstCommunication() ? "; first communication recorded" : "")
                    + done.nextDue().map(t -> "; next update due by " + TimeFormat.stamp(t, ZoneOffset.UTC))
                            .orElse("; no further update scheduled") + ".");
        }
        return 0;
    }

    private static String compose(Context c, IncidentId incident, UpdateTemplate chosen, Clock clock) {
        IncidentRecord record = c.services().incidents().show(incident);
        WarRoom warRoom = c.services().warRoom();
        return new UpdateComposer(c.services().incidents().scale(), warRoom.get()).compose(chosen, record, clock.instant()).text();
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw SitrepException.invalid("Text file " + file + " does not exist or is not a file; give the file "
                    + "holding the update as it was sent.");
        }
        try {
            if (Files.size(file) > 4L * Limits.TEXT_MAX) {
                throw SitrepException.invalid("Text file " + file + " is " + Files.size(file) + " bytes; an update is at "
                        + "most " + Limits.TEXT_MAX + " characters.");
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw SitrepException.invalid("Text file " + file + " is empty; it should hold the update as it was sent.");
            }
            return text;
        } catch (MalformedInputException e) {
            throw SitrepException.invalid("Text file " + file + " is not UTF-8 text; save it as UTF-8.");
        } catch (IOException e) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "Cannot read " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
