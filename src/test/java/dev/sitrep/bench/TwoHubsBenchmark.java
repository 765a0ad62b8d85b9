package dev.sitrep.bench;

import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * The load of {@link HubLoadBenchmark} (50 consoles, one event per push every 100 ms each, a pull
 * every 5 s) for 30 s after a 10 s ramp-up, against two hub processes on one PostgreSQL database
 * (consoles alternating between them, as behind a load balancer), beside the same load against one
 * hub in the same run (each on a database of its own). Every change applied once in both.
 *
 * <p>No goal on the ratio: every push takes the database's one write lock row for its whole
 * transaction (so the feed is in commit order and a console never skips a write that commits late
 * with a smaller number), so pushes apply one at a time whichever hub took them. A second hub adds
 * HTTP, JSON and pull capacity, not write capacity, and here it makes writes a little slower: the
 * lock row gets the connections of two pools waiting on it (32 instead of 16), whose hand-offs in
 * PostgreSQL cost more the more wait, and the second JVM takes CPU from the same two cores. So
 * expect about 1.0x at best (0.92x and 0.97x on the 2-core build machine); a second hub is for
 * availability, not speed.
 */
@Tag("bench")
class TwoHubsBenchmark {

    private static final int CONSOLES = HubLoadBenchmark.CONSOLES;
    private static final Duration LENGTH = Duration.ofSeconds(30);

    @Test
    void twoHubsOnOneDatabaseBesideOne() throws Exception {
        HubRun one;
        HubRun two;
        try (TestPostgres database = TestPostgres.create()) {
            one = HubRun.of(database, 1, ConsoleLoad.Shape.EACH_CHANGE, CONSOLES, HubLoadBenchmark.WARM_UP, LENGTH);
        }
        try (TestPostgres database = TestPostgres.create()) {
            two = HubRun.of(database, 2, ConsoleLoad.Shape.EACH_CHANGE, CONSOLES, HubLoadBenchmark.WARM_UP, LENGTH);
        }
        ConsoleLoad.Figures a = one.figures();
        ConsoleLoad.Figures b = two.figures();
        System.out.printf("BENCH two-hubs-baseline: one hub, the same load: %s | %s | RSS %.0f MB%n", a.summary(),
                one.cpu().describe(), one.rssMb()[0]);
        System.out.printf("BENCH two-hubs: %d consoles x 10 changes/s + a pull every 5 s, %d s after a %d s ramp-up, "
                        + "alternating between two hubs on one PostgreSQL: %s | %s | RSS %.0f + %.0f MB | one hub, same "
                        + "load (baseline): %,.0f changes/s, p99 %.1f ms | throughput ratio %.2fx, p99 %.1f ms vs %.1f ms; "
                        + "every change applied once%n", CONSOLES, LENGTH.toSeconds(), HubLoadBenchmark.WARM_UP.toSeconds(),
                b.summary(), two.cpu().describe(), two.rssMb()[0], two.rssMb()[1], a.changesPerSecond(), a.p99Ms(),
                b.changesPerSecond() / a.changesPerSecond(), b.p99Ms(), a.p99Ms());
    }
}
