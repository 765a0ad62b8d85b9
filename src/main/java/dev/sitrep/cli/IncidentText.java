package dev.sitrep.cli;

import dev.sitrep.core.Incident;
import dev.sitrep.core.Checklist;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Plain-text views of incidents for the terminal. */
final class IncidentText {

    private static final String NL = System.lineSeparator();

    private IncidentText() {
    }

    static String table(List<Incident> incidents, Instant now) {
        if (incidents.isEmpty()) {
            return "No incidents. Declare one with: sitrep incident declare --title \"...\"" + NL;
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s  %-5s  %-13s  %-7s  %-16s  %s%n",
                "ID", "SEV", "STATUS", "AGE", "COMMANDER", "TITLE"));
        for (Incident i : incidents) {
            out.append(String.format(Locale.ROOT, "%-22s  %-5s  %-13s  %-7s  %-16s  %s%s%n", i.id(), i.severity(),
                    i.status().key(), TimeFormat.elapsed(Duration.between(i.startedAt(), now)),
                    clip(orDash(i.commander()), 16), i.drill() ? "[DRILL] " : "", i.title()));
        }
        return out.toString();
    }

    static String detail(IncidentRecord record, SeverityScale scale, ResumeWatch watch, List<Checklist> checklists,
                         Instant now, ZoneId zone) {
        Incident i = record.incident();
        StringBuilder out = new StringBuilder();
        out.append(i.id()).append("  ").append(i.severity()).append("  ").append(i.status().key().toUpperCase(Locale.ROOT));
        if (i.drill()) {
            out.append("  DRILL");
        }
        out.append(NL).append(i.title()).append(NL);
        scale.find(i.severity()).ifPresent(level -> out.append("  ").append(level.code()).append(": ")
                .append(level.criteria()).append(" (respond ").append(level.respondText()).append(')').append(NL));
        if (i.mergedInto() != null) {
            out.append("  Merged into ").append(i.mergedInto()).append(NL);
        }
        out.append("  Service:    ").append(orDash(i.service())).append(NL);
        out.append("  Platforms:  ").append(i.platforms().isEmpty() ? "-" : String.join(", ", i.platforms())).append(NL);
        out.append("  Commander:  ").append(orDash(i.roles().commander()))
                .append("   Scribe: ").append(orDash(i.roles().scribe()))
                .append("   Comms: ").append(orDash(i.roles().commsLead())).append(NL);
        if (!i.roles().responders().isEmpty()) {
            out.append("  Responders: ").append(String.join(", ", i.roles().responders())).append(NL);
        }
        out.append("  Declared:   ").append(TimeFormat.stamp(i.declaredAt(), zone)).append(" by ").append(i.declaredBy())
                .append(" (").append(TimeFormat.elapsed(Duration.between(i.declaredAt(), now))).append(" ago)").append(NL);
        if (i.impact() != null) {
            out.append("  Impact:     ").append(i.impact()).append(NL);
        }
        if (watch != null) {
            out.append("  Resume watch: ").append(watch.describe(now)).append("; resolving waits until then.").append(NL);
        }
        out.append("  Milestones:").append(NL);
        for (Milestone m : Milestone.values()) {
            out.append(String.format(Locale.ROOT, "    %-20s %s%n", m.label(),
                    i.milestones().at(m).map(t -> TimeFormat.stamp(t, zone)).orElse("-")));
        }
        for (Checklist c : checklists) {
            out.append("  Checklist: ").append(c.title()).append(" (").append(c.progress()).append(", runbook ")
                    .append(c.runbook()).append(')').append(NL);
            for (Checklist.Step s : c.steps()) {
                out.append("    [").append(s.done() ? 'x' : ' ').append("] ").append(s.position()).append(". ")
                        .append(s.text());
                if (s.done()) {
                    out.append("  (").append(TimeFormat.utcTime(s.doneAt())).append(", ").append(s.doneBy()).append(')');
                }
                out.append(NL);
            }
        }
        out.append("  Timeline (").append(record.timeline().size()).append(" entries):").append(NL);
        for (TimelineEvent e : record.timeline()) {
            boolean replaced = record.isSuperseded(e);
            out.append("    ").append(TimeFormat.stamp(e.occurredAt(), zone)).append("  ")
                    .append(String.format(Locale.ROOT, "%-15s", e.type().key())).append(' ')
                    .append(e.actor()).append(": ").append(replaced ? "[corrected] " : "").append(e.text())
                    .append("  [").append(e.id()).append(']');
            if (e.supersedes() != null) {
                out.append(" (corrects ").append(e.supersedes()).append(')');
            }
            out.append(NL);
        }
        return out.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
