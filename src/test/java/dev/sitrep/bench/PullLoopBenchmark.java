package dev.sitrep.bench;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Connectors;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchEvent;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.sync.Backoff;
import dev.sitrep.sync.PlatformStates;
import dev.sitrep.sync.PullLoop;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pull loop with five powernode platforms (five sandboxes on loopback, a real H2 store):
 * <ol>
 *   <li>idle CPU: the loop's scheduler thread over a fixed window, as % of one core, beside the same
 *   process idle for the same window with a scheduler thread that has nothing to do (goal: the loop
 *   under 1% of one core); the sandbox threads (stand-ins for the remote platforms) and the whole
 *   process are reported separately;</li>
 *   <li>pull-to-cache latency: a state change on a platform, then {@code pullOnce}, until
 *   {@link PlatformStates} shows it (median of 21), beside the same HTTP calls made directly with a
 *   connector; and the worst-case staleness the interval implies (interval + pull latency).</li>
 * </ol>
 * Prints figures, asserts nothing about time. Run with {@code mvn -Pbench verify}.
 */
@Tag("bench")
class PullLoopBenchmark {

    private static final int PLATFORMS = 5;
    /** What the benchmark's profiles use: tougher than the default, six times the pulls. */
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    /** PlatformProfile's default health interval. */
    private static final Duration DEFAULT_INTERVAL = new PlatformProfile("x", PlatformKind.POWERNODE, "http://127.0.0.1",
            null, null, PlatformProfile.Environment.DEVELOPMENT, null, List.of(), null).healthEvery();
    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final int ROUNDS = 21;
    private static final int WARM_UP = 15;
    private static final String LOOP_THREAD = "bench-pull-loop";
    private static final String IDLE_THREAD = "bench-idle-scheduler";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path tmp;

    /** Closed in reverse order of opening, whatever happens (the loop's thread opens connectors too). */
    private final Deque<AutoCloseable> open = new ConcurrentLinkedDeque<>();

    @AfterEach
    void closeEverything() throws Exception {
        Exception first = null;
        while (!open.isEmpty()) {
            try {
                open.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        Thread.sleep(300);
        String left = liveThreads().values().stream()
                .filter(n -> n.startsWith("bench-") || n.startsWith("sitrep-sandbox")
                        || n.startsWith("OkHttp") || n.startsWith("Okio") || n.startsWith("H2 "))
                .sorted().collect(Collectors.joining(", "));
        System.out.println("  pull-bench: threads still alive after closing everything: " + (left.isEmpty() ? "none" : left));
        if (first != null) {
            throw first;
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        open.push(resource);
        return resource;
    }

    private ScheduledExecutorService scheduler(String name) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(named(name));
        closing(() -> {
            s.shutdownNow();
            s.awaitTermination(10, TimeUnit.SECONDS);
        });
        return s;
    }

    @Test
    void idleCpuAndPullLatencyAgainstBaselines() throws Exception {
        Assumptions.assumeTrue(THREADS.isThreadCpuTimeSupported(), "per-thread CPU time is not available in this JVM");
        THREADS.setThreadCpuTimeEnabled(true);
        Clock clock = Clock.systemUTC();

        List<SandboxServer> sandboxes = new ArrayList<>();
        for (int i = 0; i < PLATFORMS; i++) {
            sandboxes.add(closing(SandboxServer.start(0, clock, Duration.ofHours(1))));
        }
        Store store = closing(Store.open(tmp.resolve("data")));
        Map<String, String> env = new HashMap<>();
        Services services = TestServices.on(store, "bench").clock(clock).random(new Random(3)).variables(env).build();
        IncidentService incidents = services.incidents();
        Profiles profiles = services.profiles();
        List<PlatformProfile> pns = new ArrayList<>();
        for (int i = 0; i < PLATFORMS; i++) {
            String name = "pn-" + (i + 1);
            pns.add(profiles.add(new PlatformProfile(name, PlatformKind.POWERNODE, sandboxes.get(i).url().toString(), null,
                    SandboxServer.EMAIL, PlatformProfile.Environment.DEVELOPMENT, null, List.of(), INTERVAL)));
            env.put(Secrets.variableFor(name), SandboxServer.PASSWORD);
        }
        // an active incident naming every platform, so changes the loop sees go onto a timeline as in use
        incidents.declare(new Declaration("Bench: agents misbehaving", "SEV1", null,
                pns.stream().map(PlatformProfile::name).toList(), null, false, null));
        Secrets secrets = services.secrets();
        PlatformStates states = services.platformStates();
        AtomicLong pulls = new AtomicLong();
        Function<PlatformProfile, PlatformConnector> connect = p -> closing(new Counting(Connectors.open(p, secrets, clock),
                pulls));

        // 2. pull-to-cache latency (first: it also warms every path the idle window will run)
        PullLoop probe = closing(TestServices.on(store, "bench").clock(clock).variables(env).connectors(connect)
                .backoff(new Backoff(new Random(1))).build()).pullLoop();
        PlatformProfile pn = pns.get(0);
        SandboxServer sandbox = sandboxes.get(0);
        PlatformConnector operator = closing(Connectors.open(pn, secrets, clock)); // a second console halting
        PlatformConnector direct = closing(Connectors.open(pn, secrets, clock));   // the raw HTTP baseline
        for (int i = 0; i < WARM_UP; i++) {
            pns.forEach(probe::pullOnce);
            rawPull(direct);
            toggleKillSwitch(operator, states, pn.name(), i);
            sandbox.setHealth(i % 2 == 0 ? "degraded" : "healthy");
        }
        long[] killSwitch = new long[ROUNDS];
        long[] health = new long[ROUNDS];
        long[] rawKillSwitch = new long[ROUNDS];
        long[] rawHealth = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            boolean halt = toggleKillSwitch(operator, states, pn.name(), i);
            long t0 = System.nanoTime();
            probe.pullOnce(pn);
            awaitCached(() -> Boolean.valueOf(halt).equals(states.get(pn.name()).halted()));
            killSwitch[i] = System.nanoTime() - t0;
            rawKillSwitch[i] = rawPull(direct);
        }
        for (int i = 0; i < ROUNDS; i++) {
            String target = "degraded".equals(states.get(pn.name()).health()) ? "healthy" : "degraded";
            sandbox.setHealth(target);
            long t0 = System.nanoTime();
            probe.pullOnce(pn);
            awaitCached(() -> target.equals(states.get(pn.name()).health()));
            health[i] = System.nanoTime() - t0;
            rawHealth[i] = rawPull(direct);
        }
        // leave every platform running and healthy for the idle windows
        if (Boolean.TRUE.equals(states.get(pn.name()).halted())) {
            operator.resume("full", "bench");
        }
        sandbox.setHealth("healthy");
        pns.forEach(probe::pullOnce);
        long slowestPull = Math.max(max(killSwitch), max(health));

        // 1a. baseline: the same process, same window, a scheduler thread with nothing to do
        ScheduledExecutorService idle = scheduler(IDLE_THREAD);
        idle.submit(() -> { }).get(); // its thread exists and is parked
        Cpu baseline = Cpu.measure(WINDOW, IDLE_THREAD);

        // 1b. the loop, every platform on INTERVAL, its own scheduler thread
        ScheduledExecutorService onLoop = scheduler(LOOP_THREAD);
        PullLoop loop = closing(TestServices.on(store, "bench").clock(clock).variables(env).connectors(connect)
                .backoff(new Backoff(new Random(2))).build()).pullLoop();
        Instant started = clock.instant();
        loop.start(onLoop);
        awaitAll(() -> pns.stream().allMatch(p -> {
            PlatformStatus s = states.get(p.name());
            return s.healthAt() != null && !s.healthAt().isBefore(started);
        }));
        long pullsBefore = pulls.get();
        Cpu withLoop = Cpu.measure(WINDOW, LOOP_THREAD);
        long pullsInWindow = pulls.get() - pullsBefore;
        loop.close();

        // report
        double loopPct = withLoop.percent(withLoop.ownThreads);
        double idlePct = baseline.percent(baseline.ownThreads);
        System.out.printf("BENCH pull-idle-cpu: %d powernode platforms on loopback, health every %d s (the default is %d s), "
                        + "%d s window, %d pulls: loop scheduler thread %.3f%% of one core (+ OkHttp helper threads %.3f%%) "
                        + "| idle scheduler thread, no loop (baseline): %.3f%% | %s (goal < 1%% of one core)%n",
                PLATFORMS, INTERVAL.toSeconds(), DEFAULT_INTERVAL.toSeconds(), WINDOW.toSeconds(), pullsInWindow, loopPct,
                withLoop.percent(withLoop.httpClient), idlePct, ratio(loopPct, idlePct));
        System.out.printf("BENCH pull-idle-cpu: whole process (getProcessCpuTime) with the loop: %s | same process idle "
                        + "(baseline): %s | %s; sandbox threads (stand-ins for the remote platforms, not Sitrep's cost) "
                        + "%.3f%% with the loop, %.3f%% idle; H2 threads %.3f%% / %.3f%%%n",
                withLoop.processPercentText(), baseline.processPercentText(),
                ratio(withLoop.processPercent(), baseline.processPercent()), withLoop.percent(withLoop.sandbox),
                baseline.percent(baseline.sandbox), withLoop.percent(withLoop.h2), baseline.percent(baseline.h2));
        System.out.println("  pull-bench: busiest threads with the loop: " + withLoop.busiest(8));
        System.out.println("  pull-bench: busiest threads idle: " + baseline.busiest(8));

        long ks = BenchData.median(killSwitch);
        long rks = BenchData.median(rawKillSwitch);
        long hl = BenchData.median(health);
        long rhl = BenchData.median(rawHealth);
        System.out.printf("BENCH pull-latency: kill switch halted/resumed by a second connector -> cached state shows it "
                        + "(pullOnce + PlatformStates.get, one incident naming the platform), median of %d: %.2f ms | the same "
                        + "calls directly with the connector (health + kill-switch status + events, 5 HTTP requests) "
                        + "(baseline): %.2f ms | ratio %.2fx%n", ROUNDS, ms(ks), ms(rks), (double) ks / rks);
        System.out.printf("BENCH pull-latency: sandbox setHealth degraded/healthy -> cached state shows it, median of %d: "
                        + "%.2f ms | the same calls directly with the connector (baseline): %.2f ms | ratio %.2fx%n",
                ROUNDS, ms(hl), ms(rhl), (double) hl / rhl);
        System.out.printf("BENCH pull-latency: worst-case staleness (interval + slowest pull, %.2f ms): %.3f s at the "
                        + "default %d s interval, %.3f s at %d s; one scheduler thread serves all %d platforms, so a pull "
                        + "due with the others can also wait up to %d pulls (%.2f ms at the median)%n",
                ms(slowestPull), (DEFAULT_INTERVAL.toNanos() + slowestPull) / 1e9, DEFAULT_INTERVAL.toSeconds(),
                (INTERVAL.toNanos() + slowestPull) / 1e9, INTERVAL.toSeconds(), PLATFORMS, PLATFORMS - 1,
                ms((PLATFORMS - 1) * Math.max(ks, hl)));
    }

    /** Halts on even rounds, resumes on odd ones (whatever the state); answers the state it asked for. */
    private static boolean toggleKillSwitch(PlatformConnector operator, PlatformStates states, String name, int round) {
        boolean halt = !Boolean.TRUE.equals(states.get(name).halted());
        KillSwitchState s = halt ? operator.halt("bench round " + round, "bench") : operator.resume("full", "bench");
        if (s.halted() != halt) {
            throw new IllegalStateException(name + " did not " + (halt ? "halt" : "resume"));
        }
        return halt;
    }

    /** What one pull asks a powernode platform, made directly: nanoseconds. */
    private static long rawPull(PlatformConnector c) {
        long t0 = System.nanoTime();
        c.health();
        c.killSwitchStatus();
        c.killSwitchEvents(20);
        return System.nanoTime() - t0;
    }

    private static void awaitCached(BooleanSupplier shown) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!shown.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cached state never showed the change");
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitAll(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the loop did not pull every platform within 20 s of starting");
            }
            Thread.sleep(50);
        }
    }

    private static long max(long[] values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String ratio(double value, double baseline) {
        if (Double.isNaN(value) || Double.isNaN(baseline)) {
            return "ratio n/a";
        }
        return baseline < 0.0005 ? "ratio n/a (baseline ~0)" : String.format("ratio %.2fx", value / baseline);
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static Map<Long, String> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() + 64];
        int n = root.enumerate(all, true);
        Map<Long, String> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(all[i].getId(), all[i].getName());
        }
        return out;
    }

    /**
     * CPU used over one window: per Java thread (sampled every second, so a thread that starts inside
     * the window counts from zero; one that ends loses at most its last second) and for the process.
     */
    private static final class Cpu {
        final long wallNanos;
        final long processNanos;
        final Map<String, Long> byThread; // "name#id" -> CPU ns in the window
        final long ownThreads;
        final long httpClient;
        final long sandbox;
        final long h2;

        private Cpu(long wallNanos, long processNanos, Map<String, Long> byThread, String own) {
            this.wallNanos = wallNanos;
            this.processNanos = processNanos;
            this.byThread = byThread;
            this.ownThreads = sum(n -> n.startsWith(own + "#"));
            this.httpClient = sum(n -> n.startsWith("OkHttp") || n.startsWith("Okio"));
            this.sandbox = sum(n -> n.startsWith("sitrep-sandbox"));
            this.h2 = sum(n -> n.startsWith("H2 ") || n.contains("MVStore"));
        }

        static Cpu measure(Duration window, String own) throws InterruptedException {
            Map<Long, Long> first = new HashMap<>();
            Map<Long, Long> last = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            Set<Long> atStart = sample(first, names).keySet();
            last.putAll(first);
            long process0 = processCpu();
            long wall0 = System.nanoTime();
            long end = wall0 + window.toNanos();
            long now;
            while ((now = System.nanoTime()) < end) {
                Thread.sleep(Math.min(1000, Math.max(1, (end - now) / 1_000_000)));
                Map<Long, Long> seen = sample(last, names);
                seen.keySet().stream().filter(id -> !atStart.contains(id)).forEach(id -> first.putIfAbsent(id, 0L));
            }
            long wall = System.nanoTime() - wall0;
            long process1 = processCpu();
            Map<String, Long> byThread = new HashMap<>();
            last.forEach((id, cpu) -> byThread.merge(names.get(id) + "#" + id, cpu - first.getOrDefault(id, 0L), Long::sum));
            return new Cpu(wall, process0 < 0 || process1 < 0 ? -1 : process1 - process0, byThread, own);
        }

        /** Puts each live thread's CPU time into {@code into}; answers what it saw. */
        private static Map<Long, Long> sample(Map<Long, Long> into, Map<Long, String> names) {
            Map<Long, Long> seen = new HashMap<>();
            liveThreads().forEach((id, name) -> {
                long cpu = THREADS.getThreadCpuTime(id);
                if (cpu >= 0) {
                    seen.put(id, cpu);
                    names.put(id, name);
                }
            });
            into.putAll(seen);
            return seen;
        }

        private static long processCpu() {
            return OS instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        }

        private long sum(java.util.function.Predicate<String> which) {
            return byThread.entrySet().stream().filter(e -> which.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        }

        double percent(long cpuNanos) {
            return 100.0 * cpuNanos / wallNanos;
        }

        double processPercent() {
            return processNanos < 0 ? Double.NaN : percent(processNanos);
        }

        String processPercentText() {
            return processNanos < 0 ? "n/a" : String.format("%.3f%% of one core", processPercent());
        }

        String busiest(int n) {
            return byThread.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(n)
                    .map(e -> String.format("%s %.1f ms", e.getKey(), e.getValue() / 1e6))
                    .collect(Collectors.joining(", "));
        }
    }

    /** A connector that counts pulls (health calls) and passes everything else through. */
    private static final class Counting implements PlatformConnector {
        private final PlatformConnector inner;
        private final AtomicLong pulls;

        Counting(PlatformConnector inner, AtomicLong pulls) {
            this.inner = inner;
            this.pulls = pulls;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public PlatformKind kind() {
            return inner.kind();
        }

        @Override
        public Set<Capability> capabilities() {
            return inner.capabilities();
        }

        @Override
        public Health health() {
            pulls.incrementAndGet();
            return inner.health();
        }

        @Override
        public KillSwitchState killSwitchStatus() {
            return inner.killSwitchStatus();
        }

        @Override
        public List<KillSwitchEvent> killSwitchEvents(int limit) {
            return inner.killSwitchEvents(limit);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
