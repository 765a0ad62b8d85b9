package dev.sitrep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.HeadlessChromium;
import dev.sitrep.testing.SseClient;
import dev.sitrep.testing.TestServices;
import dev.sitrep.testing.WallProcess;
import dev.sitrep.wall.web.WallAccess;
import dev.sitrep.wall.web.WallFeed;
import dev.sitrep.wall.web.WallServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser wall: store change -> SSE event received and -> text in a real Chromium's DOM,
 * beside a bare HTTP round trip to the same server (goal: change to page <= 1 s); and the CPU and
 * resident memory of a {@code sitrep wall --serve} child process with 50 open event streams for
 * 30 s, beside the same process with none (a store change every 5 s in both windows; the clocks'
 * countdowns change the page every second, so each stream gets about one update a second). Run with
 * {@code mvn -Pbench verify}.
 */
// Changes land at a random phase against the once-a-second update cadence (the page's countdowns
// change it every second, and a change waits for the next free slot), as they do in real use.
@Tag("bench")
class WallWebBenchmark {

    private static final int ROUNDS = 15;
    private static final int STREAMS = 50;
    private static final Duration WINDOW = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void storeChangeToPageBesideABareRoundTrip() throws Exception {
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "maria").build();
            IncidentService incidents = services.incidents();
            try (WallServer server = WallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new WallFeed(services.wall(ZoneId.systemDefault()), services.changes()), WallAccess.loopbackOnly());
                 SseClient events = new SseClient(http, URI.create("http://127.0.0.1:" + server.address().getPort() + "/events"))) {
                // two standing incidents whose countdowns change the page every second, as on a real wall
                incidents.declare(new Declaration("standing one", "SEV3", null, List.of(), null, false, null));
                incidents.declare(new Declaration("standing two", "SEV3", null, List.of(), null, false, null));
                URI health = URI.create("http://127.0.0.1:" + server.address().getPort() + "/healthz");
                long[] sse = new long[ROUNDS];
                long[] bare = new long[ROUNDS];
                Random phase = new Random(7);
                for (int i = -3; i < ROUNDS; i++) {
                    Thread.sleep(1100 + phase.nextInt(1000));
                    String title = "sse round " + i;
                    long start = System.nanoTime();
                    Incident declared = incidents.declare(Declaration.titled(title));
                    SseClient.Event e = events.awaitContaining(title, Duration.ofSeconds(5));
                    assertThat(e).as(title).isNotNull();
                    long b = System.nanoTime();
                    assertThat(http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode()).isEqualTo(200);
                    resolve(incidents, declared);
                    if (i >= 0) {
                        sse[i] = e.arrivedNanos() - start;
                        bare[i] = System.nanoTime() - b;
                    }
                }
                long[] dom = domRounds(server, incidents);
                System.out.printf("BENCH wall-web-latency: store change -> SSE event received: %.0f ms median "
                                + "(max %.0f) | -> text in headless Chromium's DOM: %.0f ms median (max %.0f) | bare HTTP "
                                + "round trip to the same server (baseline): %.2f ms | goal: change to page <= 1 s%n",
                        BenchData.median(sse) / 1e6, max(sse) / 1e6, BenchData.median(dom) / 1e6, max(dom) / 1e6,
                        BenchData.median(bare) / 1e6);
            }
        }
    }

    private long[] domRounds(WallServer server, IncidentService incidents) throws Exception {
        long[] dom = new long[9];
        try (HeadlessChromium chromium = HeadlessChromium.open("http://127.0.0.1:" + server.address().getPort() + "/")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (server.openStreams() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Random phase = new Random(11);
            for (int i = 0; i < dom.length; i++) {
                Thread.sleep(1100 + phase.nextInt(1000));
                String title = "dom round " + i;
                CompletableFuture<JsonNode> shown = chromium.evaluateAsync("new Promise(r => {"
                        + " const wall = document.getElementById('wall');"
                        + " const seen = () => { if (wall.textContent.includes('" + title + "')) r(Date.now()); };"
                        + " new MutationObserver(seen).observe(wall, {childList: true, subtree: true}); seen(); })");
                Thread.sleep(200);
                long start = System.currentTimeMillis();
                Incident declared = incidents.declare(Declaration.titled(title));
                dom[i] = (shown.get(5, TimeUnit.SECONDS).asLong() - start) * 1_000_000;
                resolve(incidents, declared);
            }
        }
        return dom;
    }

    /** Keeps the board on one page (five rows), so every new incident is on the page shown. */
    private static void resolve(IncidentService incidents, Incident i) {
        incidents.setStatus(i.id(), IncidentStatus.RESOLVED, null, null);
    }

    @Test
    void cpuAndMemoryWithFiftyOpenStreamsBesideNone() throws Exception {
        try (WallProcess wall = WallProcess.start(dir, List.of())) {
            Thread.sleep(3000);
            Window idle = window(wall);
            List<SseClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < STREAMS; i++) {
                    SseClient c = new SseClient(http, wall.loopback("/events"));
                    assertThat(c.status()).isEqualTo(200);
                    clients.add(c);
                }
                Thread.sleep(2000);
                Window busy = window(wall);
                int received = 0;
                for (SseClient c : clients) {
                    while (c.next(Duration.ZERO) != null) {
                        received++;
                    }
                }
                System.out.printf("BENCH wall-web-serving: 'sitrep wall --serve' (-Xmx128m) with %d open /events streams "
                                + "for %d s, a store change every 5 s: CPU %.2f%% of one core, RSS %.0f MB (%d events "
                                + "received) | the same process with 0 streams (baseline): CPU %.2f%%, RSS %.0f MB%n",
                        STREAMS, WINDOW.toSeconds(), busy.cpuPercent, busy.rssMb, received, idle.cpuPercent, idle.rssMb);
            } finally {
                for (SseClient c : clients) {
                    c.close();
                }
            }
        }
    }

    private record Window(double cpuPercent, double rssMb) {
    }

    /** CPU of the child over {@link #WINDOW} (utime + stime from /proc) and its RSS at the end, with a change every 5 s. */
    private Window window(WallProcess wall) throws Exception {
        try (Store store = Store.open(dir)) {
            IncidentService incidents = TestServices.on(store, "bench").build().incidents();
            long ticks = cpuTicks(wall.pid());
            long start = System.nanoTime();
            for (int i = 0; i < WINDOW.toSeconds() / 5; i++) {
                Thread.sleep(5000);
                incidents.declare(Declaration.titled("load " + System.nanoTime()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuTicks(wall.pid()) - ticks) / 100.0 / seconds * 100;
            return new Window(cpu, rssKb(wall.pid()) / 1024.0);
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static long max(long[] values) {
        long m = 0;
        for (long v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
