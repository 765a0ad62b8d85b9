package dev.sitrep.incident;

import dev.sitrep.core.Checklist;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checklists on a real store file: ticks record who and when, and survive closing the store. */
class ChecklistsTest {

    private static final List<Checklists.StepSpec> STEPS = List.of(
            new Checklists.StepSpec("Halt the platform's automation", null, "status shows halted"),
            new Checklists.StepSpec("Check the kill switch state", "curl -s https://pn/api/v1/ai/kill_switch/status", null),
            new Checklists.StepSpec("Tell the stakeholders", null, null));

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));

    private List<TimelineEvent> checklistEntries(IncidentService incidents, Incident i) {
        return incidents.show(i.id()).timeline().stream().filter(e -> e.type() == EventType.CHECKLIST).toList();
    }

    @Test
    void aTickRecordsWhoAndWhenOnTheTimelineAndSurvivesReopeningTheStore() {
        Incident incident;
        String checklistId;
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).build();
            IncidentService incidents = services.incidents();
            Checklists checklists = services.checklists();
            incident = incidents.declare(Declaration.titled("Agents looping"));
            Checklist c = checklists.open(incident.id(), "ai-triage", "agent-misbehaviour", "Agent misbehaviour", STEPS);
            checklistId = c.id();
            assertThat(c.progress()).isEqualTo("0 of 3 done");
            assertThat(checklists.open(incident.id(), "ai-triage", "agent-misbehaviour", "Agent misbehaviour", STEPS).id())
                    .as("opening again gives the open one").isEqualTo(checklistId);

            clock.advance(Duration.ofMinutes(2));
            Checklist ticked = checklists.tick(checklistId, 2, true);
            assertThat(ticked.step(2).done()).isTrue();
            assertThat(ticked.step(2).doneBy()).isEqualTo("maria");
            assertThat(ticked.step(2).doneAt()).isEqualTo(clock.instant());
            assertThat(checklists.tick(checklistId, 2, true).progress()).as("ticking again changes nothing")
                    .isEqualTo("1 of 3 done");
            assertThat(checklistEntries(incidents, incident)).extracting(TimelineEvent::text).containsExactly(
                    "Opened the checklist 'Agent misbehaviour' (3 steps, runbook ai-triage)",
                    "Done: 'Agent misbehaviour' step 2 of 3: Check the kill switch state (1 of 3 done)");
        }
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "lee").clock(clock).random(new Random(2)).build();
            IncidentService incidents = services.incidents();
            Checklists checklists = services.checklists();
            Checklist reopened = checklists.forIncident(incident.id()).get(0);
            assertThat(reopened.progress()).isEqualTo("1 of 3 done");
            assertThat(reopened.step(2).command()).startsWith("curl -s");
            assertThat(reopened.step(1).expected()).isEqualTo("status shows halted");

            Checklist undone = checklists.tick(checklistId, 2, false);
            assertThat(undone.step(2).done()).isFalse();
            assertThat(checklistEntries(incidents, incident)).last().satisfies(e -> {
                assertThat(e.text()).startsWith("Undone: 'Agent misbehaviour' step 2 of 3");
                assertThat(e.actor()).isEqualTo("lee");
            });
        }
    }

    @Test
    void badStepsAndFinishedIncidentsAreRefusedWithTheFix() {
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).build();
            IncidentService incidents = services.incidents();
            Checklists checklists = services.checklists();
            Incident incident = incidents.declare(Declaration.titled("Agents looping"));
            assertThatThrownBy(() -> checklists.open(incident.id(), "rb", "empty", "Empty", List.of()))
                    .isInstanceOf(SitrepException.class).hasMessageContaining("no steps");
            Checklist c = checklists.open(incident.id(), "rb", "s", "Steps", STEPS);
            assertThatThrownBy(() -> checklists.tick(c.id(), 4, true)).hasMessageContaining("steps 1 to 3");
            assertThatThrownBy(() -> checklists.tick("nope", 1, true)).hasMessageContaining("No checklist nope");

            incidents.setStatus(incident.id(), IncidentStatus.DECLINED, "not an incident", null);
            assertThatThrownBy(() -> checklists.tick(c.id(), 1, true)).hasMessageContaining("is declined");
            assertThat(checklists.forIncident(incident.id()).get(0).doneCount()).isZero();
        }
    }
}
