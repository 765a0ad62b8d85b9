package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
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
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The digest of 2026-W47 (Monday 16 Nov to Sunday 22 Nov) over a scripted workspace: incidents on
 * both sides of each week boundary, a service that recurs within the week and one that recurs
 * over the four weeks before, open and finished high-severity incidents, a drill, and follow-ups
 * overdue, not yet due and done. Incident ids come from a seeded {@code Random}, so the Markdown
 * is compared with {@code src/test/resources/postmortem/golden/weekly-2026-W47.md} as it is
 * (regenerate with {@code -Dsitrep.golden.update=true}; see {@link Golden}).
 */
class WeeklyDigestTest {

    private static final IsoWeek W47 = IsoWeek.parse("2026-W47");

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2026-10-20T09:00:00Z"));
    private Store store;
    private IncidentService incidents;
    private ActionItems actionItems;
    private Incident payments;
    private Incident nextWeek;

    @BeforeEach
    void script() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).zone(ZoneOffset.UTC).random(new Random(3))
                .build();
        incidents = services.incidents();
        actionItems = services.actionItems();

        Incident old = declare("2026-10-20T10:00:00Z", "Checkout slow", "SEV1", "checkout", false);
        incidents.setStatus(old.id(), IncidentStatus.RESOLVED, null, null);
        incidents.setStatus(old.id(), IncidentStatus.CLOSED, null, null);
        declare("2026-11-15T23:59:00Z", "Search index stale", "SEV2", "search", false);
        Incident first = declare("2026-11-16T00:00:00Z", "Checkout 5xx", "SEV2", "checkout", false);
        incidents.setStatus(first.id(), IncidentStatus.RESOLVED, null, null);
        payments = declare("2026-11-18T09:00:00Z", "Payments down", "SEV1", "payments", false);
        declare("2026-11-19T12:00:00Z", "Checkout timeouts | retries", "SEV3", "checkout", false);
        declare("2026-11-20T08:00:00Z", "Kill switch drill", "SEV1", "payments", true);
        declare("2026-11-21T15:00:00Z", "Search 500s", "SEV4", "search", false);
        declare("2026-11-22T23:59:00Z", "Banner typo", "SEV4", null, false);
        nextWeek = declare("2026-11-23T00:00:00Z", "Checkout down", "SEV0", "checkout", false);

        clock.advance(Duration.ofHours(9));
        actionItems.add(payments.id(), "Alert on card declines", "maria", LocalDate.parse("2026-11-20"));
        actionItems.add(payments.id(), "Runbook for the payment gateway", null, LocalDate.parse("2026-12-01"));
        ActionItem done = actionItems.add(payments.id(), "Rotate the gateway key", "lee", LocalDate.parse("2026-11-19"));
        actionItems.update(done.id(), null, null, null, ActionItem.Status.DONE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Incident declare(String at, String title, String severity, String service, boolean drill) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(at)));
        return incidents.declare(new Declaration(title, severity, service, List.of(), null, drill, null));
    }

    private WeeklyDigest digest(IsoWeek week) {
        return WeeklyDigest.compile(week, incidents, actionItems);
    }

    @Test
    void theWeekRunsFromMondayMidnightUtcToTheNextMondayExcluded() {
        assertThat(digest(IsoWeek.parse("2026-W46")).incidents()).as("Sunday 15 Nov 23:59").isEqualTo(1);
        assertThat(digest(W47).incidents()).as("Monday 16 Nov 00:00 to Sunday 22 Nov 23:59, drill left out")
                .isEqualTo(5);
        assertThat(digest(IsoWeek.parse("2026-W48")).incidents()).as("Monday 23 Nov 00:00").isEqualTo(1);
    }

    @Test
    void everyLevelOfTheScaleIsCountedHighestFirst() {
        assertThat(digest(W47).bySeverity()).containsExactly(entry("SEV0", 0), entry("SEV1", 1), entry("SEV2", 1),
                entry("SEV3", 1), entry("SEV4", 2));
    }

    @Test
    void servicesAreCountedMostIncidentsFirst() {
        assertThat(digest(W47).byService()).containsExactly(entry("checkout", 2), entry(WeeklyDigest.NO_SERVICE, 1),
                entry("payments", 1), entry("search", 1));
    }

    @Test
    void aServiceRecursWithTwoIncidentsThisWeekOrOneMoreInTheFourWeeksBefore() {
        assertThat(digest(W47).recurrences()).containsExactly(new WeeklyDigest.Recurrence("checkout", 2, 3),
                new WeeklyDigest.Recurrence("search", 1, 2));
    }

    @Test
    void openHighSeverityIncidentsComeFromAnyWeekWithoutFinishedOnesOrDrills() {
        WeeklyDigest d = digest(W47);
        assertThat(d.highSeverity()).containsExactly("SEV0", "SEV1");
        assertThat(d.openHighSeverity()).extracting(Incident::id).containsExactly(nextWeek.id(), payments.id());
    }

    @Test
    void drillsAreLeftOutOfTheCountsAndCountedApart() {
        WeeklyDigest d = digest(W47);
        assertThat(d.drillsLeftOut()).isEqualTo(1);
        assertThat(d.byService()).containsEntry("payments", 1);
        assertThat(WeeklyDigestMarkdown.render(d)).contains("Drills are left out of every count and list: 1 drill "
                + "declared this week.");
    }

    @Test
    void onlyUnfinishedFollowUpsPastTheirDueDayAreOverdue() {
        WeeklyDigest d = digest(W47);
        assertThat(d.overdueAsOf()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(d.overdue()).extracting(ActionItem::action).containsExactly("Alert on card declines");
    }

    @Test
    void aQuietWeekSaysNoneUnderEachHeading() {
        String md = WeeklyDigestMarkdown.render(digest(IsoWeek.parse("2026-W30")));
        assertThat(md).startsWith("# Weekly digest 2026-W30 (20 Jul - 26 Jul 2026)\n")
                .contains("## Incidents declared: 0\n\nNone.\n").contains("\n\nNone.\n\n## Open SEV0 and SEV1");
    }

    @Test
    void markdownMatchesItsGoldenFile() throws Exception {
        Golden.assertMatches("weekly-2026-W47.md", WeeklyDigestMarkdown.render(digest(W47)));
    }
}
