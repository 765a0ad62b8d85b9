package dev.sitrep.sync;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Connectors;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchEvent;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformConnector;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's pull loop and a second consumer of the same workspace (the CLI's
 * {@code sitrep platform status --refresh}) pulling the same platform at the same moment, against
 * the sandbox on loopback: each change of the platform lands on an incident's timeline once (the
 * ESCALATION and "healthy → degraded" were once written twice), also over the polls that follow.
 */
class PullLoopConsumersTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T14:32:00Z"));
    private SandboxServer sandbox;
    private Store store;
    private Services console;
    private Services cli;
    private PlatformProfile profile;
    private Incident naming;
    /** When set, the console's next health read lets the CLI pull in full before it returns. */
    private volatile boolean interleave;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, clock, Duration.ofHours(1));
        store = Store.open(dir);
        Map<String, String> secrets = Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD);
        console = TestServices.on(store, "maria").clock(clock).variables(secrets)
                .connectors(p -> interleaving(Connectors.open(p, console.secrets(), clock)))
                .backoff(new Backoff(new Random(1))).build();
        cli = TestServices.on(store, "sam").clock(clock).variables(secrets)
                .connectors(p -> Connectors.open(p, cli.secrets(), clock)).backoff(new Backoff(new Random(2))).build();
        profile = console.profiles().add(new PlatformProfile("pn", PlatformKind.POWERNODE, sandbox.url().toString(), null,
                SandboxServer.EMAIL, PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30)));
        naming = console.incidents().declare(new Declaration("Agents misbehaving", "SEV1", null, List.of("pn"), null,
                false, null));
        console.pullLoop().pullOnce(profile);
    }

    @AfterEach
    void stop() {
        cli.close();
        console.close();
        store.close();
        sandbox.close();
    }

    @Test
    void aHealthChangeBothConsumersSeeAtOnceIsWrittenOnce() {
        sandbox.setHealth("degraded");
        clock.advance(Duration.ofSeconds(30));
        interleave = true;
        console.pullLoop().pullOnce(profile);
        pollBoth();

        assertThat(texts()).filteredOn(t -> t.contains("→")).containsExactly("pn health healthy → degraded");
    }

    @Test
    void anEscalationBothConsumersSeeAtOnceIsWrittenOnce() {
        sandbox.setHealth("unhealthy");
        clock.advance(Duration.ofSeconds(30));
        interleave = true;
        console.pullLoop().pullOnce(profile);
        pollBoth();

        assertThat(texts()).filteredOn(t -> t.startsWith("ESCALATION")).singleElement()
                .satisfies(t -> assertThat(t).startsWith("ESCALATION on pn: 1 failed health check in a row on production"));
        assertThat(texts()).filteredOn(t -> t.contains("→")).singleElement()
                .satisfies(t -> assertThat(t).startsWith("pn health healthy → unhealthy"));
        assertThat(console.audit().all()).filteredOn(e -> e.action().equals(AuditEntry.ESCALATED)).hasSize(1);
    }

    /** The polls that follow, by each consumer in turn: nothing has changed, so nothing is written. */
    private void pollBoth() {
        clock.advance(Duration.ofSeconds(30));
        console.pullLoop().pullOnce(profile);
        cli.pullLoop().pullOnce(profile);
    }

    private List<String> texts() {
        return console.incidents().show(naming.id()).timeline().stream().map(TimelineEvent::text).toList();
    }

    private PlatformConnector interleaving(PlatformConnector c) {
        return new PlatformConnector() {
            @Override
            public String name() {
                return c.name();
            }

            @Override
            public PlatformKind kind() {
                return c.kind();
            }

            @Override
            public Set<Capability> capabilities() {
                return c.capabilities();
            }

            @Override
            public Health health() {
                Health h = c.health();
                if (interleave) {
                    interleave = false;
                    cli.pullLoop().pullOnce(profile);
                }
                return h;
            }

            @Override
            public KillSwitchState killSwitchStatus() {
                return c.killSwitchStatus();
            }

            @Override
            public List<KillSwitchEvent> killSwitchEvents(int limit) {
                return c.killSwitchEvents(limit);
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }
}
