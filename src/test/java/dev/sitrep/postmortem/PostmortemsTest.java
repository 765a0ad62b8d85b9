package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.Postmortem;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.workspace.WorkspaceSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saving, versions, revisions, restores and action items on a real store. */
class PostmortemsTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Store store;
    private IncidentService incidents;
    private Postmortems postmortems;
    private ActionItems actions;
    private WorkspaceSettings settings;
    private Incident incident;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).zone(ZoneId.of("Europe/Berlin"))
                .random(new Random(1)).evidenceLimit(() -> 1L << 20).build();
        incidents = services.incidents();
        settings = services.settings();
        postmortems = services.postmortems();
        actions = services.actionItems();
        incident = incidents.declare(Declaration.titled("Checkout 5xx"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDraftIsOpenedUntilSavedThenTheSavedTextComesBack() {
        settings.setPostmortemSections(List.of("Customer follow-up", " ", "Customer follow-up"), "maria");
        Postmortems.Opened first = postmortems.open(incident.id());
        assertThat(first.saved()).isFalse();
        assertThat(first.postmortem().sections()).extracting(Postmortem.Section::title).endsWith("Customer follow-up")
                .hasSize(7);
        Postmortem edited = first.postmortem().withSection("went_well", "Paging worked within a minute.");
        long v1 = postmortems.save(edited, 0, Postmortems.AUTOSAVE);
        assertThat(v1).isEqualTo(1);
        Postmortems.Opened again = postmortems.open(incident.id());
        assertThat(again.version()).isEqualTo(1);
        assertThat(again.savedBy()).isEqualTo("maria");
        assertThat(again.postmortem()).isEqualTo(edited);
    }

    @Test
    void aSaveOverAnOlderVersionIsRefusedAndOverwritesNothing() {
        Postmortem doc = postmortems.open(incident.id()).postmortem();
        postmortems.save(doc.withSection("lessons", "mine"), 0, Postmortems.AUTOSAVE);
        assertThatThrownBy(() -> postmortems.save(doc.withSection("lessons", "theirs"), 0, Postmortems.AUTOSAVE))
                .hasMessageContaining("was saved elsewhere by maria").hasMessageContaining("Nothing was overwritten");
        assertThat(postmortems.open(incident.id()).postmortem().section("lessons").orElseThrow().markdown())
                .isEqualTo("mine");
    }

    @Test
    void autosavesLeaveARevisionAMinuteOtherSavesAlwaysAndARestoreIsANewVersion() {
        Postmortem doc = postmortems.open(incident.id()).postmortem();
        long v = 0;
        for (int i = 1; i <= 30; i++) { // 30 autosaves, 3 s apart: 90 s
            v = postmortems.save(doc.withSection("what_happened", "draft " + i), v, Postmortems.AUTOSAVE);
            clock.advance(Duration.ofSeconds(3));
        }
        assertThat(v).isEqualTo(30);
        assertThat(postmortems.revisions(incident.id())).extracting(Postmortems.RevisionInfo::version)
                .containsExactly(21L, 1L);
        v = postmortems.save(doc.withSection("what_happened", "closed"), v, "closed the editor");
        List<Postmortems.RevisionInfo> revisions = postmortems.revisions(incident.id());
        assertThat(revisions).extracting(Postmortems.RevisionInfo::reason)
                .containsExactly("closed the editor", Postmortems.AUTOSAVE, Postmortems.AUTOSAVE);

        String older = revisions.get(2).id();
        assertThat(postmortems.revision(older).section("what_happened").orElseThrow().markdown()).isEqualTo("draft 1");
        long restored = postmortems.restore(older, v);
        assertThat(restored).isEqualTo(v + 1);
        assertThat(postmortems.open(incident.id()).postmortem().section("what_happened").orElseThrow().markdown())
                .isEqualTo("draft 1");
        assertThat(postmortems.revisions(incident.id()).get(0).reason()).startsWith("restored version 1 of ");

        List<TextDiff.Line> diff = TextDiff.lines(
                PostmortemMarkdown.render(postmortems.revision(revisions.get(0).id()), List.of()),
                PostmortemMarkdown.render(postmortems.revision(older), List.of()));
        assertThat(diff).filteredOn(l -> l.kind() != TextDiff.Kind.SAME).extracting(l -> l.kind() + " " + l.text())
                .containsExactly("REMOVED closed", "ADDED draft 1");
    }

    @Test
    void actionItemsAreOnTheTimelineAndFollowUpsPutTheOverdueFirst() {
        Incident other = incidents.declare(Declaration.titled("Search slow"));
        ActionItem later = actions.add(incident.id(), "Alert on pool saturation", "lee", LocalDate.of(2026, 12, 1));
        ActionItem overdue = actions.add(other.id(), "Update runbook section DB failover", "ana", LocalDate.of(2026, 11, 20));
        ActionItem undated = actions.add(incident.id(), "Load test the checkout pool", null, null);
        ActionItem done = actions.add(other.id(), "Roll back deploy 4412", "maria", LocalDate.of(2026, 11, 1));
        actions.update(done.id(), null, null, null, ActionItem.Status.DONE);
        assertThatThrownBy(() -> actions.add(incident.id(), "  ", null, null)).hasMessageContaining("action");

        assertThat(actions.followUps(false)).extracting(ActionItem::id)
                .containsExactly(overdue.id(), later.id(), undated.id(), done.id());
        assertThat(actions.followUps(true)).extracting(ActionItem::id).containsExactly(overdue.id());
        ActionItem moved = actions.update(overdue.id(), null, "bo", LocalDate.of(2026, 11, 30), ActionItem.Status.IN_PROGRESS);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(moved.owner()).isEqualTo("bo");
        assertThat(actions.followUps(true)).isEmpty();
        assertThat(incidents.show(other.id()).timeline()).extracting(e -> e.text())
                .contains("Action item: Update runbook section DB failover (owner ana), due 2026-11-20",
                        "Action item done: Roll back deploy 4412", "Action item in progress: Update runbook section DB failover");
        assertThatThrownBy(() -> actions.update("nope", null, null, null, ActionItem.Status.DONE))
                .hasMessageContaining("No action item nope");
    }
}
