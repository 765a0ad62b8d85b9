package dev.sitrep.wall.web;

import dev.sitrep.testing.SseClient;
import dev.sitrep.testing.TestClock;
import dev.sitrep.wall.WallModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The browser wall over real HTTP on loopback, on a real store: who may read it, that nothing writes, live updates. */
class WallServerTest {

    private static final List<String> PATHS = List.of("/", "/events", "/healthz", "/nope", "/incidents", "/events/x");
    private static final List<String> METHODS = List.of("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
            "PROPFIND", "declare");

    @TempDir
    Path dir;

    @Test
    void anExposedWallRefusesEveryRequestWithoutTheRightToken() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.randomToken(new SecureRandom()))) {
            String token = wall.server.access().token().orElseThrow();
            String wrong = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
            for (String path : List.of("/", "/events", "/healthz", "/nope")) {
                assertThat(wall.get(wall.bare(path)).statusCode()).as("no token on " + path).isEqualTo(401);
                assertThat(wall.get(wall.bare(path + "?token=" + wrong)).statusCode()).as("wrong token").isEqualTo(401);
                assertThat(wall.get(wall.bare(path + "?token=")).statusCode()).as("empty token").isEqualTo(401);
                assertThat(wall.get(wall.bare(path + "?token=" + token + "x")).statusCode()).as("longer").isEqualTo(401);
            }
            HttpResponse<String> page = wall.get(wall.uri("/"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"wall\">").doesNotContain(token);
            assertThat(wall.get(wall.uri("/healthz")).body()).isEqualTo("ok\n");
        }
    }

    @Test
    void aTokenIsThirtyTwoRandomBytesUrlSafe() {
        String a = WallAccess.randomToken(new SecureRandom()).token().orElseThrow();
        String b = WallAccess.randomToken(new SecureRandom()).token().orElseThrow();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b);
        assertThat(WallAccess.loopbackOnly().token()).isEmpty();
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() {
        assertThatThrownBy(() -> WallServer.start(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 0), null,
                WallAccess.loopbackOnly())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token");
    }

    @Test
    void noMethodButGetIsAcceptedOnAnyPathAndNothingInTheStoreChanges() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.randomToken(new SecureRandom()))) {
            wall.declare("payments failing", "SEV1");
            long before = wall.changeSeq();
            for (String path : PATHS) {
                for (String method : METHODS) {
                    HttpResponse<String> r = wall.http.send(HttpRequest.newBuilder(wall.uri(path))
                            .timeout(Duration.ofSeconds(10)).method(method,
                                    HttpRequest.BodyPublishers.ofString("{\"title\":\"written\",\"status\":\"resolved\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(method + " " + path).isEqualTo(405);
                    assertThat(r.headers().firstValue("Allow")).as(method + " " + path).hasValue("GET");
                }
            }
            assertThat(wall.changeSeq()).as("no change recorded").isEqualTo(before);
            assertThat(wall.incidents.list(dev.sitrep.incident.IncidentService.ACTIVE)).singleElement()
                    .satisfies(i -> assertThat(i.title()).isEqualTo("payments failing"));
        }
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly())) {
            for (String path : List.of("/nope", "/index.html", "/events/", "/x//y", "/a/%2e%2e/b", "/healthz/x")) {
                assertThat(wall.get(wall.bare(path)).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(wall.get(wall.bare("/%2e%2e/etc/passwd")).statusCode()).as("above the root: not a path at all")
                    .isEqualTo(400);
        }
    }

    @Test
    void thePageComesWithItsSecurityHeadersAndIsNeverCached() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly())) {
            wall.declare("<script>alert(1)</script>", "SEV1");
            Thread.sleep(1500);
            HttpResponse<String> r = wall.get(wall.uri("/"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(WallHtml.contentSecurityPolicy());
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        }
    }

    @Test
    void onLoopbackARequestNamingAnotherHostIsRefusedAgainstDnsRebinding() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly())) {
            int port = wall.server.address().getPort();
            assertThat(rawStatus(port, "evil.example:" + port)).isEqualTo(403);
            assertThat(rawStatus(port, "localhost:" + port)).isEqualTo(200);
        }
    }

    @Test
    void eventsDeliverAStoreChangeWithinASecond() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.randomToken(new SecureRandom()));
             SseClient events = new SseClient(wall.http, wall.uri("/events"))) {
            assertThat(events.status()).isEqualTo(200);
            SseClient.Event first = events.next(Duration.ofSeconds(5));
            assertThat(first).isNotNull();
            assertThat(first.data()).contains("No active incidents");
            wall.declare("standing incident whose countdowns tick every second", "SEV3");
            assertThat(events.awaitContaining("standing incident", Duration.ofSeconds(3))).isNotNull();
            assertThat(events.next(Duration.ofSeconds(3))).as("a countdown moved: the once-a-second slot is in use")
                    .isNotNull();

            long declared = System.nanoTime();
            wall.declare("checkout 5xx spike", "SEV1");
            SseClient.Event update = events.awaitContaining("checkout 5xx spike", Duration.ofSeconds(3));

            assertThat(update).as("an update within 3 s").isNotNull();
            assertThat(Duration.ofNanos(update.arrivedNanos() - declared)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void clocksMovingUpdateThePageAtMostOnceASecond() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly());
             SseClient events = new SseClient(wall.http, wall.uri("/events"))) {
            wall.declare("one", "SEV1");
            wall.declare("two", "SEV2");
            assertThat(events.awaitContaining("two", Duration.ofSeconds(3))).isNotNull();
            List<Long> arrivals = new java.util.ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            for (SseClient.Event e; (e = events.next(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) != null
                    && System.nanoTime() < end; ) {
                arrivals.add(e.arrivedNanos());
            }
            assertThat(arrivals).as("the countdowns move every second").hasSizeBetween(3, 6);
            for (int i = 1; i < arrivals.size(); i++) {
                assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("gap between updates")
                        .isGreaterThan(Duration.ofMillis(900).toNanos());
            }
        }
    }

    @Test
    void closingTheServerEndsItsEventStreams() throws Exception {
        WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly());
        try (SseClient events = new SseClient(wall.http, wall.uri("/events"))) {
            assertThat(events.next(Duration.ofSeconds(5))).isNotNull();
            long start = System.nanoTime();
            wall.close();
            assertThat(events.next(Duration.ofSeconds(5))).isSameAs(SseClient.END);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
        assertThatThrownBy(() -> wall.get(wall.bare("/"))).isInstanceOf(IOException.class);
    }

    @Test
    void whenTheStoreStopsAnsweringTheWallSaysStaleAndRecoversWhenItAnswersAgain() throws Exception {
        TestClock clock = new TestClock(Instant.now());
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.loopbackOnly(), clock);
             SseClient events = new SseClient(wall.http, wall.uri("/events"))) {
            wall.declare("payments failing", "SEV1");
            assertThat(events.awaitContaining("payments failing", Duration.ofSeconds(3))).isNotNull();
            try (Connection exclusive = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("sitrep")
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "")) {
                exclusive.createStatement().execute("SET EXCLUSIVE 1");
                Thread.sleep(1500);
                clock.advance(WallModel.STALE_AFTER.plusSeconds(2));

                SseClient.Event stale = events.awaitContaining("STALE: stale since", Duration.ofSeconds(3));
                assertThat(stale).as("the stale marker, while the store does not answer").isNotNull();
                assertThat(stale.data()).as("the last good reading, marked").contains("payments failing");
                assertThat(wall.get(wall.uri("/healthz")).statusCode()).isEqualTo(503);
                exclusive.createStatement().execute("SET EXCLUSIVE 0");
            }
            SseClient.Event current = events.next(Duration.ofSeconds(5));
            assertThat(current).as("current again").isNotNull();
            assertThat(current.data()).doesNotContain("STALE").contains("payments failing");
        }
    }

    private static int rawStatus(int port, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
