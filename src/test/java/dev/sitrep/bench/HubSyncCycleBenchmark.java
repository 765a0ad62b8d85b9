package dev.sitrep.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link HubLoadBenchmark}'s 50 consoles making 10 changes a second each, pushed the way a
 * console's team sync sends them: every 5 s, what waits in its outbox (50 changes) in one push,
 * and a pull every 5 s. Beside the same rows inserted by plain JDBC at the same rate, one
 * transaction per push, in the same run. Goals as there: push p99 <= 100 ms, throughput >= 0.5x
 * the baseline's, every change applied exactly once.
 */
@Tag("bench")
class HubSyncCycleBenchmark {

    @Test
    void fiftyConsolesPushingEverySyncCycleOnOneHubBesidePlainJdbc() throws Exception {
        HubLoadBenchmark.compare(ConsoleLoad.Shape.SYNC_CYCLE, "hub-load-sync-cycle", "50 events per push every 5 s");
    }
}
