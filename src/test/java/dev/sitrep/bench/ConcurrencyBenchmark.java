package dev.sitrep.bench;

import dev.sitrep.core.IncidentId;
import dev.sitrep.incident.Declaration;
import dev.sitrep.store.Store;
import dev.sitrep.testing.CliWriters;
import dev.sitrep.testing.SharedDirectoryGuard;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processes writing one data directory at once (issue 18, item 6). 1, 2 and 4 shells each run
 * {@code sitrep incident note} in a fresh JVM, one run after the other, for {@link #RUN}; the one
 * shell alone is the baseline. A write is one run, start to exit (JVM start, open, note, close):
 * notes per second over all shells, and the median and 99th percentile of a run. Then the guard
 * of ConcurrentCliTest for 60 s: 4 shells and the console (this JVM, noting every 20 ms) on one
 * directory, where every acknowledged write must be stored once. Run with {@code mvn -Pbench verify}.
 */
@Tag("bench")
class ConcurrencyBenchmark {

    private static final Duration RUN = Duration.ofSeconds(20);
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void shellsWritingOneDataDirectory() throws Exception {
        double baseline = 0;
        StringBuilder table = new StringBuilder("| shells at once | notes/s (all shells) | median run | p99 run | vs one alone |\n"
                + "|---|---|---|---|---|\n");
        for (int shells : new int[] {1, 2, 4}) {
            Path data = Files.createDirectories(dir.resolve("shells-" + shells));
            IncidentId incident;
            try (Store store = Store.open(data)) {
                incident = TestServices.on(store, "maria").build().incidents().declare(Declaration.titled("Bench")).id();
            }
            long end = System.nanoTime() + RUN.toNanos();
            long start = System.nanoTime();
            List<CliWriters.Write> writes = CliWriters.run(shells, data, incident.value(), n -> System.nanoTime() < end);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(writes).allMatch(CliWriters.Write::acknowledged);
            long[] runs = writes.stream().mapToLong(CliWriters.Write::nanos).toArray();
            double perSecond = writes.size() / seconds;
            baseline = shells == 1 ? perSecond : baseline;
            System.out.printf("BENCH concurrency-%d: %d shell(s) writing one data directory for %.0f s: %d notes, "
                            + "%.2f notes/s, run median %.0f ms, p99 %.0f ms | one shell alone (baseline): %.2f notes/s | %.2fx%n",
                    shells, shells, seconds, writes.size(), perSecond, BenchData.median(runs) / 1e6,
                    BenchData.percentile(runs, 99) / 1e6, baseline, perSecond / baseline);
            table.append(String.format("| %d | %.2f | %.0f ms | %.0f ms | %.2fx |%n", shells, perSecond,
                    BenchData.median(runs) / 1e6, BenchData.percentile(runs, 99) / 1e6, perSecond / baseline));
        }

        SharedDirectoryGuard.Outcome guard = SharedDirectoryGuard.run(Files.createDirectories(dir.resolve("guard")), 4, GUARD);
        assertThat(guard.cli()).allMatch(CliWriters.Write::acknowledged);
        assertThat(guard.consoleErrors()).isEmpty();
        assertThat(guard.stored()).containsOnlyKeys(guard.acknowledged()).allSatisfy((text, count) ->
                assertThat(count).as(text).isEqualTo(1L));
        long[] cliRuns = guard.cli().stream().mapToLong(CliWriters.Write::nanos).toArray();
        long[] consoleNotes = guard.console().values().stream().mapToLong(Long::longValue).toArray();
        double seconds = guard.nanos() / 1e9;
        System.out.printf("BENCH concurrency-guard: 4 shells + the console writing one data directory for %.0f s: "
                        + "%d acknowledged writes (%d CLI, %d console), none failed, each stored once; CLI %.2f notes/s, run "
                        + "median %.0f ms, p99 %.0f ms; console note median %.1f ms, p99 %.1f ms%n",
                seconds, guard.acknowledged().size(), cliRuns.length, consoleNotes.length, cliRuns.length / seconds,
                BenchData.median(cliRuns) / 1e6, BenchData.percentile(cliRuns, 99) / 1e6,
                BenchData.median(consoleNotes) / 1e6, BenchData.percentile(consoleNotes, 99) / 1e6);
        table.append(String.format("| 4 + the console (guard, %.0f s) | %.2f (CLI) | %.0f ms | %.0f ms | %.2fx |%n", seconds,
                cliRuns.length / seconds, BenchData.median(cliRuns) / 1e6, BenchData.percentile(cliRuns, 99) / 1e6,
                cliRuns.length / seconds / baseline));
        System.out.print(table);
    }
}
