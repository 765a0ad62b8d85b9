package dev.sitrep.cli;

import dev.sitrep.core.DaemonThreads;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.sandbox.BuiltInScenarios;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.sandbox.Scenario;
import dev.sitrep.sandbox.ScenarioPlayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code sitrep sandbox}: the drill platform alone, optionally playing a scenario that makes it
 * misbehave on cue, one printed line per step. A scenario is read and checked before the server
 * starts, so a bad file is exit 2 with one line and nothing left running.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Run the drill platform alone on 127.0.0.1 (it speaks Powernode's API) until stopped.")
final class SandboxCommand implements Callable<Integer> {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1, 0..65535 (default 0: any free port).")
    int port;

    @Option(names = "--scenario", paramLabel = "NAME|FILE",
            description = "Play a scenario: a built-in one's name (see --list-scenarios) or a scenario file's path.")
    String scenarioName;

    @Option(names = "--list-scenarios", description = "List the built-in scenarios with what happens in each, and exit.")
    boolean listScenarios;

    @Override
    public Integer call() throws Exception {
        RootCommand root = (RootCommand) spec.root().userObject();
        PrintWriter out = spec.commandLine().getOut();
        if (listScenarios) {
            if (scenarioName != null) {
                throw SitrepException.invalid("--list-scenarios only lists; run again with --scenario alone to play one");
            }
            list(out);
            return 0;
        }
        Scenario scenario = scenarioName == null ? null : BuiltInScenarios.resolve(scenarioName);
        var clock = root.environment().clock();
        PortOption.check(port, "--port");
        SandboxServer started;
        try {
            started = SandboxServer.start(port, clock, Duration.ofMinutes(15));
        } catch (java.net.BindException e) {
            throw SitrepException.invalid("Port " + port + " on 127.0.0.1 is already in use; choose another --port "
                    + "(or 0 for any free one), or stop what is using it.");
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sitrep-scenario"));
        try (SandboxServer sandbox = started) {
            out.println("Sandbox platform (Powernode API) at " + sandbox.url() + " - drills only, state in memory.");
            out.println("Log in as " + SandboxServer.EMAIL + " with password " + SandboxServer.PASSWORD + ":");
            out.println("  SITREP_SECRET_SANDBOX=" + SandboxServer.PASSWORD + " sitrep platform add sandbox --kind powernode "
                    + "--url " + sandbox.url() + " --email " + SandboxServer.EMAIL + " --environment development");
            out.println("Stop with Ctrl+C.");
            if (scenario != null) {
                play(scenario, sandbox, scheduler, root, out);
            }
            out.flush();
            new CountDownLatch(1).await();
        } finally {
            scheduler.shutdownNow();
        }
        return 0;
    }

    private static void play(Scenario scenario, SandboxServer sandbox, ScheduledExecutorService scheduler, RootCommand root,
                             PrintWriter out) {
        ZoneId zone = root.environment().zone();
        Instant start = root.environment().clock().instant();
        out.println("Scenario " + scenario.name() + ": " + scenario.description());
        out.println("Started " + TimeFormat.stamp(start, zone) + ".");
        out.flush();
        ScenarioPlayer player = new ScenarioPlayer(scenario, sandbox, root.environment().clock(), scheduler, played -> {
            out.println(line(played, start, zone, scenario.repeat() != null));
            out.flush();
        });
        player.done().whenComplete((ok, failure) -> {
            out.println(failure == null ? "Scenario " + scenario.name() + " finished; the sandbox keeps its last state "
                    + "until stopped." : "Scenario " + scenario.name() + " stopped: " + failure.getMessage());
            out.flush();
        });
        player.start();
    }

    /** {@code +01:30  14:34:00 UTC (15:34:00 local)  fail: the next 5 requests get HTTP 500 - the first errors}. */
    static String line(ScenarioPlayer.Played played, Instant start, ZoneId zone, boolean repeats) {
        StringBuilder s = new StringBuilder("+").append(TimeFormat.countdown(Duration.between(start, played.at())));
        s.append("  ").append(HMS.format(played.at().atZone(ZoneOffset.UTC))).append(" UTC");
        if (!played.at().atZone(zone).getOffset().equals(ZoneOffset.UTC)) {
            s.append(" (").append(HMS.format(played.at().atZone(zone))).append(" local)");
        }
        if (repeats) {
            s.append("  round ").append(played.round());
        }
        s.append("  step ").append(played.step().number()).append("  ").append(played.what());
        if (played.step().note() != null) {
            s.append(" - ").append(played.step().note());
        }
        return s.toString();
    }

    private static void list(PrintWriter out) {
        out.println("Built-in scenarios (play one with: sitrep sandbox --scenario NAME):");
        for (Scenario s : BuiltInScenarios.all()) {
            out.println();
            out.println("  " + s.name() + "  (" + TimeFormat.countdown(s.length()) + (s.repeat() == null ? ""
                    : s.repeat().forever() ? ", repeats every " + TimeFormat.countdown(s.repeat().every())
                    : ", " + s.repeat().rounds() + " rounds of " + TimeFormat.countdown(s.repeat().every())) + ")");
            out.println("    " + s.description());
        }
        out.flush();
    }
}
