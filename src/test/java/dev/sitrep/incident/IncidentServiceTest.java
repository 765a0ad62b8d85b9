package dev.sitrep.incident;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Role;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimelineEvent;
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
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-22T14:32:00Z");

    @TempDir
    Path dir;
    private Store store;
    private final TestClock clock = new TestClock(T0);
    private String operator = "maria";
    private IncidentService incidents;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        incidents = TestServices.on(store, "maria").operator(() -> operator).clock(clock).random(new Random(42)).build()
                .incidents();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void declarationDefaultsToTheScaleDefaultAndTheOperatorAsCommander() {
        Incident i = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        assertThat(i.severity()).isEqualTo("SEV2");
        assertThat(i.commander()).isEqualTo("maria");
        assertThat(i.declaredBy()).isEqualTo("maria");
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.milestones().at(Milestone.DETECTED)).contains(T0);
        assertThat(i.id().value()).startsWith("INC-20261122-1432-");
    }

    @Test
    void declarationIsTheFirstTimelineEntryWithTheActor() {
        Incident i = incidents.declare(new Declaration("Broker down", "sev1", "broker", List.of("cullis", "cullis"), "sam",
                false, T0.minusSeconds(300)));
        TimelineEvent first = incidents.show(i.id()).timeline().get(0);
        assertThat(first.type()).isEqualTo(EventType.DECLARED);
        assertThat(first.actor()).isEqualTo("maria");
        assertThat(first.text()).contains("SEV1").contains("Broker down");
        assertThat(i.platforms()).containsExactly("cullis");
        assertThat(i.milestones().at(Milestone.DETECTED)).contains(T0.minusSeconds(300));
    }

    @Test
    void unknownSeverityIsRefusedAndNothingIsDeclared() {
        assertThatThrownBy(() -> incidents.declare(new Declaration("x", "SEV7", null, List.of(), null, false, null)))
                .hasMessageContaining("SEV0, SEV1, SEV2, SEV3, SEV4");
        assertThat(incidents.list(false)).isEmpty();
    }

    @Test
    void theWorkspaceScaleDecidesTheValidSeverities() throws Exception {
        store.write(tx -> {
            tx.settings().put(WorkspaceSettings.SCALE, SeverityScales.PRIORITY.id(), "maria", T0);
            return null;
        });
        assertThat(incidents.declare(Declaration.titled("Tenant hit")).severity()).isEqualTo("P1");
        assertThatThrownBy(() -> incidents.declare(new Declaration("x", "SEV1", null, List.of(), null, false, null)))
                .hasMessageContaining("P0, P1, P2, P3");
    }

    @Test
    void backdatedNotesSortByWhenTheyHappened() {
        Incident i = incidents.declare(Declaration.titled("Latency spike"));
        clock.advance(Duration.ofMinutes(10));
        incidents.note(i.id(), "first alert fired", T0.minusSeconds(120));
        List<TimelineEvent> timeline = incidents.show(i.id()).timeline();
        assertThat(timeline.get(0).text()).isEqualTo("first alert fired");
        assertThat(timeline.get(0).recordedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void everyEntryRecordsTheActorWhoWroteIt() {
        Incident i = incidents.declare(Declaration.titled("Disk full"));
        operator = "sam";
        incidents.note(i.id(), "cleared /var/log", null);
        assertThat(incidents.show(i.id()).timeline()).extracting(TimelineEvent::actor).containsExactly("maria", "sam");
    }

    @Test
    void severityChangeNeedsAReasonAndRecordsTheDirection() {
        Incident i = incidents.declare(new Declaration("Outage", "SEV3", null, List.of(), null, false, null));
        assertThatThrownBy(() -> incidents.setSeverity(i.id(), "SEV1", " ")).isInstanceOfSatisfying(SitrepException.class,
                e -> assertThat(e.field()).isEqualTo("reason"));
        Change up = incidents.setSeverity(i.id(), "sev1", "all regions down");
        assertThat(up.incident().severity()).isEqualTo("SEV1");
        TimelineEvent event = last(i);
        assertThat(event.type()).isEqualTo(EventType.SEVERITY_CHANGE);
        assertThat(event.data()).containsEntry("direction", "upgrade").containsEntry("reason", "all regions down")
                .as("an upgrade after an under-call is marked for the postmortem").containsEntry("postmortem", "under-call");
        assertThat(event.text()).contains("noted for the postmortem");
        incidents.setSeverity(i.id(), "SEV2", "only EU affected");
        assertThat(last(i).data()).containsEntry("direction", "downgrade").doesNotContainKey("postmortem");
    }

    @Test
    void settingTheSameSeverityIsAlreadySoAndWritesNothing() {
        Incident i = incidents.declare(Declaration.titled("Outage"));
        Change same = incidents.setSeverity(i.id(), "SEV2", "still moderate");
        assertThat(same.changed()).isFalse();
        assertThat(same.message()).contains("already SEV2");
        assertThat(incidents.show(i.id()).timeline()).hasSize(1);
    }

    @Test
    void resolvingSetsMitigatedAndResolvedMilestones() {
        Incident i = incidents.declare(Declaration.titled("Pool exhausted"));
        clock.advance(Duration.ofMinutes(20));
        Incident resolved = incidents.setStatus(i.id(), IncidentStatus.RESOLVED, "pool resized", null).incident();
        assertThat(resolved.milestones().at(Milestone.MITIGATED)).contains(T0.plus(Duration.ofMinutes(20)));
        assertThat(resolved.milestones().at(Milestone.RESOLVED)).contains(T0.plus(Duration.ofMinutes(20)));
        assertThat(last(i).data()).containsEntry("from", "investigating").containsEntry("to", "resolved");
    }

    @Test
    void reopeningClearsTheResolvedMilestone() {
        Incident i = incidents.declare(Declaration.titled("Pool exhausted"));
        incidents.setStatus(i.id(), IncidentStatus.RESOLVED, null, null);
        Incident reopened = incidents.setStatus(i.id(), IncidentStatus.INVESTIGATING, "errors are back", null).incident();
        assertThat(reopened.milestones().at(Milestone.RESOLVED)).isEmpty();
    }

    @Test
    void closingAWorkingIncidentIsRefused() {
        Incident i = incidents.declare(Declaration.titled("x"));
        assertThatThrownBy(() -> incidents.setStatus(i.id(), IncidentStatus.CLOSED, null, null))
                .hasMessageContaining("Cannot move from investigating to closed");
        assertThat(incidents.show(i.id()).incident().status()).isEqualTo(IncidentStatus.INVESTIGATING);
    }

    @Test
    void mergingNeedsAnOpenTargetAndNotesItThere() {
        Incident main = incidents.declare(Declaration.titled("Checkout down"));
        Incident dup = incidents.declare(Declaration.titled("Payments failing"));
        assertThatThrownBy(() -> incidents.setStatus(dup.id(), IncidentStatus.MERGED, null, null))
                .isInstanceOfSatisfying(SitrepException.class, e -> assertThat(e.message(n -> "--" + n)).contains("give it with --into ID"));
        assertThatThrownBy(() -> incidents.setStatus(dup.id(), IncidentStatus.MERGED, null, dup.id())).hasMessageContaining("itself");
        Incident merged = incidents.setStatus(dup.id(), IncidentStatus.MERGED, "same root cause", main.id()).incident();
        assertThat(merged.mergedInto()).isEqualTo(main.id());
        assertThat(last(main).text()).contains(dup.id().value()).contains("merged into this incident");
    }

    @Test
    void finalIncidentsKeepTheirSeverity() {
        Incident i = incidents.declare(Declaration.titled("x"));
        incidents.setStatus(i.id(), IncidentStatus.DECLINED, "not an incident", null);
        assertThatThrownBy(() -> incidents.setSeverity(i.id(), "SEV1", "oops")).hasMessageContaining("declined");
    }

    @Test
    void rolesChangeAndRespondersAccumulate() {
        Incident i = incidents.declare(Declaration.titled("x"));
        incidents.assign(i.id(), Role.COMMANDER, "sam");
        incidents.assign(i.id(), Role.RESPONDER, "lee");
        Incident now = incidents.assign(i.id(), Role.RESPONDER, "kim").incident();
        assertThat(now.roles().commander()).isEqualTo("sam");
        assertThat(now.roles().responders()).containsExactly("lee", "kim");
        assertThat(incidents.assign(i.id(), Role.RESPONDER, "kim").changed()).isFalse();
        assertThat(incidents.show(i.id()).timeline()).filteredOn(e -> e.type() == EventType.ROLE_CHANGE).hasSize(3);
    }

    @Test
    void milestonesCanBeBackdatedAndMoved() {
        Incident i = incidents.declare(Declaration.titled("x"));
        clock.advance(Duration.ofMinutes(3));
        incidents.markMilestone(i.id(), Milestone.ACKNOWLEDGED, T0.plusSeconds(90));
        Change moved = incidents.markMilestone(i.id(), Milestone.ACKNOWLEDGED, T0.plusSeconds(60));
        assertThat(moved.incident().milestones().at(Milestone.ACKNOWLEDGED)).contains(T0.plusSeconds(60));
        assertThat(incidents.show(i.id()).timeline()).filteredOn(e -> e.type() == EventType.MILESTONE)
                .extracting(TimelineEvent::text).anyMatch(t -> t.contains("(was 14:33 UTC"));
    }

    @Test
    void aMilestoneBeforeDetectionIsRefusedWithTheFix() {
        Incident i = incidents.declare(Declaration.titled("x"));
        assertThatThrownBy(() -> incidents.markMilestone(i.id(), Milestone.ACKNOWLEDGED, T0.minusSeconds(300)))
                .hasMessageContaining("before the incident was detected").hasMessageContaining("--milestone detected");
        incidents.markMilestone(i.id(), Milestone.DETECTED, T0.minusSeconds(600));
        incidents.markMilestone(i.id(), Milestone.ACKNOWLEDGED, T0.minusSeconds(300));
        assertThatThrownBy(() -> incidents.markMilestone(i.id(), Milestone.DETECTED, T0.minusSeconds(60)))
                .hasMessageContaining("would be after acknowledged");
    }

    @Test
    void hypothesisKeepsItsConfidenceAndRejectsImpossibleOnes() {
        Incident i = incidents.declare(Declaration.titled("x"));
        incidents.hypothesis(i.id(), "connection pool exhausted by the new batch job", 85);
        assertThat(last(i).data()).containsEntry("confidence", "85");
        assertThatThrownBy(() -> incidents.hypothesis(i.id(), "y", 120)).hasMessageContaining("0 to 100");
    }

    @Test
    void amendSupersedesAndKeepsTheOriginalInHistory() {
        Incident i = incidents.declare(Declaration.titled("x"));
        TimelineEvent note = incidents.note(i.id(), "rollback at 14:40", null);
        clock.advance(Duration.ofMinutes(5));
        TimelineEvent fixed = incidents.amend(i.id(), note.id(), "rollback at 14:38", T0.minusSeconds(60));
        IncidentRecord record = incidents.show(i.id());
        assertThat(record.timeline()).extracting(TimelineEvent::id).contains(note.id(), fixed.id());
        assertThat(record.currentTimeline()).extracting(TimelineEvent::id).contains(fixed.id()).doesNotContain(note.id());
        assertThat(fixed.supersedes()).isEqualTo(note.id());
        assertThatThrownBy(() -> incidents.amend(i.id(), note.id(), "again", null)).hasMessageContaining("already corrected");
        assertThatThrownBy(() -> incidents.amend(i.id(), fixed.id(), null, null)).hasMessageContaining("Nothing to correct");
    }

    @Test
    void futureEntriesAreRefused() {
        Incident i = incidents.declare(Declaration.titled("x"));
        assertThatThrownBy(() -> incidents.note(i.id(), "later", T0.plus(Duration.ofHours(1))))
                .hasMessageContaining("in the future");
    }

    @Test
    void unknownIncidentSaysHowToListThem() {
        assertThatThrownBy(() -> incidents.note(dev.sitrep.core.IncidentId.parse("INC-20261122-1432-AAAA"), "x", null))
                .isInstanceOf(SitrepException.class)
                .hasMessageContaining("incident list")
                .extracting(e -> ((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.NOT_FOUND);
    }

    @Test
    void listHidesFinishedIncidentsUnlessAskedForAll() {
        Incident open = incidents.declare(Declaration.titled("open one"));
        Incident done = incidents.declare(Declaration.titled("done one"));
        incidents.setStatus(done.id(), IncidentStatus.RESOLVED, null, null);
        assertThat(incidents.list(true)).extracting(Incident::id).containsExactly(open.id());
        assertThat(incidents.list(false)).hasSize(2);
        assertThat(incidents.listWithTimelines(false)).allSatisfy(r -> assertThat(r.timeline()).isNotEmpty());
    }

    @Test
    void switchingTheScaleReExpressesUnfinishedIncidentsByRank() {
        Incident open = incidents.declare(new Declaration("open", "SEV1", null, List.of(), null, false, null));
        Incident top = incidents.declare(new Declaration("top", "SEV0", null, List.of(), null, false, null));
        Incident closed = incidents.declare(new Declaration("closed", "SEV3", null, List.of(), null, false, null));
        incidents.setStatus(closed.id(), IncidentStatus.DECLINED, null, null);
        assertThat(incidents.scaleSwitch(SeverityScales.PRIORITY).unfinished()).isEqualTo(2);

        assertThat(incidents.switchScale(SeverityScales.PRIORITY)).isEqualTo(2);

        assertThat(incidents.show(open.id()).incident().severity()).isEqualTo("P0");
        assertThat(incidents.show(top.id()).incident().severity()).isEqualTo("P0");
        assertThat(incidents.show(closed.id()).incident().severity()).isEqualTo("SEV3");
        assertThat(last(open).data()).containsEntry("reason", "workspace scale changed to P0..P3");
        assertThat(incidents.scale()).isSameAs(SeverityScales.PRIORITY);
    }

    @Test
    void switchingTheScaleKeepsWhatALevelMeansAndSaysOldAndNewOnTheTimeline() {
        incidents.switchScale(SeverityScales.FOUR_LEVEL);
        Incident breach = incidents.declare(new Declaration("breach", "SEV1", null, List.of(), null, false, null));

        assertThat(incidents.switchScale(SeverityScales.FIVE_LEVEL)).isEqualTo(1);

        // the four-level SEV1 is "data is being lost, or a breach is active": SEV0's words, not SEV1's
        assertThat(incidents.show(breach.id()).incident().severity()).isEqualTo("SEV0");
        assertThat(last(breach).data()).containsEntry("from", "SEV1").containsEntry("to", "SEV0");
        assertThat(last(breach).text()).startsWith("Severity SEV1 (SEV1..SEV4) → SEV0 (SEV0..SEV4)");
    }

    @Test
    void theSwitchPreviewListsEachLevelWithItsNewLevelAndTheIncidentsItMoves() {
        incidents.declare(new Declaration("one", "SEV1", null, List.of(), null, false, null));
        incidents.declare(new Declaration("two", "SEV1", null, List.of(), null, false, null));
        incidents.declare(new Declaration("three", "SEV3", null, List.of(), null, false, null));

        ScaleSwitch preview = incidents.scaleSwitch(SeverityScales.PRIORITY);

        assertThat(preview.unfinished()).isEqualTo(3);
        assertThat(preview.moves()).extracting(ScaleSwitch.Move::describe).containsExactly(
                "SEV0 → P0 (Customers see an outage, data is being lost, or a breach is active)",
                "SEV1 → P0 (Customers see an outage, data is being lost, or a breach is active): 2 unfinished incidents",
                "SEV2 → P1 (Significant degradation, automation misbehaving, or one tenant hit)",
                "SEV3 → P2 (Recoverable degradation, one user, or an internal-only outage): 1 unfinished incident",
                "SEV4 → P3 (Minor regression or cosmetic; no customer impact)");
        assertThat(incidents.scale()).isSameAs(SeverityScales.FIVE_LEVEL);
    }

    private TimelineEvent last(Incident i) {
        List<TimelineEvent> timeline = incidents.show(i.id()).timeline();
        return timeline.get(timeline.size() - 1);
    }

    @Test
    void aMilestoneMarkedOnlyIfUnsetIsRecordedOnce() {
        Incident i = incidents.declare(Declaration.titled("Outage"));
        Change first = incidents.markMilestoneIfUnset(i.id(), Milestone.FIRST_COMMUNICATION, null);
        int entries = incidents.show(i.id()).timeline().size();
        Change second = incidents.markMilestoneIfUnset(i.id(), Milestone.FIRST_COMMUNICATION, null);
        assertThat(first.changed()).isTrue();
        assertThat(second.changed()).isFalse();
        assertThat(second.incident().milestones().at(Milestone.FIRST_COMMUNICATION))
                .isEqualTo(first.incident().milestones().at(Milestone.FIRST_COMMUNICATION));
        assertThat(incidents.show(i.id()).timeline()).hasSize(entries);
    }
}
