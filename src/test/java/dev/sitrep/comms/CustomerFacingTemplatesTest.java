package dev.sitrep.comms;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.incident.IncidentRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Internal reasons (status and severity reasons, hypotheses, notes) never reach a customer. */
class CustomerFacingTemplatesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final String REASON = "DB primary failed over; blame vendor X";
    private static final UpdateComposer COMPOSER = new UpdateComposer(SeverityScales.FIVE_LEVEL, Optional.of("#inc-bridge"));

    /** Mitigating, reached with an internal reason; a hypothesis, a severity change and a note say the same. */
    private static IncidentRecord withInternalReasons() {
        Incident mitigating = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.MITIGATING,
                Incidents.full().milestones());
        return new IncidentRecord(mitigating, List.of(
                Incidents.event(EventType.HYPOTHESIS, "Hypothesis (90% confident): " + REASON,
                        Instant.parse("2026-11-22T14:38:00Z"), Map.of("confidence", "90")),
                Incidents.event(EventType.SEVERITY_CHANGE, "Severity SEV2 → SEV1: " + REASON,
                        Instant.parse("2026-11-22T14:39:00Z"), Map.of("from", "SEV2", "to", "SEV1", "reason", REASON)),
                Incidents.event(EventType.NOTE, REASON, Instant.parse("2026-11-22T14:40:00Z"), Map.of()),
                Incidents.event(EventType.STATUS_CHANGE, "Status investigating → mitigating: " + REASON,
                        Instant.parse("2026-11-22T14:45:00Z"),
                        Map.of("from", "investigating", "to", "mitigating", "reason", REASON))));
    }

    @Test
    void theBuiltInCustomerEmailAndStatusPageNeverQuoteAnInternalReason() {
        for (UpdateTemplate t : List.of(BuiltInTemplates.CUSTOMER_EMAIL, BuiltInTemplates.STATUS_PAGE)) {
            UpdateComposer.Composed composed = COMPOSER.compose(t, withInternalReasons(), NOW);
            assertThat(composed.text()).as(t.id()).doesNotContain("DB primary", "vendor X");
            assertThat(composed.withheld()).as(t.id()).isEmpty();
        }
        assertThat(COMPOSER.compose(BuiltInTemplates.CUSTOMER_EMAIL, withInternalReasons(), NOW).text())
                .contains("What we are doing: Applying a fix.", "Cause: identified");
    }

    @Test
    void theInternalUpdateStillCarriesTheReason() {
        assertThat(COMPOSER.compose(BuiltInTemplates.INTERNAL, withInternalReasons(), NOW).text())
                .contains("Doing now: Applying a fix (" + REASON + ").");
    }

    @Test
    void aTeamsCustomerTemplateThatUsesAnInternalPlaceholderHasItWithheld() {
        UpdateTemplate teams = BuiltInTemplates.CUSTOMER_EMAIL.withBody("Doing: {{doing}}\nCause: {{cause}}\n{{title}}");
        UpdateComposer.Composed composed = COMPOSER.compose(teams, withInternalReasons(), NOW);
        assertThat(composed.text()).doesNotContain("DB primary", "vendor X")
                .isEqualTo("Doing: Applying a fix.\nCause: identified\nCheckout 5xx spike");
        assertThat(composed.withheld()).containsExactly(Placeholder.DOING, Placeholder.CAUSE);
    }

    @Test
    void everyPlaceholderThatReadsTheTimelineIsInternalOnly() {
        assertThat(List.of(Placeholder.values())).filteredOn(Placeholder::internalOnly)
                .containsExactly(Placeholder.DOING, Placeholder.CAUSE);
        assertThat(Placeholder.DOING.forCustomers()).isEqualTo(Placeholder.PROGRESS);
        assertThat(Placeholder.CAUSE.forCustomers()).isEqualTo(Placeholder.CAUSE_STATUS);
    }
}
