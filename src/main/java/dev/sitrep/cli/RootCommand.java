package dev.sitrep.cli;

import dev.sitrep.workspace.ProcessEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code sitrep}: the global options, accepted before or after the subcommand. With no
 * subcommand the launcher opens the desktop console instead.
 */
@Command(name = "sitrep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The war-room incident console. With no command, opens the desktop console.",
        subcommands = {IncidentCommand.class, EvidenceCommand.class, SyncCommand.class, PlatformCommand.class, KillSwitchCommand.class, ContainCommand.class,
                AuditCommand.class, RunbookCommand.class, PostmortemCommand.class, FollowupsCommand.class,
                FollowupCommand.class, DigestCommand.class,
                SandboxCommand.class, WallCommand.class, BackupCommand.class,
                RestoreCommand.class, HubCommand.class},
        footer = {"", "Exit codes: 0 done (or already so), 1 unexpected failure, 2 usage or refusal,",
                "3 refused by a platform, 4 platform unreachable."})
public final class RootCommand {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory (default: $SITREP_HOME, else the OS convention, e.g. ~/.local/share/sitrep).")
    String dataDir;

    @Option(names = "--actor", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Who is acting, recorded on everything (default: $SITREP_ACTOR, else the OS user).")
    String actor;

    private final ProcessEnvironment environment;
    private final NativeWall nativeWall;

    RootCommand(ProcessEnvironment environment, NativeWall nativeWall) {
        this.environment = environment;
        this.nativeWall = nativeWall;
    }

    ProcessEnvironment environment() {
        return environment;
    }

    NativeWall nativeWall() {
        return nativeWall;
    }

    public String dataDirOption() {
        return dataDir;
    }

    public String actorOption() {
        return actor;
    }
}
