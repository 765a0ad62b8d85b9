package dev.sitrep.platform.cullis;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.PlatformUrl;
import dev.sitrep.testing.TestClock;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Cullis connector against a scripted broker on loopback. */
class CullisConnectorTest {

    private static final String SECRET = "s3cr3t-admin-Xy9";
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private CullisConnector cullis(String secret) {
        JsonHttp http = new JsonHttp("cullis-prod", PlatformUrl.parse(server.url("/").toString()),
                JsonHttp.client(null, Duration.ofSeconds(5)), CullisConnector::errorMessage);
        return new CullisConnector("cullis-prod", http, () -> secret, clock);
    }

    private CullisConnector cullis() {
        return cullis(SECRET);
    }

    private void answer(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body));
    }

    private static SitrepException.Kind kind(Throwable e) {
        return ((SitrepException) e).kind();
    }

    @Test
    void offersHealthAndContainmentOnly() {
        assertThat(cullis().capabilities()).containsExactlyInAnyOrder(Capability.HEALTH, Capability.CONTAINMENT);
        assertThatThrownBy(() -> cullis().halt("x", "maria")).hasMessageContaining("does not support halt automation");
    }

    @Test
    void revokeSendsTheSecretHeaderAndTheBodyAndAnswersTheRevocation() throws Exception {
        answer(200, "{\"serial_hex\":\"3f2a9c\",\"org_id\":\"acme\",\"revoked_at\":\"2026-11-22T14:32:05.123456+00:00\","
                + "\"agent_id\":\"acme::buyer\",\"reason\":\"key leaked\",\"message\":\"Certificate revoked\"}");
        Revocation r = cullis().revoke("3f2a9c", "acme", "key leaked", "maria");
        assertThat(r).isEqualTo(new Revocation("3f2a9c", "acme", Instant.parse("2026-11-22T14:32:05.123456Z"), "maria",
                "key leaked", "acme::buyer", "Certificate revoked"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getPath()).isEqualTo("/v1/admin/certs/revoke");
        assertThat(request.getHeader("x-admin-secret")).isEqualTo(SECRET);
        assertThat(request.getBody().readUtf8()).isEqualTo(
                "{\"serial_hex\":\"3f2a9c\",\"org_id\":\"acme\",\"reason\":\"key leaked\",\"revoked_by\":\"maria\"}");
    }

    @Test
    void revocationsListsTheOrgsRevokedCertificates() throws Exception {
        answer(200, "[{\"serial_hex\":\"3f2a9c\",\"org_id\":\"acme\",\"revoked_at\":\"2026-11-22T14:32:05\","
                + "\"revoked_by\":\"maria\",\"reason\":null,\"agent_id\":\"acme::buyer\"}]");
        List<Revocation> list = cullis().revocations("acme");
        assertThat(list).containsExactly(new Revocation("3f2a9c", "acme", Instant.parse("2026-11-22T14:32:05Z"), "maria",
                null, "acme::buyer", null));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getPath()).isEqualTo("/v1/admin/certs/revoked?org_id=acme");
        assertThat(request.getHeader("x-admin-secret")).isEqualTo(SECRET);
    }

    @Test
    void aWrongSecretIsARefusalInTheBrokersWordsWithoutTheSecret() {
        answer(403, "{\"detail\":\"Invalid admin secret\"}");
        assertThatThrownBy(() -> cullis("wrong-one").revoke("3f2a9c", "acme", null, "maria"))
                .isInstanceOf(PlatformException.class)
                .hasMessage("cullis-prod refused (HTTP 403): Invalid admin secret")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED))
                .satisfies(e -> assertThat(((PlatformException) e).httpStatus()).isEqualTo(403));
    }

    @Test
    void a401IsARefusalInTheBrokersWords() {
        answer(401, "{\"detail\":\"Not authenticated\"}");
        assertThatThrownBy(() -> cullis().revocations("acme")).hasMessage("cullis-prod refused (HTTP 401): Not authenticated")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED));
    }

    @Test
    void anAlreadyRevokedSerialAnswersTheExistingRevocation() throws Exception {
        answer(409, "{\"detail\":\"Certificate already revoked\"}");
        answer(200, "[{\"serial_hex\":\"aa01\",\"org_id\":\"acme\",\"revoked_at\":\"2026-11-22T10:00:00Z\","
                + "\"revoked_by\":\"sam\",\"reason\":\"first\",\"agent_id\":null},"
                + "{\"serial_hex\":\"3f2a9c\",\"org_id\":\"acme\",\"revoked_at\":\"2026-11-22T11:00:00Z\","
                + "\"revoked_by\":\"sam\",\"reason\":\"earlier\",\"agent_id\":\"acme::buyer\"}]");
        Revocation r = cullis().revoke("3f2a9c", "acme", "again", "maria");
        assertThat(r.revokedBy()).isEqualTo("sam");
        assertThat(r.revokedAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
        server.takeRequest();
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/admin/certs/revoked?org_id=acme");
    }

    @Test
    void aConflictThatIsNotAlreadyRevokedIsARefusal() {
        answer(409, "{\"detail\":\"Organisation is suspended\"}");
        assertThatThrownBy(() -> cullis().revoke("3f2a9c", "acme", null, "maria"))
                .hasMessage("cullis-prod refused (HTTP 409): Organisation is suspended");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aValidationErrorListNamesTheFieldsAndMessages() {
        answer(422, "{\"detail\":[{\"loc\":[\"body\",\"revoked_by\"],\"msg\":\"field required\",\"type\":\"missing\"},"
                + "{\"loc\":[\"body\",\"org_id\"],\"msg\":\"too long\",\"type\":\"string_too_long\"}]}");
        assertThatThrownBy(() -> cullis().revoke("3f2a9c", "acme", null, "maria"))
                .hasMessage("cullis-prod refused (HTTP 422): revoked_by: field required; org_id: too long");
    }

    @Test
    void aSecretQuotedBackInAnErrorNeverReachesTheMessage() {
        answer(422, "{\"detail\":[{\"loc\":[\"header\",\"x-admin-secret\"],\"msg\":\"bad value " + SECRET + "\","
                + "\"input\":\"" + SECRET + "\"}]}");
        assertThatThrownBy(() -> cullis().revoke("3f2a9c", "acme", null, "maria"))
                .hasMessageContaining("HTTP 422").hasMessageContaining("[admin secret]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void aSecretEchoedInANonJsonPageNeverReachesTheMessage() {
        answer(500, "<html>debug: x-admin-secret=" + SECRET + "</html>");
        assertThatThrownBy(() -> cullis().revocations("acme"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET))
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void rateLimitingSaysWhenToRetry() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "20")
                .setBody("{\"detail\":\"Rate limit exceeded\"}"));
        assertThatThrownBy(() -> cullis().revoke("3f2a9c", "acme", null, "maria"))
                .hasMessageContaining("HTTP 429").hasMessageContaining("retry after 20 s")
                .hasMessageContaining("Rate limit exceeded")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE));
    }

    @Test
    void aServerErrorIsAnUnreachableBroker() {
        answer(500, "{\"detail\":\"Internal Server Error\"}");
        assertThatThrownBy(() -> cullis().revocations("acme"))
                .hasMessage("cullis-prod answered HTTP 500: Internal Server Error")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE));
    }

    @Test
    void anAnswerThatIsNotJsonIsNamed() {
        server.enqueue(new MockResponse().setBody("<html><body>502 Bad Gateway</body></html>"));
        assertThatThrownBy(() -> cullis().health()).hasMessageContaining("not JSON").hasMessageContaining("<html>")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE));
    }

    @Test
    void aReadyBrokerIsHealthyWithItsVersionAndChecks() throws Exception {
        answer(200, "{\"status\":\"ok\",\"version\":\"0.9.2\"}");
        answer(200, "{\"status\":\"ready\",\"checks\":{\"database\":\"ok\",\"redis\":\"ok\",\"kms\":\"ok\"}}");
        Health h = cullis().health();
        assertThat(h.status()).isEqualTo(Health.Status.HEALTHY);
        assertThat(h.version()).isEqualTo("0.9.2");
        assertThat(h.checks()).containsEntry("database", "ok").containsEntry("redis", "ok").containsEntry("kms", "ok");
        assertThat(h.checkedAt()).isEqualTo(clock.instant());
        assertThat(server.takeRequest().getPath()).isEqualTo("/health");
        assertThat(server.takeRequest().getPath()).isEqualTo("/readyz");
    }

    @Test
    void aDrainingBrokerIsUnhealthyAndSaysItIsShuttingDown() {
        answer(200, "{\"status\":\"ok\",\"version\":\"0.9.2\"}");
        answer(503, "{\"status\":\"draining\",\"checks\":{\"database\":\"ok\",\"redis\":\"ok\",\"kms\":\"ok\"}}");
        Health h = cullis().health();
        assertThat(h.status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(h.detail()).startsWith("draining").contains("shutting down");
        assertThat(h.checks()).containsEntry("kms", "ok");
    }

    @Test
    void aBrokerNotReadySaysWhichCheckFails() {
        answer(200, "{\"status\":\"ok\",\"version\":\"0.9.2\"}");
        answer(503, "{\"status\":\"not_ready\",\"checks\":{\"database\":\"ok\",\"redis\":\"error\",\"kms\":\"ok\"}}");
        Health h = cullis().health();
        assertThat(h.status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(h.detail()).isEqualTo("not ready (redis error)");
        assertThat(h.checks()).containsEntry("redis", "error");
    }

    @Test
    void aSerialThatIsNotHexIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> cullis().revoke("3F:2A:9C", "acme", null, "maria"))
                .hasMessageContaining("'3F:2A:9C' is not a certificate serial").hasMessageContaining("hex digits")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.INVALID_INPUT));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aBlankOrgIdIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> cullis().revoke("3f2a9c", " ", null, "maria"))
                .hasMessageContaining("is not a Cullis organisation id");
        assertThatThrownBy(() -> cullis().revocations("acme&org_id=other"))
                .hasMessageContaining("is not a Cullis organisation id");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingAdminSecretIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> cullis("").revoke("3f2a9c", "acme", null, "maria"))
                .hasMessageContaining("No admin secret for the Cullis profile cullis-prod")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.INVALID_INPUT));
        assertThat(server.getRequestCount()).isZero();
    }
}
