package dev.sitrep.comms;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.sitrep.comms.Incidents.DETECTED;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateComposerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final UpdateComposer COMPOSER = new UpdateComposer(SeverityScales.FIVE_LEVEL, Optional.of("#inc-bridge"));

    private static String fill(UpdateComposer composer, String body, IncidentRecord record) {
        return composer.compose(body, record, NOW).text();
    }

    @Test
    void everyPlaceholderIsFilledInFromTheIncident() {
        Incident mitigating = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.MITIGATING, Incidents.full()
                .milestones().with(Milestone.MITIGATED, Instant.parse("2026-11-22T14:55:00Z")));
        IncidentRecord record = new IncidentRecord(mitigating, List.of(
                Incidents.event(EventType.HYPOTHESIS, "Hypothesis (85% confident): batch job exhausts the pool",
                        Instant.parse("2026-11-22T14:40:00Z"), Map.of("confidence", "85")),
                Incidents.event(EventType.STATUS_CHANGE, "Status investigating → mitigating: rollback started",
                        Instant.parse("2026-11-22T14:45:00Z"),
                        Map.of("from", "investigating", "to", "mitigating", "reason", "rollback started"))));
        Map<Placeholder, String> expected = new EnumMap<>(Placeholder.class);
        expected.put(Placeholder.ID, "INC-20261122-1432-7QF2");
        expected.put(Placeholder.TITLE, "Checkout 5xx spike");
        expected.put(Placeholder.SEVERITY, "SEV1");
        expected.put(Placeholder.STATUS, "mitigating");
        expected.put(Placeholder.PUBLIC_STATUS, "Identified");
        expected.put(Placeholder.IMPACT, "EU checkout fails for 30% of users");
        expected.put(Placeholder.COMMANDER, "maria");
        expected.put(Placeholder.SERVICE, "checkout");
        expected.put(Placeholder.PLATFORMS, "pn-prod, wv");
        expected.put(Placeholder.STARTED_UTC, "14:32 UTC · 22 Nov 2026");
        expected.put(Placeholder.NOW_UTC, "15:00 UTC · 22 Nov 2026");
        expected.put(Placeholder.ELAPSED, "28m");
        expected.put(Placeholder.RESTORED_UTC, "14:55 UTC · 22 Nov 2026");
        expected.put(Placeholder.NEXT_UPDATE_UTC, "15:15 UTC · 22 Nov 2026");
        expected.put(Placeholder.WAR_ROOM, "#inc-bridge");
        expected.put(Placeholder.DOING, "Applying a fix (rollback started).");
        expected.put(Placeholder.CAUSE, "batch job exhausts the pool");
        expected.put(Placeholder.PROGRESS, "Applying a fix.");
        expected.put(Placeholder.CAUSE_STATUS, "identified");
        assertThat(expected.keySet()).as("a new placeholder needs its expectation here")
                .containsExactly(Placeholder.values());

        String body = Arrays.stream(Placeholder.values()).map(p -> p.key() + "=" + p.token())
                .collect(Collectors.joining("\n"));
        UpdateComposer.Composed composed = COMPOSER.compose(body, record, NOW);

        assertThat(composed.text()).isEqualTo(expected.entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));
        assertThat(composed.notSet()).isEmpty();
    }

    @Test
    void missingFieldsReadNotSetAndAreListed() {
        UpdateComposer noWarRoom = new UpdateComposer(SeverityScales.FIVE_LEVEL, Optional.empty());
        UpdateComposer.Composed composed = noWarRoom.compose(
                "{{war_room}}|{{impact}}|{{commander}}|{{service}}|{{platforms}}|{{title}}",
                new IncidentRecord(Incidents.bare(), List.of()), NOW);
        assertThat(composed.text()).isEqualTo("(not set)|(not set)|(not set)|(not set)|(not set)|Checkout 5xx spike");
        assertThat(composed.notSet()).containsExactly(Placeholder.IMPACT, Placeholder.COMMANDER, Placeholder.SERVICE,
                Placeholder.PLATFORMS, Placeholder.WAR_ROOM);
    }

    @Test
    void onlyThePlaceholdersATemplateUsesAreReportedMissing() {
        UpdateComposer.Composed composed = COMPOSER.compose("{{title}}: {{impact}}",
                new IncidentRecord(Incidents.bare(), List.of()), NOW);
        assertThat(composed.notSet()).containsExactly(Placeholder.IMPACT);
    }

    @Test
    void aBlankWarRoomCountsAsNotSet() {
        UpdateComposer blank = new UpdateComposer(SeverityScales.FIVE_LEVEL, Optional.of("  "));
        assertThat(blank.compose("{{war_room}}", new IncidentRecord(Incidents.full(), List.of()), NOW).notSet())
                .containsExactly(Placeholder.WAR_ROOM);
    }

    @ParameterizedTest
    @CsvSource({"sev5, SEV0, 15:15", "sev5, SEV1, 15:15", "sev5, SEV2, 15:30", "sev5, SEV3, 16:00",
            "sev4, SEV1, 15:15", "sev4, SEV2, 15:30", "sev4, SEV3, 16:00",
            "p4, P0, 15:15", "p4, P1, 15:30", "p4, P2, 16:00"})
    void nextUpdateIsNowPlusTheLevelsCadence(String scaleId, String code, String next) {
        SeverityScale scale = SeverityScales.byId(scaleId);
        Incident i = Incidents.with(Incidents.full(), code, IncidentStatus.INVESTIGATING, Incidents.full().milestones());
        assertThat(fill(new UpdateComposer(scale, Optional.empty()), "{{next_update_utc}}", new IncidentRecord(i, List.of())))
                .isEqualTo(next + " UTC · 22 Nov 2026");
    }

    @ParameterizedTest
    @CsvSource({"sev5, SEV4", "sev4, SEV4", "p4, P3"})
    void levelsWithoutACadenceSayWhenThereIsNews(String scaleId, String code) {
        Incident i = Incidents.with(Incidents.full(), code, IncidentStatus.INVESTIGATING, Incidents.full().milestones());
        assertThat(fill(new UpdateComposer(SeverityScales.byId(scaleId), Optional.empty()), "{{next_update_utc}}",
                new IncidentRecord(i, List.of()))).isEqualTo("when there is news (" + code + " has no update schedule)");
    }

    @Test
    void aResolvedIncidentPlansNoFurtherUpdateAndItsElapsedTimeStopsAtResolution() {
        Incident resolved = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.RESOLVED, Incidents.full().milestones()
                .with(Milestone.MITIGATED, Instant.parse("2026-11-22T14:50:00Z"))
                .with(Milestone.RESOLVED, Instant.parse("2026-11-22T14:52:00Z")));
        assertThat(fill(COMPOSER, "{{public_status}}|{{next_update_utc}}|{{elapsed}}|{{doing}}",
                new IncidentRecord(resolved, List.of())))
                .isEqualTo("Resolved|none planned: the incident is resolved|20m|Resolved.");
    }

    @Test
    void restoredIsNotYetBeforeMitigation() {
        assertThat(fill(COMPOSER, "{{restored_utc}}", new IncidentRecord(Incidents.full(), List.of()))).isEqualTo("not yet");
    }

    @Test
    void theCauseIsNotGuessedWhileInvestigating() {
        IncidentRecord record = new IncidentRecord(Incidents.full(), List.of(Incidents.event(EventType.HYPOTHESIS,
                "Hypothesis (40% confident): DNS", DETECTED, Map.of("confidence", "40"))));
        assertThat(fill(COMPOSER, "{{cause}}", record)).isEqualTo("investigation ongoing");
    }

    @Test
    void theCauseIsTheLatestHypothesisAsCorrected() {
        Incident identified = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.IDENTIFIED,
                Incidents.full().milestones());
        TimelineEvent first = Incidents.event(EventType.HYPOTHESIS, "Hypothesis (60% confident): DNS",
                Instant.parse("2026-11-22T14:35:00Z"), Map.of("confidence", "60"));
        TimelineEvent second = Incidents.event(EventType.HYPOTHESIS, "Hypothesis (90% confident): pool exhaustion",
                Instant.parse("2026-11-22T14:40:00Z"), Map.of("confidence", "90"));
        TimelineEvent corrected = Incidents.correction(second, "Connection pool exhausted by the batch job",
                Instant.parse("2026-11-22T14:40:00Z"));
        assertThat(fill(COMPOSER, "{{cause}}", new IncidentRecord(identified, List.of(first, second, corrected))))
                .isEqualTo("Connection pool exhausted by the batch job");
    }

    @Test
    void withNoHypothesisTheCauseIsStillUnderInvestigation() {
        Incident monitoring = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.MONITORING,
                Incidents.full().milestones());
        assertThat(fill(COMPOSER, "{{cause}}", new IncidentRecord(monitoring, List.of())))
                .isEqualTo("investigation ongoing");
    }

    @Test
    void doingTakesTheReasonOnlyFromTheChangeToTheCurrentStatus() {
        Incident investigating = Incidents.full();
        TimelineEvent back = Incidents.event(EventType.STATUS_CHANGE, "Status mitigating → investigating",
                Instant.parse("2026-11-22T14:50:00Z"), Map.of("from", "mitigating", "to", "investigating"));
        TimelineEvent earlier = Incidents.event(EventType.STATUS_CHANGE, "Status investigating → mitigating: rollback",
                Instant.parse("2026-11-22T14:40:00Z"), Map.of("from", "investigating", "to", "mitigating",
                        "reason", "rollback"));
        assertThat(fill(COMPOSER, "{{doing}}", new IncidentRecord(investigating, List.of(earlier, back))))
                .isEqualTo("Investigating the cause.");
    }

    @Test
    void aReasonEndingInAFullStopIsNotDoubled() {
        Incident monitoring = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.MONITORING,
                Incidents.full().milestones());
        TimelineEvent change = Incidents.event(EventType.STATUS_CHANGE, "x", DETECTED,
                Map.of("from", "mitigating", "to", "monitoring", "reason", "Rollback done."));
        assertThat(fill(COMPOSER, "{{doing}}", new IncidentRecord(monitoring, List.of(change))))
                .isEqualTo("A fix is in place; watching that it holds (Rollback done).");
    }

    @Test
    void blanksInsideTheBracesAndUpperCaseAreAccepted() {
        assertThat(fill(COMPOSER, "{{ Title }} / {{SEVERITY}}", new IncidentRecord(Incidents.full(), List.of())))
                .isEqualTo("Checkout 5xx spike / SEV1");
    }

    @Test
    void anUnknownNameIsLeftAsWritten() {
        assertThat(fill(COMPOSER, "{{sevrity}} {{title}}", new IncidentRecord(Incidents.full(), List.of())))
                .isEqualTo("{{sevrity}} Checkout 5xx spike");
    }

    @Test
    void textThatLooksLikeAReplacementGroupIsCopiedLiterally() {
        Incident dollars = new Incident(Incidents.ID, "Refunds of $1 and \\2 fail", null, List.of(), "SEV1",
                IncidentStatus.INVESTIGATING, null, Incidents.full().roles(), Incidents.full().milestones(), null, false,
                DETECTED, "maria", DETECTED, 1);
        assertThat(fill(COMPOSER, "{{title}}", new IncidentRecord(dollars, List.of()))).isEqualTo("Refunds of $1 and \\2 fail");
    }

    @Test
    void theBuiltInInternalUpdateReadsAsABriefing() {
        assertThat(COMPOSER.compose(BuiltInTemplates.INTERNAL, new IncidentRecord(Incidents.full(), List.of()), NOW).text())
                .isEqualTo("""
                        SEV1 Checkout 5xx spike (INC-20261122-1432-7QF2)
                        Status: investigating · started 14:32 UTC · 22 Nov 2026 · elapsed 28m
                        Impact: EU checkout fails for 30% of users
                        Commander: maria · War room: #inc-bridge
                        Doing now: Investigating the cause.
                        Next update: 15:15 UTC · 22 Nov 2026""");
    }

    @Test
    void theBuiltInStatusPagePostStartsWithInvestigatingAndTheTitle() {
        String text = COMPOSER.compose(BuiltInTemplates.STATUS_PAGE, new IncidentRecord(Incidents.full(), List.of()), NOW)
                .text();
        assertThat(text).startsWith("Investigating - Checkout 5xx spike\n\nEU checkout fails for 30% of users")
                .endsWith("Next update: 15:15 UTC · 22 Nov 2026.");
    }

    @Test
    void theBuiltInCustomerEmailCarriesStartRestoredImpactCauseAndActions() {
        String text = COMPOSER.compose(BuiltInTemplates.CUSTOMER_EMAIL, new IncidentRecord(Incidents.full(), List.of()),
                NOW).text();
        assertThat(text).contains("Started: 14:32 UTC · 22 Nov 2026", "Restored or contained: not yet",
                "Impact: EU checkout fails for 30% of users", "Cause: investigation ongoing",
                "What we are doing: Investigating the cause.", "INC-20261122-1432-7QF2");
    }

    @Test
    void everyBuiltInTemplateIsValidAndLeavesNoPlaceholderBehind() {
        for (UpdateTemplate t : BuiltInTemplates.ALL) {
            assertThat(Templates.problems(t.body())).as(t.id()).isEmpty();
            assertThat(COMPOSER.compose(t, new IncidentRecord(Incidents.full(), List.of()), NOW).text()).as(t.id())
                    .doesNotContain("{{", "}}");
        }
    }
}
