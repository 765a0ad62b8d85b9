package dev.sitrep.sync;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Profiles;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** SO1's deployments reach the timelines of incidents naming it, once each. */
class PullLoopPlatformEventsTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private final List<String> deployments = new CopyOnWriteArrayList<>();
    private MockWebServer so1;
    private Store store;
    private Services services;
    private IncidentService incidents;
    private PullLoop loop;
    private PlatformProfile profile;

    @BeforeEach
    void start() throws Exception {
        so1 = new MockWebServer();
        so1.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath();
                if (path.startsWith("/v1/health")) {
                    return new MockResponse().setBody("{\"status\":\"ok\"}");
                }
                if (path.startsWith("/v1/feature-flags/ai-agents")) {
                    return new MockResponse().setBody("{\"name\":\"ai-agents\",\"enabled\":true}");
                }
                if (path.startsWith("/v1/deployments")) {
                    return new MockResponse().setBody("[" + String.join(",", deployments) + "]");
                }
                return new MockResponse().setResponseCode(404).setBody("{\"error\":\"no route\"}");
            }
        });
        so1.start(InetAddress.getLoopbackAddress(), 0);
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(2))
                .variables(Map.of("SITREP_SECRET_SO1_PROD", "token")).backoff(new Backoff(new Random(1))).build();
        incidents = services.incidents();
        Profiles profiles = services.profiles();
        profile = profiles.add(new PlatformProfile("so1-prod", PlatformKind.SO1, so1.url("/").toString(), null, null,
                PlatformProfile.Environment.PRODUCTION, null, List.of("ai-agents"), Duration.ofSeconds(30)));
        loop = services.pullLoop();
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
        store.close();
        so1.shutdown();
    }

    private static String deployment(String id, String version, String at) {
        return "{\"id\":\"" + id + "\",\"service\":\"checkout\",\"version\":\"" + version + "\",\"status\":\"succeeded\","
                + "\"deployed_at\":\"" + at + "\",\"deployed_by\":\"ci\"}";
    }

    @Test
    void aNewDeploymentLandsOnceOnIncidentsNamingThePlatform() {
        Incident incident = incidents.declare(new Declaration("Checkout errors", "SEV1", null, List.of("so1-prod"), null,
                false, null));
        deployments.add(deployment("dep-1", "2.4.0", "2026-11-22T13:00:00Z"));
        loop.pullOnce(profile);
        deployments.add(0, deployment("dep-2", "2.4.1", "2026-11-22T14:30:00Z"));
        loop.pullOnce(profile);
        loop.pullOnce(profile);
        List<TimelineEvent> pulled = incidents.show(incident.id()).timeline().stream()
                .filter(e -> "pull".equals(e.data().get("source"))).toList();
        assertThat(pulled).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.PLATFORM_EVENT);
            assertThat(e.text()).isEqualTo("so1-prod deployment: checkout 2.4.1 succeeded, deployed by ci");
            assertThat(e.occurredAt()).isEqualTo(Instant.parse("2026-11-22T14:30:00Z"));
        });
        assertThat(services.platformStates().get("so1-prod").halted()).isFalse();
    }
}
