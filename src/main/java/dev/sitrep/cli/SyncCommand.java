package dev.sitrep.cli;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.sync.TeamSync;
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
        List<PlatformProfile> team = platform != null ? List.of(c.services().profiles().get(platform))
                : c.services().profiles().list().stream().filter(p -> p.kind() == PlatformKind.SITREP).toList();
        if (team.isEmpty()) {
            throw SitrepException.invalid("No team platform is configured; add one with 'sitrep platform add NAME --kind "
                    + "sitrep --url URL' (see platform-api.md).");
        }
        TeamSync sync = c.services().teamSync();
        for (PlatformProfile p : team) {
            try {
                c.out().println(sync.cycle(p).describe());
            } catch (PlatformException e) {
                var w = sync.waiting(List.of(p)).get(p.name());
                spec.commandLine().getErr().println(p.name() + ": " + (w.pending() == 0 ? "nothing waiting"
                        : w.pending() + " changes wait in the outbox since " + TimeFormat.utcTime(w.oldest())
                        + "; nothing is lost") + ".");
                spec.commandLine().getErr().flush();
                throw e;
            }
        }
        return 0;
    }
}
