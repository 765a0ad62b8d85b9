package dev.sitrep.core;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the store holds it. Immutable: every change produces a new value with a higher
 * {@code version}, and a timeline event that says what changed and why.
 *
 * @param severity   a level code on the workspace's scale at the time it was set
 * @param mergedInto the incident this one was merged into, when its status is MERGED
 * @param drill      declared for a drill, not a real incident
 */
public record Incident(IncidentId id, String title, String service, List<String> platforms, String severity,
                       IncidentStatus status, IncidentId mergedInto, Roles roles, Milestones milestones,
                       String impact, boolean drill, Instant declaredAt, String declaredBy, Instant updatedAt,
                       long version) {

    public Incident {
        platforms = List.copyOf(platforms);
    }

    public Incident withStatus(IncidentStatus newStatus, IncidentId into, Milestones newMilestones, Instant at) {
        return new Incident(id, title, service, platforms, severity, newStatus, into, roles, newMilestones,
                impact, drill, declaredAt, declaredBy, at, version + 1);
    }

    public Incident withSeverity(String newSeverity, Instant at) {
        return new Incident(id, title, service, platforms, newSeverity, status, mergedInto, roles, milestones,
                impact, drill, declaredAt, declaredBy, at, version + 1);
    }

    public Incident withRoles(Roles newRoles, Instant at) {
        return new Incident(id, title, service, platforms, severity, status, mergedInto, newRoles, milestones,
                impact, drill, declaredAt, declaredBy, at, version + 1);
    }

    public Incident withMilestones(Milestones newMilestones, Instant at) {
        return new Incident(id, title, service, platforms, severity, status, mergedInto, roles, newMilestones,
                impact, drill, declaredAt, declaredBy, at, version + 1);
    }

    public Incident withImpact(String newImpact, Instant at) {
        return new Incident(id, title, service, platforms, severity, status, mergedInto, roles, milestones,
                newImpact, drill, declaredAt, declaredBy, at, version + 1);
    }

    /** When the incident started: its detection, else its declaration. Elapsed times count from here. */
    public Instant startedAt() {
        return milestones.at(Milestone.DETECTED).orElse(declaredAt);
    }

    public String commander() {
        return roles.commander();
    }
}
