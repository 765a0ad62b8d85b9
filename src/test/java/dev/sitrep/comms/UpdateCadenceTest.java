package dev.sitrep.comms;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.SeverityScales;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateCadenceTest {

    private static final Instant SENT = Instant.parse("2026-11-22T14:40:00Z");

    private static Incident at(String severity, IncidentStatus status) {
        return Incidents.with(Incidents.full(), severity, status, Incidents.full().milestones());
    }

    @Test
    void beforeAnyUpdateTheFirstCommunicationIsDueFiveMinutesAfterTheStart() {
        assertThat(UpdateCadence.nextDue(SeverityScales.FIVE_LEVEL, at("SEV2", IncidentStatus.INVESTIGATING),
                Optional.empty())).contains(Instant.parse("2026-11-22T14:37:00Z"));
    }

    @Test
    void afterAnUpdateTheNextIsDueOneIntervalLater() {
        assertThat(UpdateCadence.nextDue(SeverityScales.FIVE_LEVEL, at("SEV2", IncidentStatus.MITIGATING),
                Optional.of(SENT))).contains(Instant.parse("2026-11-22T15:10:00Z"));
    }

    @Test
    void aFirstCommunicationMarkedByHandCountsAsAnUpdate() {
        Incident marked = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.INVESTIGATING,
                Incidents.full().milestones().with(Milestone.FIRST_COMMUNICATION, SENT));
        assertThat(UpdateCadence.nextDue(SeverityScales.FIVE_LEVEL, marked, Optional.empty()))
                .contains(Instant.parse("2026-11-22T14:55:00Z"));
    }

    @Test
    void theLaterOfTheLastUpdateAndTheMilestoneCounts() {
        Incident marked = Incidents.with(Incidents.full(), "SEV1", IncidentStatus.INVESTIGATING,
                Incidents.full().milestones().with(Milestone.FIRST_COMMUNICATION, SENT));
        assertThat(UpdateCadence.nextDue(SeverityScales.FIVE_LEVEL, marked,
                Optional.of(Instant.parse("2026-11-22T14:36:00Z")))).contains(Instant.parse("2026-11-22T14:55:00Z"));
    }

    @Test
    void noUpdateIsDueOnceResolved() {
        assertThat(UpdateCadence.nextDue(SeverityScales.FIVE_LEVEL, at("SEV1", IncidentStatus.RESOLVED), Optional.of(SENT)))
                .isEmpty();
    }

    @Test
    void noUpdateIsDueAtALevelWithoutCadence() {
        assertThat(UpdateCadence.nextDue(SeverityScales.FIVE_LEVEL, at("SEV4", IncidentStatus.INVESTIGATING),
                Optional.empty())).isEmpty();
    }
}
