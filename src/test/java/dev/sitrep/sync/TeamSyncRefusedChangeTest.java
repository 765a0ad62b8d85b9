package dev.sitrep.sync;

import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.Declaration;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform that refuses a whole push because of one change it will never take (a 400 naming the
 * change): the console sets that change aside with the platform's reason and sends the rest, so
 * one change can never stop a console's sync for good.
 */
class TeamSyncRefusedChangeTest {

    private static final String TEAM = "team";

    @TempDir
    Path dir;
    private SandboxServer sandbox;
    private Store store;
    private Services services;

    @BeforeEach
    void open() throws Exception {
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        store = Store.open(dir);
        services = TestServices.on(store, "ana").clock(Clock.systemUTC())
                .variables(Map.of("SITREP_SECRET_TEAM", SandboxServer.TEAM_TOKEN)).build();
        services.profiles().add(new PlatformProfile(TEAM, PlatformKind.SITREP, sandbox.url().toString(), null, null,
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30)));
    }

    @AfterEach
    void close() {
        store.close();
        sandbox.close();
    }

    @Test
    void aChangeThePlatformRefusesWholeIsSetAsideAndTheOthersGo() {
        Incident incident = services.incidents().declare(Declaration.titled("Checkout 5xx"));
        services.teamSync().cycle(services.profiles().get(TEAM));
        Instant now = Instant.now();
        store.write(tx -> {
            tx.outbox().enqueueTo(TEAM, "runbook", "r1", "{\"steps\": []}", now); // a kind this platform does not know
            return null;
        });
        services.incidents().note(incident.id(), "pool at 100%", null);

        TeamSync.Report report = services.teamSync().cycle(services.profiles().get(TEAM));

        assertThat(report.refused()).singleElement().asString().startsWith("runbook r1: ")
                .contains("unknown entity \"runbook\"");
        assertThat(report.pushed()).as("the note after it went").isEqualTo(1);
        assertThat(sandbox.team().events(incident.id().value()).values())
                .anyMatch(e -> e.path("text").asText().equals("pool at 100%"));
        assertThat(services.teamSync().waiting(List.of(services.profiles().get(TEAM))).get(TEAM).pending()).isZero();
    }
}
