package dev.sitrep.comms;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Milestones;
import dev.sitrep.core.Roles;
import dev.sitrep.core.TimelineEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Incidents and timeline entries built by hand, for the pure tests of this package. */
final class Incidents {

    static final IncidentId ID = new IncidentId("INC-20261122-1432-7QF2");
    static final Instant DETECTED = Instant.parse("2026-11-22T14:32:00Z");

    private Incidents() {
    }

    /** SEV1 "Checkout 5xx spike", investigating, detected 14:32 UTC, with every optional field set. */
    static Incident full() {
        return new Incident(ID, "Checkout 5xx spike", "checkout", List.of("pn-prod", "wv"), "SEV1",
                IncidentStatus.INVESTIGATING, null, Roles.commandedBy("maria"),
                Milestones.none().with(Milestone.DETECTED, DETECTED), "EU checkout fails for 30% of users", false,
                DETECTED, "maria", DETECTED, 1);
    }

    /** The same incident with no impact, commander, service or platforms. */
    static Incident bare() {
        return new Incident(ID, "Checkout 5xx spike", null, List.of(), "SEV1", IncidentStatus.INVESTIGATING, null,
                new Roles(null, null, null, List.of()), Milestones.none().with(Milestone.DETECTED, DETECTED), null, false,
                DETECTED, "maria", DETECTED, 1);
    }

    static Incident with(Incident i, String severity, IncidentStatus status, Milestones milestones) {
        return new Incident(i.id(), i.title(), i.service(), i.platforms(), severity, status, i.mergedInto(), i.roles(),
                milestones, i.impact(), i.drill(), i.declaredAt(), i.declaredBy(), i.updatedAt(), i.version() + 1);
    }

    static TimelineEvent event(EventType type, String text, Instant at, Map<String, String> data) {
        return new TimelineEvent(UUID.randomUUID().toString(), ID, type, text, "maria", at, at, null, data);
    }

    static TimelineEvent correction(TimelineEvent old, String text, Instant at) {
        return new TimelineEvent(UUID.randomUUID().toString(), ID, old.type(), text, "maria", at, at, old.id(), old.data());
    }
}
