package dev.sitrep.bench;

import dev.sitrep.hub.HubDatabase;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 consoles on one hub ({@code sitrep hub}, a child JVM with -Xmx256m, on a PostgreSQL database
 * of its own) for 60 s, after a 10 s warm-up in which the consoles join one after another: each
 * console pushes one timeline event of an incident it declared every 100 ms (one change per push:
 * 10 changes/s per console, 500/s in all) and pulls the feed every 5 s ({@link ConsoleLoad},
 * {@link HubRun}). Beside it in the same run, the baseline: the same rows (event, feed entry,
 * idempotency key; one transaction per push) inserted by plain JDBC into tables of the same shape
 * on the same PostgreSQL, by the same 50 consoles at the same rate through a pool of the hub's
 * size, the feed read by plain SELECTs as often ({@link PlainJdbcTarget}), after the same warm-up.
 * Goals: push p99 <= 100 ms, throughput >= 0.5x the baseline's, every change applied exactly once.
 * The hub's resident memory is its process's (/proc/PID/status). The consoles run in this JVM on
 * the same machine, so the CPU they take is CPU the hub and PostgreSQL do not get: the figures say
 * how much.
 */
// One change per push is the hardest case for the hub: every push takes the database's one write
// lock row for its whole transaction (eight round trips to PostgreSQL and a WAL flush), so pushes
// apply one at a time, and at 500 a second on the 2-core build machine the lock is busy most of
// the time: a pause (a GC, a burst of pulls) leaves a queue that takes seconds to drain. Real
// consoles send what waits every 5 s in one push: HubSyncCycleBenchmark.
@Tag("bench")
class HubLoadBenchmark {

    static final int CONSOLES = 50;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration LENGTH = Duration.ofSeconds(60);
    /** {@code sitrep hub}'s pool (HubCommand). */
    static final int HUB_POOL = 16;

    @Test
    void fiftyConsolesPushingEachChangeOnOneHubBesidePlainJdbc() throws Exception {
        compare(ConsoleLoad.Shape.EACH_CHANGE, "hub-load", "one event per push every 100 ms");
    }

    /** The hub and the plain JDBC baseline under the same load, one after the other; prints both. */
    static void compare(ConsoleLoad.Shape shape, String name, String pushes) throws Exception {
        try (TestPostgres plainDb = TestPostgres.create(); TestPostgres hubDb = TestPostgres.create()) {
            ConsoleLoad.Figures plain;
            double plainPostgres;
            double plainConsoles;
            try (HubDatabase tables = HubDatabase.open(plainDb.jdbcUrl(), Map.of(), HUB_POOL)) {
                PlainJdbcTarget target = new PlainJdbcTarget(tables.dataSource(), CONSOLES);
                ConsoleLoad.rampUp(target, shape, CONSOLES, WARM_UP);
                long pg = ProcessCpu.postgresTicks();
                long self = ProcessCpu.self();
                long t = System.nanoTime();
                plain = ConsoleLoad.run(target, shape, CONSOLES, LENGTH);
                double seconds = (System.nanoTime() - t) / 1e9;
                plainPostgres = ProcessCpu.percent(ProcessCpu.postgresTicks() - pg, seconds);
                plainConsoles = ProcessCpu.percent(ProcessCpu.self() - self, seconds);
            }
            assertThat(plain.failures()).as(plain.firstFailure()).isZero();
            System.out.printf("BENCH %s-baseline: plain JDBC, the same rows at the same rate: %s; CPU (%% of one core): "
                    + "PostgreSQL %.0f%%, the consoles %.0f%%%n", name, plain.summary(), plainPostgres, plainConsoles);

            HubRun hub = HubRun.of(hubDb, 1, shape, CONSOLES, WARM_UP, LENGTH);
            ConsoleLoad.Figures f = hub.figures();
            System.out.printf("BENCH %s: %d consoles x %.0f changes/s (%s) + a pull every 5 s, %d s after a %d s ramp-up, "
                            + "one hub on PostgreSQL: %s | %s | hub RSS %.0f MB at the end (peak %.0f MB, -Xmx256m) | "
                            + "baseline (plain JDBC, same rows, same rate): p50 %.1f ms, p99 %.1f ms, %,.0f changes/s | "
                            + "throughput ratio %.2fx (goal >= 0.5x), p99 %.1f ms (goal <= 100 ms); every change applied "
                            + "once, every console read the feed once in order%n", name, CONSOLES,
                    shape.changesPerSecondPerConsole(), pushes, LENGTH.toSeconds(), WARM_UP.toSeconds(), f.summary(),
                    hub.cpu().describe(), hub.rssMb()[0], hub.peakRssMb()[0], plain.p50Ms(), plain.p99Ms(),
                    plain.changesPerSecond(), f.changesPerSecond() / plain.changesPerSecond(), f.p99Ms());
        }
    }
}
