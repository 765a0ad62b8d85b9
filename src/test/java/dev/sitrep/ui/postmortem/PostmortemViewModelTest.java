package dev.sitrep.ui.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.postmortem.ActionItems;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.postmortem.TextDiff;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.ChangePoller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's logic on a real store: autosave cadence, focus-loss saves, conflicts, revisions, action items. */
class PostmortemViewModelTest {

    @TempDir
    Path dir;
    private dev.sitrep.postmortem.PostmortemExports exports;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T16:00:00Z"));
    private Store store;
    private IncidentService incidents;
    private Postmortems postmortems;
    private ActionItems actions;
    private Incident incident;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).zone(ZoneId.of("UTC")).random(new Random(1))
                .evidenceLimit(() -> 1L << 20).build();
        incidents = services.incidents();
        postmortems = services.postmortems();
        actions = services.actionItems();
        exports = services.postmortemExports();
        incident = incidents.declare(Declaration.titled("Checkout 5xx"));
        incidents.setStatus(incident.id(), IncidentStatus.RESOLVED, null, null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PostmortemViewModel model() {
        PostmortemViewModel model = new PostmortemViewModel(postmortems, actions, exports, incidents, new DirectExecutor(), clock);
        model.loadIncidents(null);
        return model;
    }

    private String saved(String key) {
        return postmortems.open(incident.id()).postmortem().section(key).orElseThrow().markdown();
    }

    @Test
    void aChangeIsSavedAFewSecondsAfterTheLastSaveAndAtOnceWhenFocusLeaves() {
        PostmortemViewModel model = model();
        assertThat(model.docProperty().get().title()).startsWith("Incident 2026-11-22: Checkout 5xx");
        assertThat(model.saveStateProperty().get()).isEqualTo("Draft from the record, not saved yet");

        model.setSection("went_well", "Paging worked.");
        model.tick();
        assertThat(saved("went_well")).as("the first change is saved at the next tick").isEqualTo("Paging worked.");
        model.setSection("went_well", "Paging worked within a minute.");
        clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(saved("went_well")).as("not yet: 1 s after the last save").isEqualTo("Paging worked.");
        clock.advance(Duration.ofSeconds(2));
        model.tick();
        assertThat(saved("went_well")).isEqualTo("Paging worked within a minute.");
        assertThat(model.saveStateProperty().get()).isEqualTo("Saved 16:00:03 UTC");

        model.setWhy(0, "The pool was too small");
        model.flush(Postmortems.AUTOSAVE);
        assertThat(postmortems.open(incident.id()).postmortem().fiveWhys().get(0)).isEqualTo("The pool was too small");
        assertThat(model.dirty()).isFalse();
    }

    @Test
    void aConcurrentSaveIsShownAndEitherSideCanWin() {
        PostmortemViewModel mine = model();
        PostmortemViewModel theirs = model();
        theirs.setSection("lessons", "theirs");
        theirs.flush("closed the editor");
        mine.setSection("lessons", "mine");
        mine.flush(Postmortems.AUTOSAVE);
        assertThat(mine.conflictProperty().get()).isTrue();
        assertThat(shown(mine)).contains("saved elsewhere by maria");
        assertThat(saved("lessons")).isEqualTo("theirs");

        mine.keepMine();
        assertThat(saved("lessons")).isEqualTo("mine");
        assertThat(mine.conflictProperty().get()).isFalse();

        theirs.onChanges(new ChangePoller.Changes(Set.of(incident.id().value()), false));
        assertThat(theirs.docProperty().get().section("lessons").orElseThrow().markdown())
                .as("an unchanged editor follows a save made elsewhere").isEqualTo("mine");
    }

    @Test
    void revisionsCompareAgainstTheEditorAndRestore() {
        PostmortemViewModel model = model();
        model.setSection("root_cause", "Unknown yet");
        model.flush("closed the editor");
        clock.advance(Duration.ofMinutes(5));
        model.setSection("root_cause", "Deploy 4412 halved the pool");
        model.flush("closed the editor");
        model.loadRevisions();
        assertThat(model.revisions()).hasSize(2);

        List<List<TextDiff.Line>> diff = new ArrayList<>();
        model.compare(model.revisions().get(1), diff::add);
        assertThat(diff.get(0)).filteredOn(l -> l.kind() != TextDiff.Kind.SAME).extracting(l -> l.kind() + " " + l.text())
                .containsExactly("REMOVED Unknown yet", "ADDED Deploy 4412 halved the pool");

        model.restore(model.revisions().get(1));
        assertThat(model.docProperty().get().section("root_cause").orElseThrow().markdown()).isEqualTo("Unknown yet");
        assertThat(model.revisions()).hasSize(3);
    }

    @Test
    void publishingSavesAVersionMarkedPublished() {
        PostmortemViewModel model = model();
        model.setSection("lessons", "Watch the pool.");
        model.publish();
        assertThat(shown(model)).startsWith("Published");
        assertThat(postmortems.revisions(incident.id()).get(0).reason()).isEqualTo(Postmortems.PUBLISHED);
        assertThat(saved("lessons")).isEqualTo("Watch the pool.");
        assertThat(model.dirty()).isFalse();
    }

    @Test
    void aRowForTheFirstSymptomAndActionItems() {
        PostmortemViewModel model = model();
        Instant symptom = Instant.parse("2026-11-22T15:40:00Z");
        model.addRow(symptom, "First 502s in the edge logs", PostmortemMilestone.FIRST_SYMPTOM);
        Postmortem p = model.docProperty().get();
        assertThat(p.timeline().get(0).text()).isEqualTo("First 502s in the edge logs");
        assertThat(p.start()).contains(symptom);
        model.addRow(symptom, " ", null);
        assertThat(failed(model)).isTrue();

        assertThat(model.addAction(" ", "lee", LocalDate.of(2026, 11, 27))).isFalse();
        assertThat(shown(model)).startsWith("Nothing added: the Action field is empty.");
        assertThat(model.actionItems()).isEmpty();
        assertThat(model.addAction("Alert on pool saturation", "lee", LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(model.actionItems()).singleElement().satisfies(a -> assertThat(a.owner()).isEqualTo("lee"));
        model.updateAction(model.actionItems().get(0), null, null, null, ActionItem.Status.DONE);
        assertThat(model.actionItems().get(0).status()).isEqualTo(ActionItem.Status.DONE);
        assertThat(model.markdown()).contains("| Alert on pool saturation | lee | 2026-11-27 | done |");
    }

    /** The message line as the view shows it: the failure, else what was done. */
    private static String shown(PostmortemViewModel m) {
        return m.status().failureOr(m.noticeProperty()).get();
    }

    private static boolean failed(PostmortemViewModel m) {
        return !m.status().failureProperty().get().isEmpty();
    }
}
