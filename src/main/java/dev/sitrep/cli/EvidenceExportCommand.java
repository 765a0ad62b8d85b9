package dev.sitrep.cli;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SitrepException;
import dev.sitrep.evidence.Bundles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code sitrep evidence export INCIDENT --to FILE.zip}: a bundle leaves Sitrep, so items whose
 * text holds secrets are refused (exit 2, each secret a warning on stderr) until the command
 * says what to do with them: {@code --redacted} or {@code --include-secrets}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an incident's evidence to a zip bundle with its manifest (hashes, custody, audit head). "
                + "Items whose text holds secrets are refused until --redacted or --include-secrets says what to do.")
final class EvidenceExportCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Option(names = "--to", required = true, paramLabel = "FILE.zip", description = "The bundle to write (must not exist).")
    Path to;

    @Option(names = "--redacted", description = "Put a redacted copy (secrets masked) in place of each item that holds "
            + "secrets, made now when it has none; the originals stay in Sitrep.")
    boolean redacted;

    @Option(names = "--include-secrets", description = "Keep the items that hold secrets as they are, secrets and all.")
    boolean includeSecrets;

    @Override
    int run(Context c) {
        if (redacted && includeSecrets) {
            throw SitrepException.invalid("--redacted and --include-secrets exclude each other; give one of them.");
        }
        PrintWriter err = spec.commandLine().getErr();
        Bundles.WithSecrets choice = redacted ? Bundles.WithSecrets.REDACTED
                : includeSecrets ? Bundles.WithSecrets.ORIGINALS : Bundles.WithSecrets.REFUSE;
        Bundles.Exported exported;
        try {
            exported = c.services().bundles().export(IncidentId.parse(incident), to, choice);
        } catch (Bundles.SecretsFound found) {
            found.flagged().forEach(f -> EvidenceOutput.secrets(err, f.item(), f.findings()));
            throw found;
        }
        exported.replaced().forEach(r -> c.out().println("In place of " + r.original().name() + ": "
                + r.copy().id() + "  " + r.copy().name()));
        exported.withSecrets().forEach(f -> err.println("warning: the bundle holds secrets in " + f.describe()));
        err.flush();
        int n = exported.items();
        c.out().println("Exported " + n + " evidence item" + (n == 1 ? "" : "s") + " of " + incident + " to " + to
                + ". Check it later with: sitrep evidence verify " + to);
        return 0;
    }
}
