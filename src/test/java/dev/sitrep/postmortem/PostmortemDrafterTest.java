package dev.sitrep.postmortem;

import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import dev.sitrep.evidence.EvidenceService;
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
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted incident that crosses midnight UTC (and, in Berlin, starts on another local day)
 * drafted into a postmortem: every section from the record, nothing invented.
 */
class PostmortemDrafterTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T23:40:00Z"));
    private Store store;
    private IncidentService incidents;
    private EvidenceService evidence;
    private WorkspaceSettings settings;
    private Incident incident;

    @BeforeEach
    void script() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1))
                .evidenceLimit(() -> 1L << 20).build();
        incidents = services.incidents();
        evidence = services.evidence();
        settings = services.settings();
        incident = incidents.declare(new Declaration("Checkout 5xx after deploy", "SEV3", "checkout", List.of("pn"),
                null, false, Instant.parse("2026-11-22T23:31:00Z")));
        clock.advance(Duration.ofMinutes(2));
        incidents.markMilestone(incident.id(), Milestone.ACKNOWLEDGED, clock.instant());
        clock.advance(Duration.ofMinutes(5));
        incidents.setSeverity(incident.id(), "SEV2", "card payments failing, not just the banner");
        incidents.note(incident.id(), "Rolled back deploy 4412", clock.instant());
        incidents.record(incident.id(), EventType.KILL_SWITCH, "HALTED pn by maria: agents retrying payments",
                clock.instant(), Map.of());
        clock.advance(Duration.ofMinutes(10));
        incidents.setStatus(incident.id(), IncidentStatus.IDENTIFIED, "pool size halved by the deploy", null);
        evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "pool config diff", "max_pool: 20 -> 10", null, null,
                List.of());
        clock.advance(Duration.ofMinutes(30)); // past midnight UTC
        incidents.markMilestone(incident.id(), Milestone.MITIGATED, clock.instant());
        clock.advance(Duration.ofMinutes(25));
        incidents.setStatus(incident.id(), IncidentStatus.RESOLVED, null, null);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Postmortem draft() {
        return PostmortemDrafter.draft(incidents.show(incident.id()), evidence.list(incident.id()),
                List.of("Customer follow-up"), clock.instant());
    }

    @Test
    void theFactsComeFromTheRecordAndWhatItLacksIsMissing() {
        Postmortem p = draft();
        assertThat(p.title()).isEqualTo("Incident 2026-11-22: Checkout 5xx after deploy");
        assertThat(p.severity()).isEqualTo("SEV2");
        assertThat(p.underCall()).isEqualTo("SEV3 → SEV2 at 23:47 UTC: card payments failing, not just the banner");
        assertThat(p.resolvedBy()).isEqualTo("maria");
        assertThat(p.detectedBy()).as("Sitrep does not know how it was detected").isNull();
        assertThat(p.impact().accountsAffected()).isNull();
        assertThat(p.impact().dataIntegrity()).isNull();
        assertThat(p.containment()).extracting(Postmortem.Entry::text)
                .containsExactly("HALTED pn by maria: agents retrying payments");
        assertThat(p.evidence()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("pool config diff");
            assertThat(e.sha256()).hasSize(64);
        });
        assertThat(p.sections()).extracting(Postmortem.Section::title).containsExactly("What happened", "Root cause",
                "What went well", "What went poorly", "Where we got lucky", "Lessons", "Customer follow-up");
        assertThat(p.section("what_happened").orElseThrow().markdown())
                .startsWith("SEV2 incident on checkout (platforms: pn), declared 23:40 UTC on 2026-11-22 by maria.")
                .contains("1 kill-switch or containment entry");
        assertThat(p.fiveWhys()).hasSize(5).allMatch(String::isEmpty);
    }

    @Test
    void theTimelineMarksTheMilestonesItRecordsAndTheDurationCrossesMidnight() {
        Postmortem p = draft();
        assertThat(p.at(PostmortemMilestone.ALERT_FIRED)).contains(Instant.parse("2026-11-22T23:31:00Z"));
        assertThat(p.at(PostmortemMilestone.ACKNOWLEDGED)).contains(Instant.parse("2026-11-22T23:42:00Z"));
        assertThat(p.at(PostmortemMilestone.ROOT_CAUSE_IDENTIFIED)).contains(Instant.parse("2026-11-22T23:57:00Z"));
        assertThat(p.at(PostmortemMilestone.REMEDIATION_APPLIED)).contains(Instant.parse("2026-11-23T00:27:00Z"));
        assertThat(p.at(PostmortemMilestone.ALL_CLEAR)).contains(Instant.parse("2026-11-23T00:52:00Z"));
        assertThat(p.missingMilestones()).containsExactly(PostmortemMilestone.FIRST_SYMPTOM);
        assertThat(p.duration()).contains(Duration.ofMinutes(81));
        assertThat(PostmortemMarkdown.duration(p))
                .isEqualTo("2026-11-22 23:31 UTC – 2026-11-23 00:52 UTC (1 h 21 min)");
        assertThat(p.timeline()).extracting(Postmortem.TimelineRow::at).isSorted();
        assertThat(p.timeline()).filteredOn(r -> r.text().startsWith("Evidence captured"))
                .allMatch(r -> !r.included());
        assertThat(p.timeline()).filteredOn(r -> r.text().equals("Rolled back deploy 4412")).singleElement()
                .satisfies(r -> assertThat(r.included()).isTrue());

        Postmortem marked = p;
        Instant symptom = Instant.parse("2026-11-22T23:20:00Z");
        Postmortem withSymptom = marked.withTimeline(java.util.stream.Stream.concat(marked.timeline().stream(),
                java.util.stream.Stream.of(new Postmortem.TimelineRow(null, symptom, "First 502s in the edge logs",
                        PostmortemMilestone.FIRST_SYMPTOM, true))).toList());
        assertThat(withSymptom.duration()).contains(Duration.ofMinutes(92));
    }

    @Test
    void theExportReadsTheSameWhateverTheMachinesTimeZone() {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            String west = PostmortemMarkdown.render(draft(), List.of());
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
            String east = PostmortemMarkdown.render(draft(), List.of());
            assertThat(west).isEqualTo(east).contains("| 2026-11-23 00:52 | Status identified → resolved |");
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    @Test
    void anIncidentStillOpenHasNoDurationAndSaysWhatIsMissing() {
        Incident open = incidents.declare(Declaration.titled("Slow search"));
        Postmortem p = PostmortemDrafter.draft(incidents.show(open.id()), List.of(), List.of(), clock.instant());
        assertThat(p.duration()).isEmpty();
        assertThat(PostmortemMarkdown.duration(p)).endsWith("– all-clear _missing_");
        assertThat(p.resolvedBy()).isNull();
        assertThat(p.underCall()).isNull();
    }
}
