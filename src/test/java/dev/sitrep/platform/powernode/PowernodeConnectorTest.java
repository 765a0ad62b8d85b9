package dev.sitrep.platform.powernode;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchEvent;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.PlatformUrl;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Powernode connector against the sandbox: real HTTP on loopback. */
class PowernodeConnectorTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private SandboxServer sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, clock, Duration.ofMinutes(15));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private PowernodeConnector connector(String email, String password) {
        JsonHttp http = new JsonHttp("pn", PlatformUrl.parse(sandbox.url().toString()),
                JsonHttp.client(null, Duration.ofSeconds(5)), PowernodeConnector::errorMessage);
        return new PowernodeConnector("pn", http, email, () -> password, clock);
    }

    private PowernodeConnector commander() {
        return connector(SandboxServer.EMAIL, SandboxServer.PASSWORD);
    }

    @Test
    void haltIsConfirmedWithWhoWhyAndSince() {
        PowernodeConnector pn = commander();
        assertThat(pn.killSwitchStatus().halted()).isFalse();
        KillSwitchState halted = pn.halt("agents sending duplicate refunds", "maria");
        assertThat(halted.halted()).isTrue();
        assertThat(halted.reason()).isEqualTo("agents sending duplicate refunds");
        assertThat(halted.by()).isEqualTo("Drill Commander");
        assertThat(halted.since()).isEqualTo(clock.instant());
        assertThat(sandbox.halted()).isTrue();
    }

    @Test
    void haltingWhenAlreadyHaltedAnswersTheHaltedStateNotAnError() {
        PowernodeConnector pn = commander();
        pn.halt("first", "maria");
        KillSwitchState again = pn.halt("second", "sam");
        assertThat(again.halted()).isTrue();
        assertThat(again.reason()).isEqualTo("first");
    }

    @Test
    void resumeFullRestoresAndAResumeWhenRunningIsNoError() {
        PowernodeConnector pn = commander();
        pn.halt("drill", "maria");
        assertThat(pn.restorePreview().agentsToRestore()).isEqualTo(12);
        assertThat(pn.resume("full", "maria").halted()).isFalse();
        assertThat(pn.resume("full", "maria").halted()).isFalse();
        assertThat(pn.restorePreview()).as("no snapshot when running").isNull();
        assertThat(pn.killSwitchEvents(10)).extracting(KillSwitchEvent::type).containsExactly("resume", "halt");
    }

    @Test
    void anUnknownResumeModeIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> commander().resume("everything", "maria")).hasMessageContaining("full")
                .hasMessageContaining("minimal");
    }

    @Test
    void aWrongPasswordShowsThePlatformsOwnMessageAsARefusal() {
        assertThatThrownBy(() -> connector(SandboxServer.EMAIL, "nope").killSwitchStatus())
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("Invalid email or password")
                .extracting(e -> ((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED);
    }

    @Test
    void anAccountWithoutThePermissionIsRefusedWith403() {
        assertThatThrownBy(() -> connector(SandboxServer.VIEWER_EMAIL, SandboxServer.PASSWORD).halt("x", "maria"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("HTTP 403").hasMessageContaining("Permission denied: ai.kill_switch.manage");
    }

    @Test
    void anExpiredTokenLogsInAgain() {
        PowernodeConnector pn = commander();
        pn.killSwitchStatus();
        clock.advance(Duration.ofMinutes(20));
        assertThat(pn.killSwitchStatus().halted()).isFalse();
    }

    @Test
    void a401MidSessionLogsInAgainOnce() {
        PowernodeConnector pn = commander();
        pn.killSwitchStatus();
        sandbox.misbehave(SandboxServer.Fault.UNAUTHORIZED, 1);
        assertThat(pn.halt("after a revoked token", "maria").halted()).isTrue();
    }

    @Test
    void healthFollowsTheSandbox() {
        PowernodeConnector pn = commander();
        assertThat(pn.health().status()).isEqualTo(Health.Status.HEALTHY);
        assertThat(pn.health().version()).isEqualTo("sandbox-1.0");
        sandbox.setHealth("degraded");
        assertThat(pn.health().status()).isEqualTo(Health.Status.DEGRADED);
        sandbox.setHealth("unhealthy");
        Health down = pn.health();
        assertThat(down.status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(down.detail()).contains("not ready");
        assertThat(down.checks()).containsEntry("database", "down");
    }

    @Test
    void aServerErrorIsAnUnreachablePlatform() {
        PowernodeConnector pn = commander();
        pn.killSwitchStatus();
        sandbox.misbehave(SandboxServer.Fault.SERVER_ERROR, 1);
        assertThatThrownBy(pn::killSwitchStatus).isInstanceOf(PlatformException.class)
                .hasMessageContaining("HTTP 500")
                .extracting(e -> ((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE);
    }

    @Test
    void anHtmlPageInsteadOfJsonIsNamed() {
        sandbox.misbehave(SandboxServer.Fault.MALFORMED, 1);
        assertThatThrownBy(() -> commander().health()).hasMessageContaining("not JSON").hasMessageContaining("<html>");
    }

    @Test
    void rateLimitingSaysWhenToRetry() {
        sandbox.misbehave(SandboxServer.Fault.RATE_LIMITED, 1);
        assertThatThrownBy(() -> commander().health()).hasMessageContaining("HTTP 429").hasMessageContaining("retry after 30 s");
    }
}
