package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A scripted incident on a real store (fixed clock, seeded ids), its postmortem edited and saved
 * as the editor would, then exported to Markdown and to HTML and compared byte for byte with
 * {@code src/test/resources/postmortem/golden/checkout-5xx.md} and {@code .html}.
 *
 * <p>Nothing random reaches the exports: the incident id comes from the seeded {@code Random},
 * and the random ids (timeline events, evidence, action items) are not printed; so nothing is
 * normalised. After a deliberate change to the output, regenerate the files with
 * {@code mvn -o test -Dtest=PostmortemGoldenTest -Dsitrep.golden.update=true} and review the
 * diff; a normal run never rewrites them (see {@link Golden}).
 */
class PostmortemGoldenTest {

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T23:40:00Z"));
    private Store store;
    private Postmortems postmortems;
    private ActionItems actionItems;
    private IncidentId id;

    @BeforeEach
    void script() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).zone(ZoneOffset.UTC).random(new Random(1))
                .evidenceLimit(() -> 1L << 20).build();
        IncidentService incidents = services.incidents();
        EvidenceService evidence = services.evidence();
        services.settings().setPostmortemSections(List.of("Customer follow-up"), "maria");
        postmortems = services.postmortems();
        actionItems = services.actionItems();

        id = incidents.declare(new Declaration("Checkout 5xx after deploy", "SEV3", "checkout", List.of("pn"), null,
                false, Instant.parse("2026-11-22T23:31:00Z"))).id();
        clock.advance(Duration.ofMinutes(2));
        incidents.markMilestone(id, Milestone.ACKNOWLEDGED, clock.instant());
        clock.advance(Duration.ofMinutes(5));
        incidents.setSeverity(id, "SEV2", "card payments failing, not just the banner");
        incidents.note(id, "Rolled back deploy 4412", clock.instant());
        incidents.record(id, EventType.KILL_SWITCH, "HALTED pn by maria: agents retrying payments", clock.instant(),
                Map.of());
        clock.advance(Duration.ofMinutes(10));
        incidents.setStatus(id, IncidentStatus.IDENTIFIED, "pool size halved by the deploy", null);
        evidence.addText(id, EvidenceItem.Kind.NOTE, "pool config diff", "max_pool: 20 -> 10", null, null, List.of());
        clock.advance(Duration.ofMinutes(30));
        incidents.markMilestone(id, Milestone.MITIGATED, clock.instant());
        clock.advance(Duration.ofMinutes(25));
        incidents.setStatus(id, IncidentStatus.RESOLVED, null, null);
        clock.advance(Duration.ofHours(10));

        Postmortems.Opened draft = postmortems.open(id);
        Postmortem p = draft.postmortem();
        List<Postmortem.TimelineRow> rows = new ArrayList<>(p.timeline());
        rows.add(0, new Postmortem.TimelineRow(null, Instant.parse("2026-11-22T23:20:00Z"),
                "First 502s in the edge logs", PostmortemMilestone.FIRST_SYMPTOM, true));
        p = p.withTimeline(rows)
                .withFacts(p.underCall(), "alert: checkout 5xx rate above 2 %", p.resolvedBy(), new Postmortem.Impact(
                        "about 1,200 card payments", "Checkout showed \"payment failed\"",
                        Postmortem.DataIntegrity.NONE, "yes, by 12 min"))
                .withFiveWhys(List.of("Payments timed out waiting for a database connection.",
                        "The pool had 10 connections instead of 20.", "Deploy 4412 changed the pool default.",
                        "", ""))
                .withSection("root_cause", "Deploy 4412 halved `max_pool` on the checkout service.")
                .withSection("went_well", "- The alert fired within 11 minutes.\n- The rollback took 4 minutes.")
                .withSection("went_poorly", "We first called it a **SEV3**; see the [severity guide]"
                        + "(https://wiki.example.com/sev).")
                .withSection("lessons", "Config defaults are code: review them like code.");
        postmortems.save(p, draft.version(), "closed the editor");

        ActionItem alert = actionItems.add(id, "Alert on pool saturation", "maria", LocalDate.parse("2026-12-01"));
        actionItems.add(id, "Review pool defaults in the deploy checklist", null, null);
        actionItems.update(alert.id(), null, null, null, ActionItem.Status.IN_PROGRESS);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Postmortem saved() {
        return postmortems.open(id).postmortem();
    }

    @Test
    void markdownExportMatchesItsGoldenFile() throws Exception {
        Golden.assertMatches("checkout-5xx.md", PostmortemMarkdown.render(saved(), actionItems.forIncident(id)));
    }

    @Test
    void htmlExportMatchesItsGoldenFile() throws Exception {
        Golden.assertMatches("checkout-5xx.html", PostmortemHtml.render(saved(), actionItems.forIncident(id)));
    }
}
