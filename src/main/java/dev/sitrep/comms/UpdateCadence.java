package dev.sitrep.comms;

import dev.sitrep.core.Incident;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When status updates are due. While an incident is worked, its severity's cadence on the scale
 * (SEV1 every 15 min, SEV2 every 30 min, SEV3 hourly) counts from the last update sent; before
 * the first one, the first communication is due 5 minutes after the incident started.
 */
public final class UpdateCadence {

    /** First communication within 5 minutes of detection. */
    public static final Duration FIRST_COMMUNICATION_TARGET = Duration.ofMinutes(5);

    private UpdateCadence() {
    }

    /** The update interval while the incident is worked; empty once resolved, or when its level schedules none. */
    public static Optional<Duration> every(SeverityScale scale, Incident incident) {
        if (!incident.status().isActive()) {
            return Optional.empty();
        }
        return scale.find(incident.severity()).flatMap(SeverityLevel::updateCadence);
    }

    /** The next update after one sent at {@code sentAt}; empty when no further update is scheduled. */
    public static Optional<Instant> after(SeverityScale scale, Incident incident, Instant sentAt) {
        return every(scale, incident).map(sentAt::plus);
    }

    /**
     * When the next update is due now: the later of the last one sent and the first-communication milestone,
     * plus the interval; with neither, the first-communication target. Empty when none is scheduled.
     */
    public static Optional<Instant> nextDue(SeverityScale scale, Incident incident, Optional<Instant> lastSent) {
        Optional<Duration> every = every(scale, incident);
        if (every.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> communicated = incident.milestones().at(Milestone.FIRST_COMMUNICATION);
        Optional<Instant> last = lastSent.isEmpty() ? communicated : communicated.isEmpty() ? lastSent
                : Optional.of(lastSent.get().isAfter(communicated.get()) ? lastSent.get() : communicated.get());
        return Optional.of(last.map(t -> t.plus(every.get()))
                .orElse(incident.startedAt().plus(FIRST_COMMUNICATION_TARGET)));
    }
}
