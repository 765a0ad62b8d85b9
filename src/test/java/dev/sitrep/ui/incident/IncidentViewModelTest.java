package dev.sitrep.ui.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
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
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Services services;
    private IncidentService incidents;
    private IncidentViewModel model;
    private Incident incident;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(4)).build();
        incidents = services.incidents();
        model = new IncidentViewModel(incidents, new DirectExecutor(), clock, ZoneId.of("Europe/Berlin"));
        incident = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        clock.advance(Duration.ofMinutes(5));
        model.load(incident.id());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void loadShowsTheSeverityDefinitionMilestonesAndTimelineWithUtcAndLocalTimes() {
        assertThat(model.severityDefinitionProperty().get()).startsWith("SEV2: Degraded performance")
                .contains("update every 30 min");
        assertThat(model.milestones()).contains("detected: 14:32 UTC (15:32 CET) · 22 Nov 2026", "acknowledged: not yet");
        assertThat(model.timeline()).singleElement().satisfies(row -> {
            assertThat(row.when()).isEqualTo("14:32 UTC (15:32 CET) · 22 Nov 2026");
            assertThat(row.type()).isEqualTo("declared");
            assertThat(row.actor()).isEqualTo("maria");
        });
    }

    @Test
    void nextStatusesAndSeveritiesLeaveOutTheCurrentOnes() {
        assertThat(model.nextStatuses()).doesNotContain(IncidentStatus.INVESTIGATING, IncidentStatus.CLOSED)
                .contains(IncidentStatus.MITIGATING, IncidentStatus.RESOLVED);
        assertThat(model.severities()).doesNotContain("SEV2").contains("SEV1");
    }

    @Test
    void aNoteIsAppendedAndTheBoxCleared() {
        model.noteTextProperty().set("pool at 100%");
        model.submitNote();
        assertThat(model.timeline()).extracting(TimelineRow::text).contains("pool at 100%");
        assertThat(model.noteTextProperty().get()).isEmpty();
        assertThat(model.noteErrorProperty().get()).isEmpty();
    }

    @Test
    void aBackdatedNoteSortsWhereItHappened() {
        model.noteTextProperty().set("first alert");
        model.noteAtProperty().set("14:30 UTC");
        model.submitNote();
        assertThat(model.timeline().get(0).text()).isEqualTo("first alert");
        assertThat(model.noteAtProperty().get()).isEmpty();
    }

    @Test
    void aBackdatedNoteSaysSoAndWhenItWasRecorded() {
        model.noteTextProperty().set("first alert");
        model.noteAtProperty().set("14:30 UTC");
        model.submitNote();
        model.noteTextProperty().set("pool at 100%");
        model.submitNote();
        clock.advance(Duration.ofSeconds(50));
        incidents.note(incident.id(), "rollback started", clock.instant().minusSeconds(40));
        model.load(incident.id());

        assertThat(model.timeline()).filteredOn(r -> r.text().equals("first alert")).singleElement()
                .satisfies(r -> assertThat(r.when()).isEqualTo(
                        "14:30 UTC (15:30 CET) · 22 Nov 2026 (backdated, recorded 14:37 UTC)"));
        assertThat(model.timeline()).filteredOn(r -> !r.text().equals("first alert"))
                .as("recorded when it happened, or within a minute of it").extracting(TimelineRow::when)
                .noneMatch(w -> w.contains("backdated"));
    }

    @Test
    void anEmptyNoteIsRefusedInline() {
        model.submitNote();
        assertThat(model.noteErrorProperty().get()).contains("Write the note first");
        assertThat(model.timeline()).hasSize(1);
    }

    @Test
    void anUnreadableTimeIsRefusedInlineAndTheNoteKept() {
        model.noteTextProperty().set("rollback started");
        model.noteAtProperty().set("around two");
        model.submitNote();
        assertThat(model.noteErrorProperty().get()).contains("around two").contains("14:32 UTC");
        assertThat(model.noteTextProperty().get()).isEqualTo("rollback started");
        assertThat(model.timeline()).hasSize(1);
    }

    @Test
    void severityChangeWithoutReasonIsRefusedInline() {
        model.changeSeverity("SEV1");
        assertThat(model.changeErrorProperty().get()).contains("needs a reason");
        assertThat(model.incidentProperty().get().severity()).isEqualTo("SEV2");
    }

    @Test
    void severityChangeWithReasonLandsOnTheTimeline() {
        model.changeReasonProperty().set("all regions down");
        model.changeSeverity("SEV1");
        assertThat(model.incidentProperty().get().severity()).isEqualTo("SEV1");
        assertThat(model.timeline()).extracting(TimelineRow::text).anyMatch(t -> t.contains("all regions down"));
        assertThat(model.changeReasonProperty().get()).isEmpty();
    }

    @Test
    void statusChangeUpdatesTheIncidentAndItsChoices() {
        model.changeStatus(IncidentStatus.RESOLVED);
        assertThat(model.incidentProperty().get().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(model.nextStatuses()).contains(IncidentStatus.CLOSED);
    }

    @Test
    void hypothesisNeedsAWholePercentage() {
        model.hypothesisTextProperty().set("pool exhaustion");
        model.hypothesisConfidenceProperty().set("very");
        model.addHypothesis();
        assertThat(model.changeErrorProperty().get()).contains("0 to 100");
        model.hypothesisConfidenceProperty().set("85%");
        model.addHypothesis();
        assertThat(model.timeline()).extracting(TimelineRow::text).contains("Hypothesis (85% confident): pool exhaustion");
    }

    @Test
    void changesFromElsewhereReloadOnlyTheOpenIncident() {
        incidents.note(incident.id(), "written by the CLI", null);
        model.onChanges(new ChangePoller.Changes(Set.of("INC-20261122-1432-ZZZZ"), false));
        assertThat(model.timeline()).hasSize(1);
        model.onChanges(new ChangePoller.Changes(Set.of(incident.id().value()), false));
        assertThat(model.timeline()).extracting(TimelineRow::text).contains("written by the CLI");
    }

    @Test
    void aCorrectedEntryIsMarkedSuperseded() {
        var note = incidents.note(incident.id(), "rollback at 14:40", null);
        incidents.amend(incident.id(), note.id(), "rollback at 14:36", null);
        model.load(incident.id());
        assertThat(model.timeline()).filteredOn(TimelineRow::superseded).extracting(TimelineRow::text)
                .containsExactly("rollback at 14:40");
        assertThat(model.timeline()).filteredOn(TimelineRow::correction).extracting(TimelineRow::text)
                .containsExactly("rollback at 14:36");
    }

    @Test
    void aResumeOfANamedPlatformShowsTheWatchCountingDownAndHoldsResolving() {
        Incident onPn = incidents.declare(new dev.sitrep.incident.Declaration("Agents looping", "SEV1", null,
                java.util.List.of("pn"), null, false, null));
        services.platformStates().resumed(new dev.sitrep.platform.KillSwitchState("pn", false, null,
                null, null, clock.instant()), null);
        model.load(onPn.id());
        assertThat(model.resumeWatchProperty().get())
                .isEqualTo("Resume watch: pn resumed 14:37 UTC: watch until 15:07 UTC (30 min left). "
                        + "Resolving waits until the watch ends.");

        model.changeStatus(IncidentStatus.RESOLVED);
        assertThat(model.changeErrorProperty().get()).contains("cannot be resolved yet");

        clock.advance(Duration.ofMinutes(20));
        model.tick();
        assertThat(model.resumeWatchProperty().get()).contains("(10 min left)");
        clock.advance(Duration.ofMinutes(10));
        model.tick();
        assertThat(model.resumeWatchProperty().get()).as("the watch is over").isEmpty();
        model.changeStatus(IncidentStatus.RESOLVED);
        assertThat(model.changeErrorProperty().get()).isEmpty();
    }

    @Test
    void theImpactSetInTheConsoleIsStoredOnTheTimelineAndFillsTheNextInternalUpdate() {
        String before = new dev.sitrep.comms.UpdateComposer(incidents.scale(), java.util.Optional.empty())
                .compose(dev.sitrep.comms.BuiltInTemplates.INTERNAL, incidents.show(incident.id()), clock.instant()).text();
        assertThat(before).contains("Impact: (not set)");

        model.impactTextProperty().set("  EU checkout fails for 30% of users ");
        model.saveImpact();

        assertThat(model.impactErrorProperty().get()).isEmpty();
        assertThat(incidents.show(incident.id()).incident().impact()).isEqualTo("EU checkout fails for 30% of users");
        assertThat(model.incidentProperty().get().impact()).isEqualTo("EU checkout fails for 30% of users");
        assertThat(model.timeline()).extracting(TimelineRow::type, TimelineRow::text)
                .contains(org.assertj.core.groups.Tuple.tuple("impact", "Impact: EU checkout fails for 30% of users"));
        assertThat(model.impactTextProperty().get()).isEqualTo("EU checkout fails for 30% of users");
        String after = new dev.sitrep.comms.UpdateComposer(incidents.scale(), java.util.Optional.empty())
                .compose(dev.sitrep.comms.BuiltInTemplates.INTERNAL, incidents.show(incident.id()), clock.instant()).text();
        assertThat(after).contains("Impact: EU checkout fails for 30% of users")
                .doesNotContain("Impact: (not set)");
    }

    @Test
    void anEmptyImpactIsRefusedInlineWithTheServicesMessageAndNothingIsStored() {
        model.impactTextProperty().set("   ");
        model.saveImpact();
        assertThat(model.impactErrorProperty().get()).isEqualTo("The impact is empty; write what happened.");
        assertThat(incidents.show(incident.id()).incident().impact()).isNull();
        assertThat(model.timeline()).hasSize(1);
    }

    @Test
    void anImpactSetElsewhereShowsUpUnlessTheCommanderIsTypingOne() {
        incidents.setImpact(incident.id(), "Logins fail for everyone");
        model.onChanges(new ChangePoller.Changes(Set.of(incident.id().value()), false));
        assertThat(model.impactTextProperty().get()).isEqualTo("Logins fail for everyone");

        model.impactTextProperty().set("Logins fail for 10% of users");
        incidents.setImpact(incident.id(), "Logins fail for most users");
        model.onChanges(new ChangePoller.Changes(Set.of(incident.id().value()), false));
        assertThat(model.incidentProperty().get().impact()).isEqualTo("Logins fail for most users");
        assertThat(model.impactTextProperty().get()).as("what the commander is typing is kept")
                .isEqualTo("Logins fail for 10% of users");
    }
}
