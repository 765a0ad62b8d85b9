package dev.sitrep.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Consoles writing to a team store at a fixed rate, open loop: each console sends a push of
 * {@link Shape#changesPerPush} changes every {@link Shape#pushEvery} on its own thread (a console
 * sends its pushes one at a time, so a late answer delays its next push, and that wait counts in
 * the next push's latency: latency runs from when the push was due, not from when it left), and
 * reads the feed from its cursor to the end every {@link #PULL_EVERY} on a shared pool of
 * {@link #PULL_THREADS} threads. Consoles start spread over one push interval and their pulls over
 * one pull interval, as real consoles are.
 */
final class ConsoleLoad {

    static final Duration PULL_EVERY = Duration.ofSeconds(5);
    static final int PULL_THREADS = 8;

    /** How a console pushes: {@code changesPerPush} changes in one push every {@code pushEvery}. */
    record Shape(Duration pushEvery, int changesPerPush) {
        /** 10 changes a second, each pushed on its own at once: the most pushes, the hardest case for the write lock. */
        static final Shape EACH_CHANGE = new Shape(Duration.ofMillis(100), 1);
        /** 10 changes a second pushed as a console's team sync sends them: what waits, every 5 s (Services.TEAM_SYNC_SECONDS). */
        static final Shape SYNC_CYCLE = new Shape(Duration.ofSeconds(5), 50);

        double changesPerSecondPerConsole() {
            return changesPerPush * 1e9 / pushEvery.toNanos();
        }
    }

    /** Where the consoles write: a hub over HTTP, or the plain JDBC baseline. */
    interface Target {
        /** Sends console {@code console}'s {@code n}th push of {@code changes} changes, applied when it returns; their keys. */
        List<String> push(int console, int n, int changes) throws Exception;

        /** Reads console {@code console}'s feed from its cursor to the end; the entries read. */
        int pull(int console) throws Exception;
    }

    /**
     * What one run did.
     *
     * @param pushNanos    each push's latency from when it was due to its answer
     * @param serviceNanos each push's latency from when it left to its answer
     * @param keys         the idempotency keys of every change of the pushes answered
     */
    record Figures(int consoles, int changesPerPush, double seconds, long[] pushNanos, long[] serviceNanos,
                   Set<String> keys, int failures, String firstFailure, long[] pullNanos, long pulledEntries) {

        /** Pushes answered, each change in them applied. */
        int pushes() {
            return pushNanos.length;
        }

        int changes() {
            return pushes() * changesPerPush;
        }

        double changesPerSecond() {
            return changes() / seconds;
        }

        double p50Ms() {
            return BenchData.percentile(pushNanos, 50) / 1e6;
        }

        double p99Ms() {
            return BenchData.percentile(pushNanos, 99) / 1e6;
        }

        double maxMs() {
            return BenchData.percentile(pushNanos, 100) / 1e6;
        }

        double serviceP99Ms() {
            return BenchData.percentile(serviceNanos, 99) / 1e6;
        }

        double pullP50Ms() {
            return BenchData.percentile(pullNanos, 50) / 1e6;
        }

        double pullP99Ms() {
            return BenchData.percentile(pullNanos, 99) / 1e6;
        }

        /** One line: rates and latencies. */
        String summary() {
            return String.format("%,d changes in %,d pushes in %.1f s = %,.0f changes/s applied; push p50 %.1f ms, p99 %.1f "
                            + "ms, max %.1f ms (p99 from send %.1f ms); %,d pulls (p50 %.1f ms, p99 %.1f ms) read %,d feed "
                            + "entries; %d failed", changes(), pushes(), seconds, changesPerSecond(), p50Ms(), p99Ms(), maxMs(),
                    serviceP99Ms(), pullNanos.length, pullP50Ms(), pullP99Ms(), pulledEntries, failures);
        }
    }

    private ConsoleLoad() {
    }

    /** Runs {@code consoles} consoles against {@code target} for {@code length}, all from the start. */
    static Figures run(Target target, Shape shape, int consoles, Duration length) throws Exception {
        return run(target, shape, consoles, length, false);
    }

    /**
     * A warm-up: the consoles join one after another over {@code length} (as a team's consoles come
     * up), so the code paths, pools and caches warm up under a load that grows to the full one.
     */
    static Figures rampUp(Target target, Shape shape, int consoles, Duration length) throws Exception {
        return run(target, shape, consoles, length, true);
    }

    private static Figures run(Target target, Shape shape, int consoles, Duration length, boolean ramp) throws Exception {
        long pushEvery = shape.pushEvery().toNanos();
        long start = System.nanoTime() + 50_000_000L;
        long end = start + length.toNanos();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<long[]> due = new ArrayList<>();
        List<long[]> service = new ArrayList<>();
        int perConsole = (int) (length.toNanos() / pushEvery) + 1;
        for (int c = 0; c < consoles; c++) {
            due.add(new long[perConsole]);
            service.add(new long[perConsole]);
        }
        int[] sent = new int[consoles];
        List<Long> pullNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong pulled = new AtomicLong();

        ScheduledExecutorService pulls = Executors.newScheduledThreadPool(PULL_THREADS);
        List<ScheduledFuture<?>> pulling = new ArrayList<>();
        for (int c = 0; c < consoles; c++) {
            int console = c;
            long joins = ramp ? length.toNanos() * c / consoles : 0;
            long offset = start - System.nanoTime() + joins + PULL_EVERY.toNanos() * c / consoles;
            pulling.add(pulls.scheduleAtFixedRate(() -> {
                if (System.nanoTime() >= end) {
                    return;
                }
                long t = System.nanoTime();
                try {
                    pulled.addAndGet(target.pull(console));
                    pullNanos.add(System.nanoTime() - t);
                } catch (Exception e) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, "pull: " + e);
                }
            }, offset, PULL_EVERY.toNanos(), TimeUnit.NANOSECONDS));
        }

        ExecutorService pushers = Executors.newFixedThreadPool(consoles);
        List<Future<?>> done = new ArrayList<>();
        long[] lastAnswer = new long[consoles];
        for (int c = 0; c < consoles; c++) {
            int console = c;
            done.add(pushers.submit(() -> {
                long first = start + (ramp ? length.toNanos() * console / consoles : 0) + pushEvery * console / consoles;
                for (int n = 0; n < perConsole; n++) {
                    long when = first + n * pushEvery;
                    if (when >= end) {
                        break;
                    }
                    long wait;
                    while ((wait = when - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    long left = System.nanoTime();
                    try {
                        keys.addAll(target.push(console, n, shape.changesPerPush()));
                        long now = System.nanoTime();
                        due.get(console)[sent[console]] = now - when;
                        service.get(console)[sent[console]] = now - left;
                        sent[console]++;
                        lastAnswer[console] = now;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, "push: " + e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pushers.shutdown();
        pulling.forEach(f -> f.cancel(false));
        pulls.shutdown();
        pulls.awaitTermination(60, TimeUnit.SECONDS);

        long last = start;
        int total = 0;
        for (int c = 0; c < consoles; c++) {
            last = Math.max(last, lastAnswer[c]);
            total += sent[c];
        }
        long[] allDue = new long[total];
        long[] allService = new long[total];
        int k = 0;
        for (int c = 0; c < consoles; c++) {
            System.arraycopy(due.get(c), 0, allDue, k, sent[c]);
            System.arraycopy(service.get(c), 0, allService, k, sent[c]);
            k += sent[c];
        }
        long[] pullArray;
        synchronized (pullNanos) {
            pullArray = pullNanos.stream().mapToLong(Long::longValue).toArray();
        }
        // The run lasts until the last answer, or the whole window when the consoles pushed less often than it.
        return new Figures(consoles, shape.changesPerPush(), Math.max(last - start, end - start) / 1e9, allDue, allService, keys, failures.get(),
                firstFailure.get(), pullArray, pulled.get());
    }
}
