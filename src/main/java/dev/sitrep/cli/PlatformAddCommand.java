package dev.sitrep.cli;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a platform profile. Its secret comes from SITREP_SECRET_<NAME>, the OS keychain, or is asked.")
final class PlatformAddCommand extends StoreCommand {

    @Parameters(paramLabel = "NAME", description = "Profile name, e.g. pn-prod.")
    String name;

    @Option(names = "--kind", required = true, description = "powernode, cullis, weathervane, so1 or sitrep (a team platform).")
    String kind;

    @Option(names = "--url", description = "The API's base address (https; plain http only to this machine).")
    String url;

    @Option(names = "--path", paramLabel = "FILE", description = "weathervane: its state/orchestrator.db.")
    Path path;

    @Option(names = "--email", description = "powernode: the account to log in with.")
    String email;

    @Option(names = "--environment", defaultValue = "production", description = "production, staging or development.")
    String environment;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "An extra CA certificate (PEM) to trust for this platform.")
    Path caCert;

    @Option(names = "--flag", paramLabel = "FLAG", description = "so1: a feature flag its kill switch disables (repeatable).")
    List<String> flags = new ArrayList<>();

    @Option(names = "--health-every", paramLabel = "SECONDS", defaultValue = "30", description = "Health check interval.")
    int healthEvery;

    @Option(names = "--auto-halt", description = "Let Sitrep halt this platform by itself when its health checks "
            + "escalate (audited as actor \"system\"). Off by default: Sitrep only proposes.")
    boolean autoHalt;

    @Override
    int run(Context c) {
        PlatformProfile profile = new PlatformProfile(PlatformProfile.checkName(name), PlatformKind.parse(kind), url,
                path == null ? null : path.toAbsolutePath().normalize(), email, PlatformProfile.Environment.parse(environment),
                caCert == null ? null : caCert.toAbsolutePath().normalize(), flags,
                Duration.ofSeconds(Math.max(5, healthEvery)), autoHalt);
        c.services().profiles().add(profile);
        c.out().println("Added " + profile.name() + " (" + profile.kind().key() + ", " + profile.address() + "). "
                + "Test it with: sitrep platform test " + profile.name());
        return 0;
    }
}
