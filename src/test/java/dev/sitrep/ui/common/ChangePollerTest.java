package dev.sitrep.ui.common;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestServices;
import dev.sitrep.workspace.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePollerTest {

    @TempDir
    Path dir;
    private Store store;
    private Services services;
    private IncidentService incidents;
    private ChangePoller poller;
    private final List<ChangePoller.Changes> seen = new ArrayList<>();

    @BeforeEach
    void open() {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").random(new Random(6)).build();
        incidents = services.incidents();
        ChangeFeed feed = services.changes();
        poller = new ChangePoller(feed, new DirectExecutor(), feed.latest());
        poller.addListener(seen::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void nothingChangedNotifiesNobody() {
        poller.poll();
        assertThat(seen).isEmpty();
    }

    @Test
    void aChangeIsReportedOnceWithItsIncident() {
        Incident i = incidents.declare(Declaration.titled("Queue stuck"));
        poller.poll();
        poller.poll();
        assertThat(seen).singleElement().satisfies(c -> {
            assertThat(c.incidents()).containsExactly(i.id().value());
            assertThat(c.settings()).isFalse();
        });
    }

    @Test
    void settingChangesAreFlagged() {
        services.settings().setTheme(Theme.LIGHT, "maria");
        poller.poll();
        assertThat(seen).singleElement().satisfies(c -> assertThat(c.settings()).isTrue());
    }

    @Test
    void aBurstLargerThanOneReadIsReportedWhole() {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 520; n++) {
            ids.add(incidents.declare(Declaration.titled("burst " + n)).id().value());
        }
        poller.poll();
        assertThat(seen).singleElement().satisfies(c -> assertThat(c.incidents()).containsExactlyInAnyOrderElementsOf(ids));
    }
}
