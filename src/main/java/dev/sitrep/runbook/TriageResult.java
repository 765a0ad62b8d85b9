package dev.sitrep.runbook;

import dev.sitrep.core.Role;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityMapping;
import dev.sitrep.core.SeverityScale;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a triage ended and what the commander should do now.
 *
 * @param outcome   the outcome reached, or {@code null} when an answer led straight to a section
 * @param scale     the tree's severity scale
 * @param severity  the recommended level with its definition, or {@code null} without an outcome
 * @param sections  sections to open, in order, each with its runbook
 * @param contacts  the escalation contacts table, or {@code null} when the outcome names none
 * @param unsure    true when a "not sure" was on the way: the severity assumes the worse case
 */
public record TriageResult(Runbook tree, Outcome outcome, SeverityScale scale, SeverityLevel severity,
                           List<OpenedSection> sections, ReferenceTable contacts, List<Action> actions, List<Role> roles,
                           boolean unsure) {

    public TriageResult {
        sections = List.copyOf(sections);
        actions = List.copyOf(actions);
        roles = List.copyOf(roles);
    }

    public Optional<SeverityLevel> recommendedSeverity() {
        return Optional.ofNullable(severity);
    }

    /** The recommendation on the workspace's scale (never milder); empty without an outcome. */
    public Optional<SeverityLevel> severityOn(SeverityScale workspace) {
        return recommendedSeverity().map(level -> SeverityMapping.onto(scale, level, workspace));
    }

    public boolean proposeKillSwitch() {
        return actions.contains(Action.PROPOSE_KILL_SWITCH);
    }

    public Optional<ReferenceTable> contactsTable() {
        return Optional.ofNullable(contacts);
    }

    public String title() {
        return outcome != null ? outcome.title() : sections.isEmpty() ? "" : sections.get(0).section().title();
    }

    /**
     * One line for the timeline, e.g. {@code Triage outcome: SEV1 - Agents acting on customers;
     * propose the kill switch; open ai-triage#agent-misbehaviour, rollback#kill-switch; roles: commander, scribe}.
     */
    public String line() {
        StringBuilder s = new StringBuilder("Triage outcome: ");
        if (severity != null) {
            s.append(severity.code()).append(" - ");
        }
        s.append(title());
        if (proposeKillSwitch()) {
            s.append("; propose the kill switch");
        }
        if (!sections.isEmpty()) {
            s.append("; open ").append(sections.stream().map(OpenedSection::reference).collect(Collectors.joining(", ")));
        }
        if (!roles.isEmpty()) {
            s.append("; roles: ").append(roles.stream().map(Role::label).collect(Collectors.joining(", ")));
        }
        if (unsure) {
            s.append(" (reached through \"not sure\": the worse case is assumed; downgrade once the facts are in)");
        }
        return s.toString();
    }
}
