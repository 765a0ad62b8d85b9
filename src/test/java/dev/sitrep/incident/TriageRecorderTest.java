package dev.sitrep.incident;

import dev.sitrep.core.Checklist;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.runbook.TriageSession;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A finished triage on an incident of a real store: why it was called what it was called. */
class TriageRecorderTest {

    @TempDir
    Path dir;
    private Store store;
    private IncidentService incidents;
    private Checklists checklists;
    private TriageRecorder recorder;
    private final RunbookLibrary library = RunbookLibrary.builtIns();

    @BeforeEach
    void open() {
        store = Store.open(dir);
        TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).build();
        incidents = services.incidents();
        checklists = services.checklists();
        recorder = services.triage();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> triageLines(Incident i) {
        return incidents.show(i.id()).timeline().stream().filter(e -> e.type() == EventType.TRIAGE)
                .map(TimelineEvent::text).toList();
    }

    @Test
    void agentsHarmingCustomersRaisesTheSeverityAndOpensTheKillSwitchChecklistFirst() {
        Incident incident = incidents.declare(Declaration.titled("Refunds sent twice"));
        TriageSession done = TriageSession.start("ai-triage", library).answer(1).answer(2).answer(1);
        assertThat(done.finished()).isTrue();

        TriageRecorder.Applied applied = recorder.apply(incident.id(), done);

        assertThat(incidents.show(incident.id()).incident().severity()).isEqualTo("SEV1");
        assertThat(applied.severityDecision()).isEqualTo("Severity decision: raised SEV2 → SEV1 as the triage recommends");
        List<String> lines = triageLines(incident);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("Q: Is the platform actively doing something it must not do? → A: Yes");
        assertThat(lines.get(3)).startsWith("Triage outcome: SEV1").contains("propose the kill switch");
        assertThat(incidents.show(incident.id()).timeline()).anyMatch(e -> e.type() == EventType.SEVERITY_CHANGE
                && e.text().contains("triage outcome"));
        assertThat(applied.checklists()).extracting(Checklist::runbook).first().isEqualTo("rollback");
        assertThat(checklists.forIncident(incident.id())).hasSameSizeAs(applied.checklists())
                .allSatisfy(c -> assertThat(c.steps()).isNotEmpty());
    }

    @Test
    void aMilderRecommendationIsRecordedButNeverLowersTheSeverity() {
        Incident incident = incidents.declare(new Declaration("Typo on the status page", "SEV1", null, List.of(), null,
                false, null));
        TriageSession done = TriageSession.start("ai-triage", library).answer(2).answer(2).answer(5);
        recorder.apply(incident.id(), done);
        assertThat(incidents.show(incident.id()).incident().severity()).isEqualTo("SEV1");
        assertThat(triageLines(incident)).last().asString()
                .isEqualTo("Severity decision: SEV1 kept; the triage recommends SEV4. Lowering it is the commander's "
                        + "call, with a reason.");
    }

    @Test
    void notSureIsSaidOnTheTimelineAndAnUnfinishedTriageIsRefused() {
        Incident incident = incidents.declare(Declaration.titled("Something is off"));
        TriageSession start = TriageSession.start("ai-triage", library);
        assertThatThrownBy(() -> recorder.apply(incident.id(), start)).hasMessageContaining("not finished");

        TriageSession unsure = start.notSure();
        while (!unsure.finished()) {
            unsure = unsure.notSure();
        }
        recorder.apply(incident.id(), unsure);
        List<String> lines = triageLines(incident);
        assertThat(lines.get(0)).contains("not sure");
        assertThat(lines).anyMatch(l -> l.startsWith("Triage outcome: SEV0") && l.contains("reached through \"not sure\""));
        assertThat(incidents.show(incident.id()).incident().severity()).isEqualTo("SEV0");
    }
}
