package dev.sitrep.sync;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Connectors;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** The pull loop against the sandbox on loopback, writing into a real store. */
class PullLoopTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private SandboxServer sandbox;
    private Store store;
    private Services services;
    private IncidentService incidents;
    private PullLoop loop;
    private PlatformProfile profile;
    private Incident naming;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, clock, Duration.ofHours(1));
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(3))
                .variables(Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD))
                .connectors(p -> Connectors.open(p, services.secrets(), clock)).backoff(new Backoff(new Random(1))).build();
        incidents = services.incidents();
        profile = services.profiles().add(new PlatformProfile("pn", PlatformKind.POWERNODE,
                sandbox.url().toString(), null, SandboxServer.EMAIL, PlatformProfile.Environment.DEVELOPMENT, null,
                List.of(), Duration.ofSeconds(30)));
        loop = services.pullLoop();
        naming = incidents.declare(new Declaration("Agents misbehaving", "SEV1", null, List.of("pn"), null, false, null));
    }

    @AfterEach
    void stop() {
        services.close();
        store.close();
        sandbox.close();
    }

    private PlatformStatus cached() {
        return services.platformStates().get("pn");
    }

    private List<TimelineEvent> pulledEntries(Incident i) {
        return incidents.show(i.id()).timeline().stream().filter(e -> "pull".equals(e.data().get("source"))).toList();
    }

    @Test
    void aHealthyPlatformIsCachedAndPulledAgainOnItsInterval() {
        Duration next = loop.pullOnce(profile);
        assertThat(next).isEqualTo(Duration.ofSeconds(30));
        PlatformStatus s = cached();
        assertThat(s.health()).isEqualTo("healthy");
        assertThat(s.halted()).isFalse();
        assertThat(s.healthAt()).isEqualTo(clock.instant());
        assertThat(s.offline()).isFalse();
        assertThat(pulledEntries(naming)).isEmpty();
    }

    @Test
    void aHaltOnThePlatformLandsOnIncidentsNamingIt() throws Exception {
        Incident other = incidents.declare(new Declaration("Unrelated", "SEV3", null, List.of("cullis"), null, false, null));
        loop.pullOnce(profile);
        Connectors.open(profile, services.secrets(), clock).halt("duplicate refunds", "sam");
        clock.advance(Duration.ofSeconds(30));
        loop.pullOnce(profile);
        assertThat(cached().halted()).isTrue();
        assertThat(cached().haltedReason()).isEqualTo("duplicate refunds");
        assertThat(pulledEntries(naming)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.KILL_SWITCH);
            assertThat(e.text()).isEqualTo("pn kill switch HALTED by Drill Commander: duplicate refunds");
            assertThat(e.actor()).isEqualTo("pull from pn");
        });
        assertThat(pulledEntries(other)).isEmpty();
        loop.pullOnce(profile);
        assertThat(pulledEntries(naming)).as("the same event is written once").hasSize(1);
    }

    @Test
    void healthChangesAreWrittenDown() {
        loop.pullOnce(profile);
        sandbox.setHealth("degraded");
        loop.pullOnce(profile);
        assertThat(pulledEntries(naming)).extracting(TimelineEvent::text).containsExactly("pn health healthy → degraded");
    }

    @Test
    void anUnreachablePlatformBacksOffKeepsTheLastStateAndSaysWhenItIsBack() {
        loop.pullOnce(profile);
        Instant healthyAt = clock.instant();
        sandbox.misbehave(SandboxServer.Fault.SERVER_ERROR, 2);
        clock.advance(Duration.ofSeconds(30));
        Duration first = loop.pullOnce(profile);
        assertThat(cached().offline()).as("one failure is a blip").isFalse();
        assertThat(cached().failures()).isEqualTo(1);
        assertThat(cached().health()).as("last known").isEqualTo("healthy");
        assertThat(cached().healthAt()).isEqualTo(healthyAt);
        assertThat(cached().staleAt(clock.instant(), Duration.ofSeconds(20))).isTrue();
        assertThat(first).isBetween(Duration.ofMillis(2500), Duration.ofMillis(7500));
        clock.advance(first);
        Duration second = loop.pullOnce(profile);
        assertThat(cached().failures()).isEqualTo(2);
        assertThat(cached().offline()).isTrue();
        assertThat(cached().offlineSince()).as("since the first failure").isEqualTo(healthyAt.plusSeconds(30));
        assertThat(second).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(15));
        clock.advance(Duration.ofMinutes(2));
        assertThat(loop.pullOnce(profile)).isEqualTo(Duration.ofSeconds(30));
        assertThat(cached().offline()).isFalse();
        assertThat(pulledEntries(naming)).extracting(TimelineEvent::text)
                .anyMatch(t -> t.startsWith("pn cannot be reached: pn answered HTTP 500"))
                .anyMatch(t -> t.startsWith("pn is reachable again after 2m"))
                .hasSize(2);
    }

    @Test
    void aSingleFailedPullIsABlipNotAnOutage() {
        loop.pullOnce(profile);
        sandbox.misbehave(SandboxServer.Fault.SERVER_ERROR, 1);
        loop.pullOnce(profile);
        loop.pullOnce(profile);
        assertThat(cached().offline()).isFalse();
        assertThat(cached().failures()).isZero();
        assertThat(pulledEntries(naming)).isEmpty();
    }

    @Test
    void failingChecksEscalateOnceAtTheEnvironmentsThreshold() {
        List<EscalationPolicy.Decision> decisions = new java.util.ArrayList<>();
        loop.onEscalation((p, d) -> decisions.add(d));
        loop.pullOnce(profile);
        sandbox.misbehave(SandboxServer.Fault.SERVER_ERROR, 4);
        loop.pullOnce(profile);
        loop.pullOnce(profile);
        assertThat(decisions).as("development needs three failures").isEmpty();
        loop.pullOnce(profile);
        loop.pullOnce(profile);
        assertThat(decisions).singleElement().satisfies(d -> {
            assertThat(d.level()).isEqualTo(dev.sitrep.core.Escalation.Level.ROLLBACK);
            assertThat(d.why()).contains("development");
        });
    }

    @Test
    void finishedIncidentsGetNothing() {
        incidents.setStatus(naming.id(), IncidentStatus.RESOLVED, null, null);
        loop.pullOnce(profile);
        sandbox.setHealth("unhealthy");
        loop.pullOnce(profile);
        assertThat(pulledEntries(naming)).isEmpty();
    }

    @Test
    void theLoopPicksUpProfilesAndPullsThemOnItsOwn() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            loop.start(scheduler);
            long deadline = System.currentTimeMillis() + 10_000;
            while (cached().healthAt() == null && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(cached().health()).isEqualTo("healthy");
        } finally {
            loop.close();
            scheduler.shutdownNow();
        }
    }
}
