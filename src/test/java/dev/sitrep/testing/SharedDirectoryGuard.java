package dev.sitrep.testing;

import dev.sitrep.core.EventType;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.services.Services;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.workspace.ProcessEnvironment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The guard of issue 18, item 6: CLI processes and the console writing one data directory at once.
 * This process is the console (its services opened as the app opens them, so it serves the database
 * to the CLIs): it notes on an incident every 20 ms and reads the change log every 50 ms, as the
 * console's change poller does, while {@link CliWriters} run {@code sitrep incident note} on the
 * same incident. Afterwards the incident's notes are counted.
 */
public final class SharedDirectoryGuard {

    /**
     * What happened.
     *
     * @param cli           every CLI run
     * @param console       the console's acknowledged notes, with how long each took
     * @param consoleErrors what the console's writes and reads threw
     * @param stored        each note's text on the incident afterwards, with how often it is there
     * @param nanos         how long the writing went on
     */
    public record Outcome(List<CliWriters.Write> cli, Map<String, Long> console, List<Throwable> consoleErrors,
                          Map<String, Long> stored, long nanos) {

        /** Every acknowledged write, CLI and console. */
        public List<String> acknowledged() {
            List<String> all = new ArrayList<>(console.keySet());
            cli.stream().filter(CliWriters.Write::acknowledged).map(CliWriters.Write::text).forEach(all::add);
            return all;
        }
    }

    private SharedDirectoryGuard() {
    }

    /** Runs {@code cliWriters} CLI writers and the console on {@code dataDir} for {@code duration}. */
    public static Outcome run(Path dataDir, int cliWriters, Duration duration) throws Exception {
        Clock clock = Clock.systemUTC();
        ProcessEnvironment env = new ProcessEnvironment(Map.of(), "Linux", "tester", "/home/tester", clock, ZoneOffset.UTC,
                false);
        try (Services console = Services.open(dataDir, clock, env, "maria", "the console", line -> { })) {
            IncidentId incident = console.incidents().declare(Declaration.titled("Everyone writing at once")).id();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            Map<String, Long> noted = Collections.synchronizedMap(new LinkedHashMap<>());
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            Thread writer = new Thread(() -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                    long began = System.nanoTime();
                    try {
                        console.incidents().note(incident, "console note " + n, null);
                        noted.put("console note " + n, System.nanoTime() - began);
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        errors.add(e);
                    }
                }
            }, "guard-console-writer");
            Thread poller = new Thread(() -> poll(console.changes(), end, errors), "guard-console-poller");
            writer.start();
            poller.start();
            List<CliWriters.Write> cli = CliWriters.run(cliWriters, dataDir, incident.value(), n -> System.nanoTime() < end);
            long nanos = System.nanoTime() - start;
            writer.join();
            poller.join();
            Map<String, Long> stored = console.incidents().show(incident).timeline().stream()
                    .filter(e -> e.type() == EventType.NOTE).map(TimelineEvent::text)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            return new Outcome(cli, Map.copyOf(noted), List.copyOf(errors), stored, nanos);
        }
    }

    private static void poll(ChangeFeed feed, long end, List<Throwable> errors) {
        long seen = 0;
        while (System.nanoTime() < end) {
            try {
                for (ChangeFeed.Entry e : feed.since(seen, 500)) {
                    seen = Math.max(seen, e.seq());
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
    }
}
