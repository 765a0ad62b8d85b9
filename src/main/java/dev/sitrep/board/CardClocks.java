package dev.sitrep.board;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.comms.UpdateCadence;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The clocks of one incident's card, from the scale's targets: acknowledgement (the level's
 * response target from detection), first communication (5 minutes from detection), the next
 * update once there was a first one ({@link UpdateCadence}: the level's cadence from the later of
 * the last update sent and the first communication) while it is worked, and the postmortem due
 * date once resolved (5 business days for the top levels). A start in the future (a skewed clock)
 * counts from now: never a negative time.
 */
public record CardClocks(Optional<Deadline> acknowledge, Optional<Deadline> firstCommunication,
                         Optional<Deadline> nextUpdate, Optional<LocalDate> postmortemDue, Duration elapsed) {

    /** Business days to the postmortem for the top levels (colour ramp 0 to 2: SEV0..SEV2, P0..P1). */
    public static final int POSTMORTEM_BUSINESS_DAYS = 5;

    /**
     * @param scale      the workspace scale (an unmapped severity has no ack or update clock)
     * @param lastUpdate the last status update sent, or {@code null}
     */
    public static CardClocks of(Incident incident, SeverityScale scale, Instant lastUpdate, Instant now) {
        SeverityLevel level = scale.find(incident.severity()).orElse(null);
        Instant start = incident.startedAt();
        if (start == null || start.isAfter(now)) {
            start = now;
        }
        Optional<Instant> acked = incident.milestones().at(Milestone.ACKNOWLEDGED);
        Optional<Instant> told = incident.milestones().at(Milestone.FIRST_COMMUNICATION);
        boolean worked = incident.status().isActive();
        // Once the incident is no longer worked, a clock that was never met has nothing left to count.
        Optional<Deadline> ack = level == null || level.respondWithin() == null || (!worked && acked.isEmpty())
                ? Optional.empty()
                : Optional.of(new Deadline("ack", start, start.plus(level.respondWithin()), acked.orElse(null)));
        Optional<Deadline> first = !worked && told.isEmpty() ? Optional.empty()
                : Optional.of(new Deadline("1st comm", start, start.plus(UpdateCadence.FIRST_COMMUNICATION_TARGET),
                        told.orElse(null)));
        Optional<Deadline> update = Optional.empty();
        Optional<Duration> every = UpdateCadence.every(scale, incident);
        if (every.isPresent() && (lastUpdate != null || told.isPresent())) {
            Instant sent = lastUpdate == null || lastUpdate.isBefore(now) ? lastUpdate : now;
            Instant due = UpdateCadence.nextDue(scale, incident, Optional.ofNullable(sent)).orElseThrow();
            update = Optional.of(new Deadline("update", due.minus(every.get()), due, null));
        }
        Optional<LocalDate> postmortem = incident.status() == IncidentStatus.RESOLVED && level != null
                && level.ramp() <= 2
                ? incident.milestones().at(Milestone.RESOLVED).map(r -> addBusinessDays(
                        r.atZone(ZoneOffset.UTC).toLocalDate(), POSTMORTEM_BUSINESS_DAYS))
                : Optional.empty();
        Instant end = incident.status().isActive() ? now
                : incident.milestones().at(Milestone.RESOLVED).filter(r -> !r.isAfter(now)).orElse(now);
        return new CardClocks(ack, first, update, postmortem, Duration.between(start, end.isBefore(start) ? start : end));
    }

    static LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate d = from;
        int added = 0;
        while (added < days) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return d;
    }
}
