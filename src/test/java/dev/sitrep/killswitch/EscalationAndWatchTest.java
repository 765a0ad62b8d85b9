package dev.sitrep.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Escalation;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.SitrepException;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Connectors;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.sync.Backoff;
import dev.sitrep.sync.PullLoop;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What happens after the button: health escalations stored for the banner, the profile's opt-in
 * to an automatic halt by {@code system}, and the 30-minute watch after a resume that holds
 * resolving. Against the sandbox on loopback and a real store, with an injected clock.
 */
class EscalationAndWatchTest {

    private static final Instant START = Instant.parse("2026-11-22T14:32:00Z");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(START);
    private SandboxServer sandbox;
    private Store store;
    private Services services;
    private IncidentService incidents;
    private Profiles profiles;
    private Secrets secrets;
    private AuditLog audit;
    private KillSwitchService killSwitch;
    private PullLoop loop;
    private Incident naming;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, clock, Duration.ofHours(1));
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(3))
                .variables(Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD)).connectors(this::connect)
                .backoff(new Backoff(new Random(1))).build();
        incidents = services.incidents();
        profiles = services.profiles();
        secrets = services.secrets();
        audit = services.audit();
        killSwitch = services.killSwitch();
        loop = services.pullLoop();
        naming = incidents.declare(new Declaration("Agents misbehaving", "SEV1", null, List.of("pn"), null, false, null));
    }

    @AfterEach
    void stop() {
        services.close();
        store.close();
        sandbox.close();
    }

    private PlatformConnector connect(PlatformProfile p) {
        return Connectors.open(p, secrets, clock);
    }

    private PlatformProfile addProfile(boolean autoHalt) {
        return profiles.add(new PlatformProfile("pn", PlatformKind.POWERNODE, sandbox.url().toString(), null,
                SandboxServer.EMAIL, PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30),
                autoHalt));
    }

    private PlatformStatus cached() {
        return services.platformStates().get("pn");
    }

    private List<AuditEntry> entries(String action) {
        return audit.all().stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void withoutTheOptInAnEscalationIsStoredAndProposedButNothingIsHalted() {
        PlatformProfile profile = addProfile(false);
        loop.pullOnce(profile);
        assertThat(cached().escalation()).isNull();

        sandbox.setHealth("unhealthy");
        clock.advance(Duration.ofSeconds(30));
        loop.pullOnce(profile);

        Escalation e = cached().escalation();
        assertThat(e.level()).isEqualTo(Escalation.Level.KILL_SWITCH);
        assertThat(e.why()).contains("production");
        assertThat(e.since()).isEqualTo(clock.instant());
        assertThat(entries(AuditEntry.ESCALATED)).hasSize(1);
        assertThat(entries(AuditEntry.ACTIVATED)).isEmpty();
        assertThat(sandbox.halted()).isFalse();

        clock.advance(Duration.ofSeconds(30));
        loop.pullOnce(profile);
        assertThat(cached().escalation().since()).as("the level holds: since stays").isEqualTo(START.plusSeconds(30));
        assertThat(entries(AuditEntry.ESCALATED)).as("said once per rise").hasSize(1);

        sandbox.setHealth("healthy");
        loop.pullOnce(profile);
        assertThat(cached().escalation()).as("a passing check clears the proposal in production").isNull();
    }

    @Test
    void anOptedInProfileIsHaltedBySystemWhenItsChecksEscalate() {
        PlatformProfile profile = addProfile(true);
        assertThat(profiles.get("pn").autoHalt()).isTrue();
        loop.pullOnce(profile);
        assertThat(sandbox.halted()).isFalse();

        sandbox.setHealth("unhealthy");
        loop.pullOnce(profile);

        assertThat(sandbox.halted()).isTrue();
        AuditEntry halt = entries(AuditEntry.ACTIVATED).get(0);
        assertThat(halt.actor()).isEqualTo("system");
        assertThat(halt.reason()).startsWith("Automatic halt (the profile opted in): 1 failed health check");
        assertThat(cached().halted()).as("the loop's own write does not undo the halt").isTrue();
        assertThat(incidents.show(naming.id()).timeline()).anyMatch(t -> t.text().startsWith("Kill switch HALTED on pn"));

        loop.pullOnce(profile);
        assertThat(entries(AuditEntry.ACTIVATED)).as("an escalation that holds does not halt again").hasSize(1);
    }

    @Test
    void aResumeHoldsResolvingForThirtyMinutes() {
        addProfile(false);
        assertThat(killSwitch.halt("pn", "agents looping", null).done()).isTrue();
        incidents.setStatus(naming.id(), IncidentStatus.MITIGATING, null, null);
        KillSwitchService.Result resumed = killSwitch.resume("pn", new ResumeRequest(true, true, true, "lee",
                "bad deploy rolled back", "minimal"), null);
        assertThat(resumed.done()).isTrue();
        assertThat(cached().resumedAt()).isEqualTo(START);

        clock.advance(Duration.ofMinutes(29));
        assertThatThrownBy(() -> incidents.setStatus(naming.id(), IncidentStatus.RESOLVED, null, null))
                .isInstanceOf(SitrepException.class)
                .hasMessageContaining("cannot be resolved yet: pn resumed 14:32 UTC: watch until 15:02 UTC (1 min left)");
        assertThat(incidents.resumeWatches(List.of(naming))).containsKey(naming.id());
        assertThat(incidents.show(naming.id()).incident().status()).isEqualTo(IncidentStatus.MITIGATING);
        incidents.setStatus(naming.id(), IncidentStatus.MONITORING, null, null);

        clock.advance(Duration.ofMinutes(1));
        incidents.setStatus(naming.id(), IncidentStatus.RESOLVED, null, null);
        assertThat(incidents.show(naming.id()).incident().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void anIncidentNotNamingThePlatformIsNotHeld() {
        addProfile(false);
        Incident other = incidents.declare(new Declaration("Billing slow", "SEV3", null, List.of(), null, false, null));
        killSwitch.halt("pn", "agents looping", null);
        killSwitch.resume("pn", new ResumeRequest(true, true, true, "lee", "fixed", null), null);
        incidents.setStatus(other.id(), IncidentStatus.RESOLVED, null, null);
        assertThat(incidents.show(other.id()).incident().status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void aResumeMadeElsewhereStartsTheWatchWhenThePullLoopSeesIt() {
        PlatformProfile profile = addProfile(false);
        loop.pullOnce(profile);
        sandbox.haltBySystem("error budget burnt");
        loop.pullOnce(profile);
        assertThat(cached().halted()).isTrue();

        clock.advance(Duration.ofMinutes(3));
        try (PlatformConnector c = connect(profile)) {
            c.resume("minimal", "lee");
        }
        clock.advance(Duration.ofSeconds(30));
        loop.pullOnce(profile);

        assertThat(cached().halted()).isFalse();
        assertThat(cached().resumedAt()).as("the resume event's time").isEqualTo(START.plus(Duration.ofMinutes(3)));
        assertThatThrownBy(() -> incidents.setStatus(naming.id(), IncidentStatus.RESOLVED, null, null))
                .hasMessageContaining("watch until 15:05 UTC");
    }
}
