package dev.sitrep.ui.board;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.ui.common.ChangePoller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BoardViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private IncidentService incidents;
    private BoardViewModel model;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        incidents = new IncidentService(store, clock, () -> "maria", new Random(8));
        model = new BoardViewModel(incidents, new DirectExecutor(), clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anEmptyWorkspaceShowsTheWelcome() {
        model.refresh();
        assertThat(model.workspaceEmptyProperty().get()).isTrue();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void demoIncidentsAreDrillsWithTimelines() {
        dev.sitrep.incident.DemoWorkspace.load(incidents, clock, "sandbox");
        model.refresh();
        assertThat(model.workspaceEmptyProperty().get()).isFalse();
        assertThat(model.rows()).hasSize(4).allMatch(Incident::drill);
        assertThat(model.rows().get(0).severity()).isEqualTo("SEV1");
        assertThat(incidents.show(model.rows().get(0).id()).timeline()).hasSizeGreaterThan(5);
    }

    @Test
    void activeIncidentsComeFirstMostSevereFirst() {
        Incident low = incidents.declare(new Declaration("low", "SEV4", null, List.of(), null, false, null));
        Incident high = incidents.declare(new Declaration("high", "SEV1", null, List.of(), null, false, null));
        Incident done = incidents.declare(new Declaration("done", "SEV0", null, List.of(), null, false, null));
        incidents.setStatus(done.id(), IncidentStatus.RESOLVED, null, null);
        model.refresh();
        assertThat(model.rows()).extracting(Incident::id).containsExactly(high.id(), low.id(), done.id());
    }

    @Test
    void finishedIncidentsShowOnlyOnRequest() {
        Incident declined = incidents.declare(Declaration.titled("not an incident"));
        incidents.setStatus(declined.id(), IncidentStatus.DECLINED, null, null);
        model.refresh();
        assertThat(model.rows()).isEmpty();
        assertThat(model.workspaceEmptyProperty().get()).as("the workspace has incidents").isFalse();
        model.showFinishedProperty().set(true);
        assertThat(model.rows()).extracting(Incident::id).containsExactly(declined.id());
    }

    @Test
    void aChangeFromElsewhereReloads() {
        model.refresh();
        incidents.declare(Declaration.titled("declared by the CLI"));
        model.onChanges(new ChangePoller.Changes(Set.of("whatever"), false));
        assertThat(model.rows()).extracting(Incident::title).containsExactly("declared by the CLI");
    }
}
