package dev.sitrep.board;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Milestones;
import dev.sitrep.core.Roles;
import dev.sitrep.core.SeverityScales;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each clock just before, at and after its target, across a severity change, and with skewed times. */
class CardClocksTest {

    private static final dev.sitrep.core.SeverityScale SCALE = SeverityScales.FIVE_LEVEL;
    private static final Instant START = Instant.parse("2026-11-20T14:00:00Z"); // a Friday
    // On the five-level scale: SEV1 ack 5 min, update 15 min; SEV2 ack 15 min, update 30 min; SEV4 best effort.

    private static Incident incident(String severity, IncidentStatus status, Milestones m) {
        return new Incident(IncidentId.parse("INC-20261120-1400-AB12"), "Checkout 5xx", "checkout", List.of(), severity,
                status, null, Roles.commandedBy("maria"), m, null, false, START, "maria", START, 1);
    }

    private static Milestones detected() {
        return Milestones.none().with(Milestone.DETECTED, START);
    }

    private static Deadline.State ack(Incident i, Duration after) {
        return CardClocks.of(i, SCALE, null, START.plus(after)).acknowledge().orElseThrow().stateAt(START.plus(after));
    }

    @Test
    void theAcknowledgementClockTurnsAmberInItsLastThirdAndRedAtTheTarget() {
        Incident i = incident("SEV1", IncidentStatus.INVESTIGATING, detected());
        assertThat(ack(i, Duration.ofSeconds(199))).isEqualTo(Deadline.State.PENDING);
        assertThat(ack(i, Duration.ofSeconds(200))).isEqualTo(Deadline.State.DUE_SOON);
        assertThat(ack(i, Duration.ofSeconds(299))).isEqualTo(Deadline.State.DUE_SOON);
        assertThat(ack(i, Duration.ofSeconds(300))).isEqualTo(Deadline.State.OVERDUE);
        Deadline d = CardClocks.of(i, SCALE, null, START).acknowledge().orElseThrow();
        assertThat(d.textAt(START.plusSeconds(60))).isEqualTo("ack in 04:00");
        assertThat(d.textAt(START.plusSeconds(430))).isEqualTo("ack LATE 02:10");
    }

    @Test
    void anAcknowledgedIncidentSaysWhen() {
        Incident i = incident("SEV1", IncidentStatus.INVESTIGATING, detected().with(Milestone.ACKNOWLEDGED,
                START.plusSeconds(200)));
        Deadline d = CardClocks.of(i, SCALE, null, START.plusSeconds(900)).acknowledge().orElseThrow();
        assertThat(d.stateAt(START.plusSeconds(900))).isEqualTo(Deadline.State.MET);
        assertThat(d.textAt(START.plusSeconds(900))).isEqualTo("ack ✓ 14:03");
    }

    @Test
    void aSeverityChangeMovesTheTargetsFromTheSameStart() {
        Incident asSev2 = incident("SEV2", IncidentStatus.INVESTIGATING, detected());
        Instant tenMinutes = START.plus(Duration.ofMinutes(10));
        assertThat(CardClocks.of(asSev2, SCALE, null, tenMinutes).acknowledge().orElseThrow().stateAt(tenMinutes))
                .isEqualTo(Deadline.State.DUE_SOON);
        Incident upgraded = incident("SEV1", IncidentStatus.INVESTIGATING, detected());
        assertThat(CardClocks.of(upgraded, SCALE, null, tenMinutes).acknowledge().orElseThrow().stateAt(tenMinutes))
                .as("SEV1 wanted an acknowledgement within 5 minutes").isEqualTo(Deadline.State.OVERDUE);
        assertThat(CardClocks.of(incident("SEV4", IncidentStatus.INVESTIGATING, detected()), SCALE, null, tenMinutes)
                .acknowledge()).as("best effort: no clock").isEmpty();
    }

    @Test
    void firstCommunicationIsDueFiveMinutesFromDetection() {
        Incident i = incident("SEV2", IncidentStatus.INVESTIGATING, detected());
        Deadline first = CardClocks.of(i, SCALE, null, START).firstCommunication().orElseThrow();
        assertThat(first.stateAt(START.plusSeconds(299))).isEqualTo(Deadline.State.DUE_SOON);
        assertThat(first.stateAt(START.plusSeconds(300))).isEqualTo(Deadline.State.OVERDUE);
    }

    @Test
    void theNextUpdateCountsFromTheLaterOfTheLastUpdateSentAndTheFirstCommunication() {
        Incident i = incident("SEV1", IncidentStatus.INVESTIGATING, detected());
        Instant now = START.plus(Duration.ofMinutes(14));
        assertThat(CardClocks.of(i, SCALE, null, now).nextUpdate())
                .as("before anything was said, the first-communication clock is the one that counts").isEmpty();
        Incident told = incident("SEV1", IncidentStatus.INVESTIGATING, detected().with(Milestone.FIRST_COMMUNICATION,
                START.plus(Duration.ofMinutes(4))));
        assertThat(CardClocks.of(told, SCALE, null, now).nextUpdate().orElseThrow().due())
                .isEqualTo(START.plus(Duration.ofMinutes(19)));
        Instant sent = START.plus(Duration.ofMinutes(13));
        Deadline update = CardClocks.of(told, SCALE, sent, now).nextUpdate().orElseThrow();
        assertThat(update.due()).isEqualTo(START.plus(Duration.ofMinutes(28)));
        assertThat(update.stateAt(START.plus(Duration.ofMinutes(28)))).isEqualTo(Deadline.State.OVERDUE);
        assertThat(CardClocks.of(incident("SEV1", IncidentStatus.RESOLVED, detected()), SCALE, null, now).nextUpdate())
                .as("no updates are due once resolved").isEmpty();
    }

    @Test
    void aResolvedTopIncidentHasItsPostmortemDueInFiveBusinessDays() {
        Incident resolved = incident("SEV1", IncidentStatus.RESOLVED, detected().with(Milestone.RESOLVED,
                START.plus(Duration.ofHours(2))));
        assertThat(CardClocks.of(resolved, SCALE, null, START.plus(Duration.ofHours(3))).postmortemDue())
                .contains(LocalDate.parse("2026-11-27"));
        Incident minor = incident("SEV4", IncidentStatus.RESOLVED, detected().with(Milestone.RESOLVED,
                START.plus(Duration.ofHours(2))));
        assertThat(CardClocks.of(minor, SCALE, null, START.plus(Duration.ofHours(3))).postmortemDue()).isEmpty();
        assertThat(CardClocks.of(resolved, SCALE, null, START.plus(Duration.ofHours(3))).elapsed())
                .as("a resolved incident's time stops at resolution").isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aStartInTheFutureNeverGivesANegativeTime() {
        Incident skewed = incident("SEV1", IncidentStatus.INVESTIGATING, Milestones.none().with(Milestone.DETECTED,
                START.plus(Duration.ofMinutes(10))));
        CardClocks c = CardClocks.of(skewed, SCALE, null, START);
        assertThat(c.elapsed()).isEqualTo(Duration.ZERO);
        assertThat(c.acknowledge().orElseThrow().textAt(START)).isEqualTo("ack in 05:00");
        assertThat(CardClocks.of(skewed, SCALE, START.plus(Duration.ofHours(1)), START).nextUpdate().orElseThrow().due())
                .as("an update 'sent' in the future counts from now").isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @Test
    void anUnmappedSeverityHasOnlyTheFirstCommunicationClock() {
        CardClocks c = CardClocks.of(incident("CRIT", IncidentStatus.INVESTIGATING, detected()), SCALE, null, START);
        assertThat(c.acknowledge()).isEmpty();
        assertThat(c.nextUpdate()).isEmpty();
        assertThat(c.firstCommunication()).isPresent();
    }

    @Test
    void anIncidentWithNoDetectionTimeCountsFromItsDeclaration() {
        Incident undetected = incident("SEV1", IncidentStatus.INVESTIGATING, Milestones.none());
        CardClocks c = CardClocks.of(undetected, SCALE, null, START.plusSeconds(90));
        assertThat(c.elapsed()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.acknowledge().orElseThrow().due()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aResolvedIncidentShowsOnlyTheClocksThatWereMet() {
        Incident resolved = incident("SEV1", IncidentStatus.RESOLVED, detected().with(Milestone.ACKNOWLEDGED,
                START.plusSeconds(60)).with(Milestone.RESOLVED, START.plus(Duration.ofHours(1))));
        CardClocks c = CardClocks.of(resolved, SCALE, null, START.plus(Duration.ofHours(2)));
        assertThat(c.acknowledge()).isPresent();
        assertThat(c.firstCommunication()).as("never sent, nothing left to count").isEmpty();
        assertThat(c.nextUpdate()).isEmpty();
    }
}
