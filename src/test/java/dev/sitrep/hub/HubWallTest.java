package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.http.PemTls;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.testing.SelfSignedPem;
import dev.sitrep.wall.HubWallReader;
import dev.sitrep.wall.WallSnapshot;
import dev.sitrep.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.incidentFields;
import static dev.sitrep.hub.HubClient.push;
import static dev.sitrep.hub.HubClient.statusUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hub's wall over HTTP, on its embedded H2 file: who may read it and how a refusal reads, the
 * answers' headers, and what it shows as the team's consoles push (an incident resolved leaves it,
 * a status update starts its update clock, the hub's kill switch is its halt banner), and over
 * TLS: an event stream that ends with its connection, a native wall trusting the CA it is given.
 */
class HubWallTest {

    private static final String ORIGIN = "c0a8017e-0000-4000-8000-00000000000c";
    private static final String INC = "INC-20261122-1432-7QF2";
    private static final String OTHER = "INC-20261122-1436-2MZ8";

    @TempDir
    Path dataDir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:40:00Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HubFixture hub;
    private String maria;
    private String lee;
    private String tv;

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(HubDatabase.embeddedUrl(dataDir), clock);
        maria = hub.addPerson("maria", Role.COMMANDER);
        lee = hub.addPerson("lee", Role.RESPONDER);
        tv = hub.addPerson("war-room-tv", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HttpResponse<String> get(String pathAndQuery, String bearer) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(hub.url() + pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void pushAs(String token, String... changes) throws Exception {
        HubClient.Answer a = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, changes), token);
        assertThat(a.status()).isEqualTo(200);
        a.json().path("results").forEach(r -> assertThat(r.path("outcome").asText()).as(r.toString()).isEqualTo("applied"));
    }

    /** The hub's whole wall once it satisfies {@code wanted} (it re-reads within a second of a push). */
    private JsonNode wallWhen(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode wall;
        do {
            HttpResponse<String> r = get("/wall/snapshot", tv);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            wall = Json.MAPPER.readTree(r.body());
            if (wanted.test(wall)) {
                return wall;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return wall;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asText() : n.path(field).asText()));
        return out;
    }

    @Test
    void anyRolesTokenReadsTheWallAsAQueryOrABearerAndNothingElseDoes() throws Exception {
        pushAs(lee, incident("k1", INC, "lee", "Checkout 5xx spike", "SEV1"));

        HttpResponse<String> page = get("/wall?token=" + tv, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("default-src 'none'"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("Checkout 5xx spike").contains(INC).doesNotContain(tv);
        for (String token : List.of(tv, lee, maria)) {
            assertThat(get("/wall/", token).statusCode()).as("a bearer of any role").isEqualTo(200);
        }
        assertThat(get("/wall/healthz?token=" + tv, null).body()).isEqualTo("ok\n");

        HttpResponse<String> none = get("/wall", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(none.body()).startsWith("The wall needs a token of someone this hub knows. Open /wall?token=YOUR-TOKEN");
        HttpResponse<String> wrong = get("/wall/events?token=sitrep_hub_%3Cscript%3E", null);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).startsWith("Wrong token").doesNotContain("script");
        HttpResponse<String> json = get("/wall/snapshot", "sitrep_hub_guess");
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(json.body()).path("error").asText())
                .startsWith("Wrong token").contains("Authorization: Bearer <token>");
        assertThat(hub.revoke("lee")).isTrue();
        assertThat(get("/wall/snapshot", lee).statusCode()).isEqualTo(401);

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(hub.url() + "/wall?token=" + tv))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        HttpResponse<String> elsewhere = get("/wall/admin?token=" + tv, null);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).contains("the wall is at /wall?token=YOUR-TOKEN");
        assertThat(get("/wallpaper", tv).statusCode()).as("only /wall and below are the wall").isEqualTo(404);
    }

    @Test
    void aPlatformTheTeamHaltedThroughSitrepIsOnTheWallByNameUntilItsResume() throws Exception {
        String halt = """
                {"key": "k1", "entity": "audit", "id": "a1", "base": 0, "body": {"at": "2026-11-22T14:40:00Z",
                 "action": "ACTIVATED", "platform": "pn", "actor": "lee", "reason": "agents looping"}}""";
        pushAs(lee, halt);

        JsonNode wall = wallWhen(w -> !w.path("halted").isEmpty());

        assertThat(texts(wall.path("halted"), null))
                .containsExactly("HALTED: pn since 14:40 UTC by lee via Sitrep (team record): agents looping");
        assertThat(texts(wall.path("platforms"), "name")).containsExactly("hub", "pn");

        pushAs(maria, """
                {"key": "k2", "entity": "audit", "id": "a2", "base": 0, "body": {"at": "2026-11-22T15:10:00Z",
                 "action": "RESET", "platform": "pn", "actor": "maria", "reason": "fixed"}}""");
        assertThat(wallWhen(w -> w.path("halted").isEmpty()).path("halted")).as("resumed by maria").isEmpty();
    }

    @Test
    void theWallFollowsWhatTheTeamPushes() throws Exception {
        pushAs(lee, incident("k1", INC, "lee", "Checkout 5xx spike", "SEV2"),
                incident("k2", OTHER, "lee", "Payments failing", "SEV1"));
        JsonNode wall = wallWhen(w -> w.path("rows").size() == 2);
        assertThat(texts(wall.path("rows"), "id")).as("most severe first").containsExactly(OTHER, INC);
        assertThat(wall.path("rows").get(0).path("ramp").asInt()).isEqualTo(1);
        assertThat(texts(wall.path("rows").get(1).path("clocks"), "text")).noneMatch(t -> t.startsWith("update"));
        assertThat(texts(wall.path("platforms"), "name")).containsExactly("hub");
        assertThat(wall.path("platforms").get(0).path("state").asText()).isEqualTo("healthy");

        clock.advance(Duration.ofMinutes(5));
        pushAs(lee, statusUpdate("k3", "EV-1", INC, "lee", "2026-11-22T14:44:00Z"),
                incidentFields("k4", OTHER, 1, "{\"status\": \"resolved\"}"));
        wall = wallWhen(w -> w.path("rows").size() == 1);
        assertThat(texts(wall.path("rows"), "id")).as("a resolved incident leaves the wall").containsExactly(INC);
        assertThat(texts(wall.path("rows").get(0).path("clocks"), "text"))
                .as("SEV2 updates every 30 min from the one sent at 14:44").contains("update in 29:00");
        assertThat(wall.path("activeCount").asInt()).isEqualTo(1);

        HubClient.Answer halt = call(hub.url(), "POST", "/sitrep/v1/kill-switch/halt",
                "{\"reason\": \"refunds looping\", \"actor\": \"lee\"}", lee);
        assertThat(halt.status()).isEqualTo(200);
        wall = wallWhen(w -> !w.path("halted").isEmpty());
        assertThat(texts(wall.path("halted"), null)).containsExactly("HALTED: hub since 14:45 UTC by lee: refunds looping");
        assertThat(wall.path("platforms").get(0).path("state").asText()).isEqualTo("halted");

        assertThat(call(hub.url(), "POST", "/sitrep/v1/kill-switch/resume", "{}", maria).status()).isEqualTo(200);
        assertThat(wallWhen(w -> w.path("halted").isEmpty()).path("halted")).isEmpty();
    }

    @Test
    void overTlsAStreamEndsWhenItsBrowserLeavesAndTheNativeWallTrustsTheGivenCa() throws Exception {
        pushAs(lee, incident("k1", INC, "lee", "Checkout 5xx spike", "SEV1"));
        SelfSignedPem pem = SelfSignedPem.rsa(dataDir);
        try (HubDatabase db = HubDatabase.open(HubDatabase.embeddedUrl(dataDir), Map.of(), 4);
             HubServer tls = HubServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     PemTls.fromPem(pem.certificateFile(), pem.keyFile()), db, new PrintStream(OutputStream.nullOutputStream()),
                     clock, ZoneId.of("Europe/Berlin"))) {
            try (SSLSocket browser = (SSLSocket) pem.clientContext().getSocketFactory().createSocket("127.0.0.1",
                    tls.url().getPort())) {
                browser.setSoTimeout(10_000);
                browser.getOutputStream().write(("GET /wall/events?token=" + tv + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                BufferedReader in = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8));
                String line;
                boolean shown = false;
                while (!shown && (line = in.readLine()) != null) {
                    shown = line.startsWith("data: ") && line.contains("Checkout 5xx spike");
                }
                assertThat(shown).as("the first event carries the wall").isTrue();
                assertThat(tls.openWalls()).isEqualTo(1);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (tls.openWalls() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(tls.openWalls()).as("the stream ended when its TLS connection closed, not at the next write")
                    .isZero();

            try (HubWallReader reader = HubWallReader.of(tls.url().toString(), tv, pem.certificateFile(), clock,
                    ZoneId.of("UTC"))) {
                reader.read();
                assertThat(reader.snapshot(1, 5).rows()).extracting(WallSnapshot.Row::title)
                        .containsExactly("Checkout 5xx spike");
            }
            try (HubWallReader untrusting = HubWallReader.of(tls.url().toString(), tv, null, clock, ZoneId.of("UTC"))) {
                assertThatThrownBy(untrusting::read).isInstanceOf(PlatformException.class)
                        .hasMessageContaining("the hub is unreachable or answered badly");
            }
        }
    }
}
