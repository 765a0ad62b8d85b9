package dev.sitrep.platform.so1;

import dev.sitrep.platform.PlatformEvent;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.PlatformUrl;
import dev.sitrep.testing.TestClock;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SO1 connector against a scripted control plane on loopback. */
class So1ConnectorTest {

    private static final String TOKEN = "tok-123";
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

    private So1Connector so1(List<String> flags) {
        JsonHttp http = new JsonHttp("so1-prod", PlatformUrl.parse(server.url("/").toString()),
                JsonHttp.client(null, Duration.ofSeconds(5)), So1Connector::errorMessage);
        return new So1Connector("so1-prod", http, () -> TOKEN, flags, clock);
    }

    private So1Connector so1() {
        return so1(List.of("ai-agents", "auto-remediation"));
    }

    private void answer(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(body));
    }

    private static SitrepException.Kind kind(Throwable e) {
        return ((SitrepException) e).kind();
    }

    /** Feature flags kept in memory; a flag can refuse changes (403) or accept them without applying them. */
    private static final class Flags extends Dispatcher {
        final Map<String, Boolean> enabled = new ConcurrentHashMap<>();
        final List<String> order;
        final Set<String> refusing = ConcurrentHashMap.newKeySet();
        final Set<String> ignoring = ConcurrentHashMap.newKeySet();

        Flags(String... names) {
            order = List.of(names);
            for (String n : names) {
                enabled.put(n, true);
            }
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String flag = request.getPath().substring("/v1/feature-flags/".length());
            if (!enabled.containsKey(flag)) {
                return new MockResponse().setResponseCode(404).setBody("{\"error\":\"Flag not found\"}");
            }
            if (request.getMethod().equals("PATCH")) {
                if (refusing.contains(flag)) {
                    return new MockResponse().setResponseCode(403).setBody("{\"error\":\"Flag " + flag + " is locked\"}");
                }
                if (!ignoring.contains(flag)) {
                    enabled.put(flag, request.getBody().clone().readUtf8().contains("true"));
                }
            }
            return new MockResponse().setBody("{\"name\":\"" + flag + "\",\"enabled\":" + enabled.get(flag)
                    + ",\"updated_at\":\"2026-11-22T14:3" + order.indexOf(flag) + ":00Z\",\"updated_by\":\"so1-bot\"}");
        }
    }

    private Flags flags(String... names) {
        Flags f = new Flags(names);
        server.setDispatcher(f);
        return f;
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r; (r = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null; ) {
            out.add(r);
        }
        return out;
    }

    @Test
    void haltDisablesEveryListedFlagWithTheBearerToken() throws Exception {
        flags("ai-agents", "auto-remediation");
        so1().halt("agents looping", "maria");
        List<RecordedRequest> sent = requests();
        assertThat(sent).extracting(r -> r.getMethod() + " " + r.getPath()).startsWith(
                "PATCH /v1/feature-flags/ai-agents", "PATCH /v1/feature-flags/auto-remediation");
        assertThat(sent.get(0).getBody().readUtf8()).isEqualTo("{\"enabled\":false}");
        assertThat(sent).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void haltReadsTheFlagsBackAndAnswersTheConfirmedState() throws Exception {
        Flags f = flags("ai-agents", "auto-remediation");
        KillSwitchState state = so1().halt("agents looping", "maria");
        assertThat(f.enabled).containsEntry("ai-agents", false).containsEntry("auto-remediation", false);
        assertThat(requests()).extracting(r -> r.getMethod() + " " + r.getPath()).endsWith(
                "GET /v1/feature-flags/ai-agents", "GET /v1/feature-flags/auto-remediation");
        assertThat(state.halted()).isTrue();
        assertThat(state.by()).isEqualTo("so1-bot");
        assertThat(state.since()).isEqualTo(Instant.parse("2026-11-22T14:31:00Z"));
        assertThat(state.reason()).isNull();
    }

    @Test
    void statusIsHaltedOnlyWhenEveryListedFlagIsDisabled() {
        Flags f = flags("ai-agents", "auto-remediation");
        assertThat(so1().killSwitchStatus().halted()).isFalse();
        f.enabled.replaceAll((k, v) -> false);
        assertThat(so1().killSwitchStatus().halted()).isTrue();
    }

    @Test
    void aPartlyHaltedStateIsNotHaltedAndNamesTheFlagsStillEnabled() {
        Flags f = flags("ai-agents", "auto-remediation", "webhooks");
        f.enabled.put("ai-agents", false);
        KillSwitchState state = so1(List.of("ai-agents", "auto-remediation", "webhooks")).killSwitchStatus();
        assertThat(state.halted()).isFalse();
        assertThat(So1Connector.isPartial(state)).isTrue();
        assertThat(state.reason()).isEqualTo("Partly halted: auto-remediation, webhooks are still enabled "
                + "(disabled: ai-agents); halt again to disable the rest");
    }

    @Test
    void aHaltThatLeavesAFlagEnabledFailsNamingItAndThePlatformsWords() {
        Flags f = flags("ai-agents", "auto-remediation");
        f.refusing.add("auto-remediation");
        assertThatThrownBy(() -> so1().halt("agents looping", "maria"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("halt incomplete: auto-remediation is still enabled (1 of 2 flags disabled: ai-agents)")
                .hasMessageContaining("Flag auto-remediation is locked")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED));
        assertThat(f.enabled).as("the other flag is still disabled").containsEntry("ai-agents", false);
    }

    @Test
    void aHaltTheFlagsDoNotShowFailsEvenThoughEveryCallSucceeded() {
        Flags f = flags("ai-agents", "auto-remediation");
        f.ignoring.add("ai-agents");
        assertThatThrownBy(() -> so1().halt("agents looping", "maria"))
                .hasMessageContaining("halt incomplete: ai-agents is still enabled")
                .hasMessageContaining("accepted the change but did not apply it");
    }

    @Test
    void resumeEnablesEveryListedFlag() throws Exception {
        Flags f = flags("ai-agents", "auto-remediation");
        f.enabled.replaceAll((k, v) -> false);
        assertThat(so1().resume(null, "maria").halted()).isFalse();
        assertThat(f.enabled).containsEntry("ai-agents", true).containsEntry("auto-remediation", true);
        assertThat(requests().get(0).getBody().readUtf8()).isEqualTo("{\"enabled\":true}");
    }

    @Test
    void anEmptyFlagListIsRefusedAtConstruction() {
        assertThatThrownBy(() -> so1(List.of()))
                .hasMessageContaining("lists no feature flags").hasMessageContaining("list the flags to disable on the profile")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.INVALID_INPUT));
    }

    @Test
    void aFlagNameThatWouldChangeTheUrlIsRefusedAtConstruction() {
        assertThatThrownBy(() -> so1(List.of("ai-agents", "../admin")))
                .hasMessageContaining("'../admin' is not a usable feature flag");
    }

    @Test
    void healthMapsTheStatusWords() {
        answer(200, "{\"status\":\"healthy\",\"version\":\"4.1\"}");
        answer(200, "{\"status\":\"ok\"}");
        answer(200, "{\"status\":\"degraded\"}");
        answer(200, "{\"status\":\"maintenance\"}");
        So1Connector so1 = so1();
        assertThat(so1.health().version()).isEqualTo("4.1");
        assertThat(so1.health().status()).isEqualTo(Health.Status.HEALTHY);
        assertThat(so1.health().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(so1.health().status()).isEqualTo(Health.Status.UNHEALTHY);
    }

    @Test
    void a503HealthIsUnhealthyWithThePlatformsWords() throws Exception {
        answer(503, "{\"status\":\"down\",\"error\":\"database unreachable\"}");
        Health h = so1().health();
        assertThat(h.status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(h.detail()).contains("HTTP 503").contains("database unreachable");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getPath()).isEqualTo("/v1/health");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void recentDeploymentsBecomePlatformEvents() throws Exception {
        answer(200, "[{\"id\":\"dep-7\",\"service\":\"checkout\",\"version\":\"2.4.1\",\"status\":\"succeeded\","
                + "\"deployed_at\":\"2026-11-22T14:10:00Z\",\"deployed_by\":\"ci\"}]");
        List<PlatformEvent> events = so1().recentDeployments(20);
        assertThat(events).containsExactly(new PlatformEvent("dep-7", "deployment",
                "checkout 2.4.1 succeeded, deployed by ci", Instant.parse("2026-11-22T14:10:00Z")));
        assertThat(server.takeRequest().getPath()).isEqualTo("/v1/deployments?limit=20");
    }

    @Test
    void updateIncidentPatchesStatusSummaryAndResolvedAt() throws Exception {
        answer(200, "{\"id\":\"INC-20240115-0042\",\"status\":\"resolved\"}");
        so1().updateIncident("INC-20240115-0042", "resolved", "rolled back 2.4.1", Instant.parse("2026-11-22T15:00:00Z"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PATCH");
        assertThat(request.getPath()).isEqualTo("/v1/incidents/INC-20240115-0042");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getBody().readUtf8()).isEqualTo("{\"status\":\"resolved\",\"resolution_summary\":"
                + "\"rolled back 2.4.1\",\"resolved_at\":\"2026-11-22T15:00:00Z\"}");
    }

    @Test
    void updateIncidentLeavesOutFieldsNotGiven() throws Exception {
        answer(204, "");
        so1().updateIncident("inc_20260218_1430_abc123", "monitoring", null, null);
        assertThat(server.takeRequest().getBody().readUtf8()).isEqualTo("{\"status\":\"monitoring\"}");
    }

    @Test
    void anIncidentIdThatIsNotAPathSegmentIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> so1().updateIncident("INC-1/../../flags", "resolved", null, null))
                .hasMessageContaining("is not a usable incident id");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void a401SaysTheTokenIsWrongOrExpired() {
        answer(401, "{\"error\":\"Invalid token\"}");
        assertThatThrownBy(() -> so1().recentDeployments(5))
                .hasMessageContaining("so1-prod refused (HTTP 401): Invalid token")
                .hasMessageContaining("token is wrong or expired")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED));
    }

    @Test
    void a403KeepsThePlatformsWords() {
        answer(403, "{\"message\":\"Missing scope incidents:write\"}");
        assertThatThrownBy(() -> so1().updateIncident("INC-1", "resolved", null, null))
                .hasMessage("so1-prod refused (HTTP 403): Missing scope incidents:write");
    }

    @Test
    void a409IsARefusal() {
        answer(409, "{\"detail\":\"Incident is closed\"}");
        assertThatThrownBy(() -> so1().updateIncident("INC-1", "resolved", null, null))
                .hasMessage("so1-prod refused (HTTP 409): Incident is closed")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED));
    }

    @Test
    void a422KeepsThePlatformsWords() {
        answer(422, "{\"error\":\"status must be one of investigating, resolved\"}");
        assertThatThrownBy(() -> so1().updateIncident("INC-1", "fixed", null, null))
                .hasMessage("so1-prod refused (HTTP 422): status must be one of investigating, resolved");
    }

    @Test
    void rateLimitingSaysWhenToRetry() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "15")
                .setBody("{\"error\":\"slow down\"}"));
        assertThatThrownBy(() -> so1().killSwitchStatus()).hasMessageContaining("HTTP 429")
                .hasMessageContaining("retry after 15 s")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE));
    }

    @Test
    void aServerErrorIsAnUnreachablePlatform() {
        answer(500, "{\"error\":\"boom\"}");
        assertThatThrownBy(() -> so1().recentDeployments(5)).hasMessage("so1-prod answered HTTP 500: boom")
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE));
    }

    @Test
    void anAnswerThatIsNotJsonIsNamed() {
        server.enqueue(new MockResponse().setBody("<!doctype html><title>Login</title>"));
        assertThatThrownBy(() -> so1().health()).hasMessageContaining("not JSON").hasMessageContaining("<!doctype html>");
    }

    @Test
    void errorMessagePrefersErrorThenMessageThenDetail() throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("detail", "c");
        all.put("message", "b");
        all.put("error", "a");
        assertThat(So1Connector.errorMessage(dev.sitrep.core.Json.MAPPER.valueToTree(all))).isEqualTo("a");
        assertThat(So1Connector.errorMessage(dev.sitrep.core.Json.MAPPER.readTree("{\"message\":\"b\",\"detail\":\"c\"}")))
                .isEqualTo("b");
        assertThat(So1Connector.errorMessage(dev.sitrep.core.Json.MAPPER.readTree("{\"detail\":\"c\"}"))).isEqualTo("c");
    }
}
