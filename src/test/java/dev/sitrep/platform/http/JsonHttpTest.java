package dev.sitrep.platform.http;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.powernode.PowernodeConnector;
import dev.sitrep.testing.TestClock;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults scripted byte by byte. */
class JsonHttpTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private JsonHttp http(Duration callTimeout) {
        return new JsonHttp("pn", PlatformUrl.parse(server.url("/").toString()), JsonHttp.client(null, callTimeout),
                PowernodeConnector::errorMessage);
    }

    @Test
    void aRedirectIsNotFollowedAndSaysWhereItLeadsAndWhatTheUrlLikelyNeeds() {
        String host = server.getHostName() + ":" + server.getPort();
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "https://" + host + "/api/v1/health")
                .setBody("<html>Moved</html>"));
        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get("/api/v1/health", Map.of()))
                .isInstanceOf(PlatformException.class)
                .hasMessage("pn refused (HTTP 302): a redirect to https://" + host + "/api/v1/health; Sitrep does not "
                        + "follow redirects: the profile's URL likely needs to be https://" + host + "/ (https); add the "
                        + "platform again with that --url")
                .satisfies(e -> assertThat(((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED));
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "/pn/api/v1/health"));
        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get("/api/v1/health", Map.of()))
                .hasMessageContaining("a redirect to http://" + host + "/pn/api/v1/health")
                .hasMessageContaining("likely needs to be http://" + host + "/pn/ (a different path)");
        server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "https://sso.example/login"));
        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get("/api/v1/health", Map.of()))
                .hasMessageContaining("a redirect to https://sso.example/login; Sitrep does not follow redirects: it "
                        + "leads away from the platform's API");
        assertThat(server.getRequestCount()).as("never followed").isEqualTo(3);
    }

    @Test
    void aTenKilobyteErrorTextIsCutShortSayingHowLongItWas() {
        server.enqueue(new MockResponse().setResponseCode(403).setBody("{\"error\":\"denied \\u001b[31m" + "x".repeat(10_240)
                + "\"}"));
        JsonHttp http = http(Duration.ofSeconds(5));
        assertThat(http.failure(http.get("/api/v1/health", Map.of())))
                .hasMessageStartingWith("pn refused (HTTP 403): denied  [31mxxx")
                .hasMessageEndingWith("… (10252 characters in all)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(530));
    }

    @Test
    void aFiftyMegabyteAnswerIsRefusedNotBuffered() {
        Buffer big = new Buffer();
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 50; i++) {
            big.write(chunk);
        }
        server.enqueue(new MockResponse().setBody(big));
        assertThatThrownBy(() -> http(Duration.ofSeconds(20)).get("/api/v1/health", Map.of()))
                .isInstanceOf(PlatformException.class).hasMessageContaining("the answer is 50 MB, more than the 5 MB Sitrep reads");
    }

    @Test
    void aStreamedOversizedAnswerWithoutLengthIsRefusedToo() {
        Buffer big = new Buffer();
        byte[] chunk = new byte[1024 * 1024];
        for (int i = 0; i < 8; i++) {
            big.write(chunk);
        }
        server.enqueue(new MockResponse().setChunkedBody(big, 64 * 1024));
        assertThatThrownBy(() -> http(Duration.ofSeconds(20)).get("/x", Map.of()))
                .hasMessageContaining("more than the 5 MB Sitrep reads");
    }

    @Test
    void noAnswerInTimeIsUnreachable() {
        server.enqueue(new MockResponse().setBody("{}").setHeadersDelay(5, TimeUnit.SECONDS));
        assertThatThrownBy(() -> http(Duration.ofMillis(800)).get("/x", Map.of()))
                .isInstanceOf(PlatformException.class).hasMessageContaining("no answer in time")
                .extracting(e -> ((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE);
    }

    @Test
    void aDroppedConnectionIsUnreachable() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        assertThatThrownBy(() -> http(Duration.ofSeconds(5)).get("/x", Map.of()))
                .isInstanceOf(PlatformException.class).hasMessageContaining("cannot reach");
    }

    @Test
    void aHostThatIsNotListeningIsUnreachable() throws Exception {
        String url = server.url("/").toString();
        server.shutdown();
        JsonHttp http = new JsonHttp("pn", PlatformUrl.parse(url), JsonHttp.client(null, Duration.ofSeconds(5)),
                PowernodeConnector::errorMessage);
        assertThatThrownBy(() -> http.get("/x", Map.of())).hasMessageContaining("cannot reach");
        server = new MockWebServer();
    }

    @Test
    void twoFactorLoginGetsAClearMessage() {
        server.enqueue(new MockResponse().setBody("{\"success\":true,\"data\":{\"requires_2fa\":true,"
                + "\"verification_token\":\"v\"}}"));
        PowernodeConnector pn = new PowernodeConnector("pn", http(Duration.ofSeconds(5)), "ic@example.com", () -> "pw",
                new TestClock(Instant.now()));
        assertThatThrownBy(pn::killSwitchStatus).isInstanceOf(PlatformException.class)
                .hasMessageContaining("two-factor").hasMessageContaining("ai.kill_switch.manage");
    }

    @Test
    void the409OfAResumeWhileRunningIsTheRunningStateAndTheStatusIsReadBack() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"success\":true,\"data\":{\"access_token\":\"t\"}}"));
        server.enqueue(new MockResponse().setResponseCode(409).setBody("{\"success\":false,\"error\":\"Kill switch is not active\"}"));
        server.enqueue(new MockResponse().setBody("{\"success\":true,\"data\":{\"halted\":false,\"since\":null}}"));
        PowernodeConnector pn = new PowernodeConnector("pn", http(Duration.ofSeconds(5)), "ic@example.com", () -> "pw",
                new TestClock(Instant.now()));
        assertThat(pn.resume("full", "maria").halted()).isFalse();
        assertThat(server.takeRequest().getBody().readUtf8()).contains("\"email\":\"ic@example.com\"");
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer t");
    }

    @Test
    void a422KeepsThePlatformsWords() {
        server.enqueue(new MockResponse().setResponseCode(422).setBody("{\"success\":false,\"error\":\"Reason is required\"}"));
        JsonHttp http = http(Duration.ofSeconds(5));
        JsonHttp.Answer answer = http.send("POST", "/api/v1/ai/kill_switch/halt", Map.of(), Map.of());
        assertThat(http.failure(answer).getMessage()).isEqualTo("pn refused (HTTP 422): Reason is required");
        assertThat(http.failure(answer).kind()).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED);
    }

    @Test
    void plainHttpIsOnlyForThisMachine() {
        assertThatThrownBy(() -> PlatformUrl.parse("http://powernode.example.com")).hasMessageContaining("https://");
        assertThat(PlatformUrl.parse("http://127.0.0.1:8080").host()).isEqualTo("127.0.0.1");
        assertThat(PlatformUrl.parse("http://localhost:8080").host()).isEqualTo("localhost");
        assertThat(PlatformUrl.parse("https://powernode.example.com").isHttps()).isTrue();
    }

    @Test
    void aBadUrlIsNamed() {
        assertThatThrownBy(() -> PlatformUrl.parse("powernode dot com")).hasMessageContaining("is not a URL");
    }

    @Test
    void aCaFileThatIsNotACertificateIsNamed(@TempDir Path dir) throws Exception {
        Path notACert = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN NONSENSE-----\nabc\n");
        assertThatThrownBy(() -> JsonHttp.client(notACert, Duration.ofSeconds(5)))
                .isInstanceOf(SitrepException.class).hasMessageContaining(notACert.toString())
                .hasMessageContaining("is not a certificate");
        assertThatThrownBy(() -> JsonHttp.client(dir.resolve("missing.pem"), Duration.ofSeconds(5)))
                .hasMessageContaining("does not exist");
    }
}
