package dev.sitrep.sync;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.SyncBacklog;
import dev.sitrep.core.TeamJson;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.OutboxRepository;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console keeps to the team contract's limits (platform-api.md, "Limits") against the sandbox
 * on loopback: a change over them is refused where it is made, before it is queued; one queued
 * before (by an older version, or the first sync's backfill) is set aside with its reason, visible
 * and never sent, and the changes after it go.
 */
class TeamSyncLimitsTest {

    private static final String TEAM = "team";

    @TempDir
    Path dir;
    private SandboxServer sandbox;
    private Store store;
    private Services services;
    private PlatformProfile profile;

    @BeforeEach
    void open() throws IOException {
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        store = Store.open(dir);
        services = TestServices.on(store, "ana").clock(Clock.systemUTC())
                .variables(Map.of("SITREP_SECRET_TEAM", SandboxServer.TEAM_TOKEN)).build();
        profile = new PlatformProfile(TEAM, PlatformKind.SITREP, sandbox.url().toString(), null, null,
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30));
        services.profiles().add(profile);
    }

    @AfterEach
    void close() {
        store.close();
        sandbox.close();
    }

    @Test
    void aChangeOverTheLimitsIsRefusedWhereItIsMadeNamingTheFieldAndTheLimit() {
        Incident incident = services.incidents().declare(Declaration.titled("Checkout 5xx"));
        int queued = waiting().pending();
        Postmortem huge = services.postmortems().open(incident.id()).postmortem()
                .withSection("lessons", "l".repeat(2_200_000));

        assertThatThrownBy(() -> store.write(tx -> {
            tx.outbox().enqueue("event", "e".repeat(300), () -> "{}", Instant.now());
            return null;
        })).isInstanceOf(SitrepException.class).hasMessageContaining("\"id\" is 300 characters")
                .hasMessageContaining("the limit is 40");
        assertThatThrownBy(() -> services.postmortems().publish(huge, 0)).isInstanceOf(SitrepException.class)
                .hasMessageContaining("body.doc is 22").hasMessageContaining("characters as JSON; the limit is 1000000");
        assertThatThrownBy(() -> services.incidents().setImpact(incident.id(), "i".repeat(4_001)))
                .isInstanceOf(SitrepException.class).hasMessageContaining("impact is 4001 characters")
                .hasMessageContaining("the limit is 4000");
        assertThat(waiting().pending()).as("nothing more queued").isEqualTo(queued);
        assertThat(services.postmortems().withPostmortem()).as("nor published here").isEmpty();
    }

    @Test
    void aQueuedChangeOverTheLimitsIsSetAsideWithItsReasonAndTheChangesAfterItGo() {
        Incident incident = services.incidents().declare(Declaration.titled("Checkout 5xx"));
        services.incidents().note(incident.id(), "before", null);
        Instant now = Instant.now();
        TimelineEvent old = new TimelineEvent("e".repeat(60), incident.id(), EventType.NOTE, "queued long ago", "ana",
                now, now, null, Map.of());
        store.write(tx -> {
            tx.outbox().enqueueTo(TEAM, "event", old.id(), TeamJson.event(old).toString(), now);
            return null;
        });
        services.incidents().note(incident.id(), "after", null);

        TeamSync.Report first = services.teamSync().cycle(profile);
        TeamSync.Report second = services.teamSync().cycle(profile);

        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.describe()).contains("1 refused for good").contains("event " + old.id())
                .contains("\"id\" is 60 characters; the limit is 40");
        assertThat(sandbox.team().events(incident.id().value()).values()).extracting(e -> e.path("text").asText())
                .as("the changes before and after it went").contains("before", "after")
                .doesNotContain("queued long ago");
        assertThat(second.rejected()).as("not sent again").isZero();
        assertThat(waiting().pending()).isZero();
        assertThat(waiting().rejected()).as("kept aside, counted in the status bar").isEqualTo(1);
        List<OutboxRepository.Row> aside = store.read(tx -> tx.outbox().rejected(TEAM));
        assertThat(aside).singleElement().satisfies(r -> assertThat(r.lastError())
                .contains("\"id\" is 60 characters; the limit is 40"));
    }

    private SyncBacklog waiting() {
        return services.teamSync().waiting(List.of(profile)).get(TEAM);
    }
}
