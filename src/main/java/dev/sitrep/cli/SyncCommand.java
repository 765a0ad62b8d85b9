package dev.sitrep.cli;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.sync.TeamSync;
import dev.sitrep.workspace.WorkspaceSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "One push + pull with team platforms (kind sitrep): says what moved and what still waits.")
final class SyncCommand extends StoreCommand {

    @Option(names = "--platform", paramLabel = "NAME", description = "Only this platform (default: every sitrep one).")
    String platform;

    @Override
    int run(Context c) {
        List<PlatformProfile> team = platform != null ? List.of(c.profiles().get(platform))
                : c.profiles().list().stream().filter(p -> p.kind() == PlatformKind.SITREP).toList();
        if (team.isEmpty()) {
            throw SitrepException.invalid("No team platform is configured; add one with 'sitrep platform add NAME --kind "
                    + "sitrep --url URL' (see platform-api.md).");
        }
        var secrets = c.secrets();
        TeamSync sync = new TeamSync(c.store(), c.incidents(), p -> c.profiles().connect(p, secrets),
                new WorkspaceSettings(c.store(), c.environment().clock())::origin, c.environment().clock());
        for (PlatformProfile p : team) {
            try {
                c.out().println(sync.cycle(p).describe());
            } catch (dev.sitrep.platform.PlatformException e) {
                var w = sync.waiting(List.of(p)).get(p.name());
                spec.commandLine().getErr().println(p.name() + ": " + (w.pending() == 0 ? "nothing waiting"
                        : w.pending() + " changes wait in the outbox since " + dev.sitrep.core.TimeFormat.utcTime(w.oldest())
                        + "; nothing is lost") + ".");
                spec.commandLine().getErr().flush();
                throw e;
            }
        }
        return 0;
    }
}
