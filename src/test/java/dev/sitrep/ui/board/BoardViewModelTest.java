package dev.sitrep.ui.board;

import dev.sitrep.board.BoardFilter;
import dev.sitrep.board.Lanes;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.Role;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.ChangePoller;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's lanes, live patches, filters, clocks and badges on a real store with an injected clock. */
class BoardViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Services services;
    private IncidentService incidents;
    private final Map<IncidentId, Instant> sent = new HashMap<>();
    private BoardViewModel model;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(8)).build();
        incidents = services.incidents();
        model = new BoardViewModel(incidents, new DirectExecutor(), clock, ids -> {
            Map<IncidentId, Instant> out = new HashMap<>();
            ids.forEach(id -> {
                if (sent.containsKey(id)) {
                    out.put(id, sent.get(id));
                }
            });
            return out;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Incident declare(String title, String severity) {
        return incidents.declare(new Declaration(title, severity, null, List.of(), null, false, null));
    }

    private void changed(Incident... changed) {
        Set<String> ids = new java.util.HashSet<>();
        for (Incident i : changed) {
            ids.add(i.id().value());
        }
        model.onChanges(new ChangePoller.Changes(ids, false));
    }

    @Test
    void anEmptyWorkspaceShowsTheWelcome() {
        model.refresh();
        assertThat(model.workspaceEmptyProperty().get()).isTrue();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void oneLanePerLevelMostSevereFirstThenUnmapped() {
        Incident low = declare("low", "SEV4");
        Incident high = declare("high", "SEV1");
        clock.advance(Duration.ofMinutes(1));
        Incident higher = declare("higher", "SEV1");
        model.refresh();
        assertThat(model.laneKeys()).containsExactly("SEV0", "SEV1", "SEV2", "SEV3", "SEV4", Lanes.UNMAPPED);
        assertThat(model.lane("SEV1")).extracting(Incident::id).as("newest first").containsExactly(higher.id(), high.id());
        assertThat(model.lane("SEV4")).extracting(Incident::id).containsExactly(low.id());
        assertThat(model.summaryProperty().get()).isEqualTo("3 active · 3 shown");
    }

    @Test
    void aSeverityTheScaleDoesNotKnowGoesToUnmappedNeverDropped() {
        Incident old = declare("old outage", "SEV0");
        incidents.setStatus(old.id(), IncidentStatus.DECLINED, "duplicate", null);
        incidents.switchScale(SeverityScales.FOUR_LEVEL);
        model.filterProperty().set(model.filterProperty().get().withScope(BoardFilter.Scope.ALL));
        assertThat(model.laneKeys()).containsExactly("SEV1", "SEV2", "SEV3", "SEV4", Lanes.UNMAPPED);
        assertThat(model.lane(Lanes.UNMAPPED)).extracting(Incident::id).containsExactly(old.id());
    }

    @Test
    void aChangeIsPatchedInPlaceKeepingTheOtherCardsAndThePosition() {
        Incident a = declare("a", "SEV2");
        clock.advance(Duration.ofMinutes(1));
        Incident b = declare("b", "SEV2");
        model.refresh();
        var lane = model.lane("SEV2");
        List<String> changes = new ArrayList<>();
        lane.addListener((ListChangeListener<Incident>) c -> {
            while (c.next()) {
                changes.add(c.wasReplaced() ? "replaced " + c.getFrom() : c.wasAdded() ? "added " + c.getFrom()
                        : "removed " + c.getFrom());
            }
        });
        incidents.assign(a.id(), Role.COMMANDER, "lee");
        changed(a);
        assertThat(model.lane("SEV2")).isSameAs(lane);
        assertThat(lane.get(1).commander()).isEqualTo("lee");
        assertThat(changes).containsExactly("replaced 1");

        changes.clear();
        incidents.setSeverity(a.id(), "SEV1", "checkout down for everyone");
        changed(a);
        assertThat(model.lane("SEV1")).extracting(Incident::id).containsExactly(a.id());
        assertThat(lane).extracting(Incident::id).containsExactly(b.id());
        assertThat(changes).containsExactly("removed 1");
    }

    @Test
    void anIncidentDeclaredElsewhereAppearsInItsLane() {
        model.refresh();
        assertThat(model.workspaceEmptyProperty().get()).isTrue();
        Incident fromCli = declare("declared by the CLI", "SEV3");
        changed(fromCli);
        assertThat(model.lane("SEV3")).extracting(Incident::title).containsExactly("declared by the CLI");
        assertThat(model.workspaceEmptyProperty().get()).isFalse();
    }

    @Test
    void aResolvedIncidentStaysDimmedForAnHourThenLeaves() {
        Incident i = declare("fixed", "SEV2");
        model.refresh();
        clock.advance(Duration.ofMinutes(10));
        incidents.setStatus(i.id(), IncidentStatus.RESOLVED, null, null);
        changed(i);
        Incident shown = model.lane("SEV2").get(0);
        assertThat(model.dimmed(shown)).isTrue();
        assertThat(model.badges(shown)).contains("postmortem due Fri 27 Nov");
        clock.advance(Duration.ofMinutes(59));
        model.tick();
        assertThat(model.lane("SEV2")).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        model.tick();
        assertThat(model.lane("SEV2")).isEmpty();
        model.filterProperty().set(model.filterProperty().get().withScope(BoardFilter.Scope.UNFINISHED));
        assertThat(model.lane("SEV2")).as("still unfinished: awaiting its postmortem").hasSize(1);
    }

    @Test
    void filtersByServiceAndMine() {
        incidents.declare(new Declaration("checkout slow", "SEV2", "checkout", List.of(), null, false, null));
        Incident billing = incidents.declare(new Declaration("billing down", "SEV1", "billing", List.of(), "lee", false,
                null));
        model.refresh();
        assertThat(model.services()).containsExactly("billing", "checkout");
        model.filterProperty().set(model.filterProperty().get().withService("Billing"));
        assertThat(model.rows()).extracting(Incident::id).containsExactly(billing.id());
        model.filterProperty().set(model.filterProperty().get().withService(null).withMineOnly(true));
        assertThat(model.rows()).extracting(Incident::title).containsExactly("checkout slow");
    }

    @Test
    void anOverdueClockIsReportedOnceAndAnUpdateSentResetsTheUpdateClock() {
        Incident i = declare("Checkout 5xx", "SEV1");
        model.refresh();
        List<String> alerts = new ArrayList<>();
        model.onOverdue(alerts::add);
        clock.advance(Duration.ofMinutes(4));
        model.tick();
        assertThat(alerts).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        model.tick();
        model.tick();
        assertThat(alerts).as("two clocks late in the same second: one notice, said once")
                .containsExactly("2 clocks overdue, first: " + i.id() + " SEV1 Checkout 5xx: ack overdue since 14:37 UTC");
        incidents.markMilestone(i.id(), Milestone.FIRST_COMMUNICATION, null);
        changed(i);
        assertThat(model.clocks(model.lane("SEV1").get(0)).nextUpdate().orElseThrow().due())
                .as("the cadence counts from the first communication").isEqualTo(Instant.parse("2026-11-22T14:52:00Z"));
        clock.advance(Duration.ofMinutes(15));
        model.tick();
        assertThat(alerts).hasSize(2).last().asString()
                .isEqualTo(i.id() + " SEV1 Checkout 5xx: update overdue since 14:52 UTC");

        sent.put(i.id(), clock.instant());
        changed(i);
        assertThat(model.clocks(model.lane("SEV1").get(0)).nextUpdate().orElseThrow().due())
                .as("an update sent restarts it").isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void badgesSayHaltedPlatformsInWords() {
        Incident i = incidents.declare(new Declaration("agents looping", "SEV1", null, List.of("pn", "wv"), null, true,
                null));
        services.platformStates().confirmed(new KillSwitchState("pn", true, clock.instant(), "maria", "looping",
                clock.instant()));
        Map<String, PlatformStatus> states = new HashMap<>();
        services.platformStates().all().forEach(s -> states.put(s.name(), s));
        model.setPlatforms(states);
        model.refresh();
        assertThat(model.badges(model.lane("SEV1").get(0))).containsExactly("HALTED pn", "DRILL");
    }

    @Test
    void aScaleChangeWhileIncidentsAreOpenLaysTheBoardOutAgain() {
        Incident i = declare("checkout down", "SEV1");
        model.refresh();
        incidents.switchScale(SeverityScales.PRIORITY);
        model.onChanges(new ChangePoller.Changes(Set.of(), true));
        assertThat(model.laneKeys()).containsExactly("P0", "P1", "P2", "P3", Lanes.UNMAPPED);
        assertThat(model.lane("P0")).extracting(Incident::id).containsExactly(i.id());
        assertThat(model.clocks(model.lane("P0").get(0)).acknowledge()).isPresent();
    }
}
