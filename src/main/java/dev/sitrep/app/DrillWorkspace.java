package dev.sitrep.app;

import dev.sitrep.core.DaemonThreads;
import dev.sitrep.services.Services;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.DemoWorkspace;
import dev.sitrep.sandbox.BuiltInScenarios;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.sandbox.ScenarioPlayer;
import dev.sitrep.workspace.ProcessEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A drill: its own data directory ({@code <data-dir>/drill}) marked as a drill, the sandbox
 * platform running inside Sitrep and playing the "agents-acting-up" scenario, and the demo
 * incidents the first time. It can reach nothing but that sandbox.
 */
public final class DrillWorkspace implements AutoCloseable {

    public static final String PLATFORM = "sandbox";
    static final String SCENARIO = "agents-acting-up";

    private final Services workspace;
    private final SandboxServer sandbox;
    private final ScenarioPlayer player;
    private final ScheduledExecutorService scenarioClock;

    private DrillWorkspace(Services workspace, SandboxServer sandbox, ScenarioPlayer player,
                           ScheduledExecutorService scenarioClock) {
        this.workspace = workspace;
        this.sandbox = sandbox;
        this.player = player;
        this.scenarioClock = scenarioClock;
    }

    public static Path dataDir(Path realDataDir) {
        return realDataDir.resolve("drill");
    }

    /** Opens (creating on first use) the drill beside the real workspace in {@code realDataDir}. */
    public static DrillWorkspace open(Path realDataDir, Clock clock, ProcessEnvironment env, String actorOption) {
        Services workspace = Services.open(dataDir(realDataDir), clock, env, actorOption);
        SandboxServer sandbox;
        try {
            sandbox = SandboxServer.start(0, clock, Duration.ofHours(12));
        } catch (IOException e) {
            workspace.close();
            throw new UncheckedIOException("the sandbox platform could not start on 127.0.0.1", e);
        }
        workspace.settings().markDrill(workspace.operator());
        workspace.profiles().replace(new PlatformProfile(PLATFORM, PlatformKind.POWERNODE, sandbox.url().toString(), null,
                SandboxServer.EMAIL, PlatformProfile.Environment.DEVELOPMENT, null, List.of(), Duration.ofSeconds(15)));
        workspace.secrets().remember(PLATFORM, SandboxServer.PASSWORD);
        if (workspace.incidents().count() == 0) {
            DemoWorkspace.load(workspace.incidents(), clock, PLATFORM);
        }
        ScheduledExecutorService scenarioClock = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sitrep-drill-scenario"));
        ScenarioPlayer player = new ScenarioPlayer(BuiltInScenarios.load(SCENARIO), sandbox, clock, scenarioClock,
                played -> { });
        player.start();
        return new DrillWorkspace(workspace, sandbox, player, scenarioClock);
    }

    public Services workspace() {
        return workspace;
    }

    public SandboxServer sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        player.close();
        scenarioClock.shutdownNow();
        workspace.close();
        sandbox.close();
    }
}
