package dev.sitrep.wall;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.KillSwitchState;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The wall's model on a real store with an injected clock: what it shows, its pages, and its stale marker. */
class WallModelTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Store store;
    private Services services;
    private IncidentService incidents;
    private WallModel wall;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(2)).build();
        incidents = services.incidents();
        wall = services.wall(ZoneId.of("Europe/Berlin"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Incident declare(String title, String severity) {
        Incident i = incidents.declare(new Declaration(title, severity, null, List.of("pn"), null, false, null));
        clock.advance(Duration.ofMinutes(1));
        return i;
    }

    @Test
    void aPlatformAnotherConsoleHaltedThroughSitrepIsOnThisWallThoughThisConsoleDoesNotConnectToIt() {
        store.write(tx -> tx.teamAudit().insertIfAbsent(new dev.sitrep.core.AuditEntry(0, "a1", clock.instant(),
                "ACTIVATED", "so", "lee", "refunds looping", null, null, null, null, "c".repeat(64)), "team", clock.instant()));
        wall.refresh();

        WallSnapshot s = wall.snapshot(1, 10);

        assertThat(s.halted()).containsExactly("HALTED: so since 14:32 UTC by lee via Sitrep (team record): refunds looping");
        assertThat(s.platforms()).extracting(WallSnapshot.Platform::name).contains("so");
    }

    @Test
    void activeIncidentsOnlyMostSevereFirstWithTheirClocksAndBanners() {
        declare("search slow", "SEV3");
        Incident top = declare("payments failing", "SEV1");
        Incident done = declare("typo", "SEV2");
        incidents.setStatus(done.id(), IncidentStatus.RESOLVED, null, null);
        services.profiles().add(new PlatformProfile("pn", PlatformKind.POWERNODE,
                "http://127.0.0.1:1", null, "e", PlatformProfile.Environment.PRODUCTION, null, List.of(),
                Duration.ofSeconds(30)));
        services.platformStates().confirmed(new KillSwitchState("pn", true, clock.instant(), "maria", "looping",
                clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        wall.refresh();

        WallSnapshot s = wall.snapshot(1, 10);
        assertThat(s.rows()).extracting(WallSnapshot.Row::title).containsExactly("payments failing", "search slow");
        WallSnapshot.Row first = s.rows().get(0);
        assertThat(first.id()).isEqualTo(top.id().value());
        assertThat(first.ramp()).isEqualTo(1);
        assertThat(first.clocks()).extracting(WallSnapshot.Clock::state).contains("late");
        assertThat(first.badges()).contains("HALTED pn");
        assertThat(s.halted()).containsExactly("HALTED: pn since 14:35 UTC by maria: looping");
        assertThat(s.platforms()).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo("halted"));
        assertThat(s.utc()).isEqualTo("14:40 UTC");
        assertThat(s.local()).startsWith("15:40 CET");
        assertThat(s.stale()).isEmpty();
        assertThat(s.drill()).isFalse();
    }

    @Test
    void pagesRotateAndWrapRound() {
        for (int i = 0; i < 5; i++) {
            declare("incident " + i, "SEV2");
        }
        wall.refresh();
        assertThat(wall.snapshot(1, 2).pages()).isEqualTo(3);
        assertThat(wall.snapshot(3, 2).rows()).hasSize(1);
        assertThat(wall.snapshot(4, 2).page()).as("wraps round").isEqualTo(1);
        assertThat(wall.snapshot(1, 2).activeCount()).isEqualTo(5);
    }

    @Test
    void whenReadingStopsTheWallSaysStaleSinceInsteadOfShowingOldDataAsCurrent() {
        declare("payments failing", "SEV1");
        wall.refresh();
        clock.advance(WallModel.STALE_AFTER);
        assertThat(wall.snapshot(1, 10).stale()).as("at the threshold: still current").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        WallSnapshot s = wall.snapshot(1, 10);
        assertThat(s.stale()).as("no good reading for longer than the threshold").isEqualTo("stale since 14:33 UTC");
        assertThat(s.rows()).as("the last good reading, marked").hasSize(1);
        wall.refresh();
        assertThat(wall.snapshot(1, 10).stale()).as("current again").isEmpty();
    }
}
