package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SitrepException;
import dev.sitrep.evidence.EvidenceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

@Command(name = "paste", mixinStandardHelpOptions = true,
        description = "Add command output with the command that printed it, e.g. "
                + "kubectl get pods | sitrep evidence paste INC-... --command \"kubectl get pods\".")
final class EvidencePasteCommand extends StoreCommand {

    /** The most read from stdin or a file: output is evidence text, not a disk image. */
    static final int MAX_TEXT = 16 << 20;

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Option(names = "--command", required = true, paramLabel = "CMD", description = "The command that printed it.")
    String command;

    @Option(names = "--output", paramLabel = "FILE", defaultValue = "-",
            description = "Where the output is: a file, or - for stdin (the default).")
    String output;

    @Option(names = "--description", paramLabel = "TEXT", description = "What it shows.")
    String description;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Override
    int run(Context c) {
        String text = read();
        EvidenceService evidence = c.services().evidence();
        EvidenceItem item = evidence.addCommandOutput(IncidentId.parse(incident), command, text, description, tags);
        EvidenceOutput.added(c.out(), item);
        EvidenceOutput.secrets(spec.commandLine().getErr(), evidence, item);
        return 0;
    }

    private String read() {
        try {
            byte[] bytes = output.equals("-") ? System.in.readNBytes(MAX_TEXT + 1) : readFile(Path.of(output));
            if (bytes.length > MAX_TEXT) {
                throw SitrepException.invalid("The output is more than 16 MiB; save it to a file and add that with "
                        + "'sitrep evidence add' instead.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SitrepException.invalid("Could not read the output from " + output + " (" + e.getMessage()
                    + "); nothing was stored.");
        }
    }

    private static byte[] readFile(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(MAX_TEXT + 1);
        }
    }
}
