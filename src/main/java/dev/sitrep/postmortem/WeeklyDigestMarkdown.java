package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Incident;

import java.util.Map;

/**
 * A weekly digest as GitHub-flavoured Markdown: the title with the week's days, what was left out,
 * then one section per figure with its table (or "None."). Text people typed (titles, services,
 * actions, owners) goes into cells on one line with its pipes escaped, as in the postmortem.
 */
public final class WeeklyDigestMarkdown {

    private WeeklyDigestMarkdown() {
    }

    public static String render(WeeklyDigest d) {
        IsoWeek week = d.week();
        StringBuilder md = new StringBuilder();
        md.append("# Weekly digest ").append(week).append(" (").append(week.days()).append(")\n\n");
        md.append("Declared from Monday ").append(week.monday()).append(" 00:00 UTC to Monday ")
                .append(week.monday().plusWeeks(1)).append(" 00:00 UTC. Drills are left out of every count and list: ")
                .append(d.drillsLeftOut() == 0 ? "none" : d.drillsLeftOut() + " drill" + (d.drillsLeftOut() == 1 ? ""
                        : "s")).append(" declared this week.\n");

        md.append("\n## Incidents declared: ").append(d.incidents()).append("\n\n");
        if (d.incidents() == 0) {
            md.append("None.\n");
        } else {
            counts(md, "Severity", d.bySeverity());
            md.append('\n');
            counts(md, "Service", d.byService());
        }

        IsoWeek first = week.minusWeeks(WeeklyDigest.LOOKBACK_WEEKS);
        md.append("\n## Recurring services (this week and the ").append(WeeklyDigest.LOOKBACK_WEEKS)
                .append(" weeks before: ").append(IsoWeek.days(first.monday(), week.sunday())).append(")\n\n");
        md.append("Services with an incident this week and 2 or more in those ")
                .append(WeeklyDigest.LOOKBACK_WEEKS + 1).append(" weeks.\n\n");
        if (d.recurrences().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Service | This week | ").append(WeeklyDigest.LOOKBACK_WEEKS + 1).append(" weeks |\n|---|---|---|\n");
            d.recurrences().forEach(r -> md.append("| ").append(PostmortemMarkdown.cell(r.service())).append(" | ")
                    .append(r.thisWeek()).append(" | ").append(r.inWindow()).append(" |\n"));
        }

        md.append("\n## Open ").append(String.join(" and ", d.highSeverity()))
                .append(" incidents (now, declared in any week)\n\n");
        if (d.openHighSeverity().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Incident | Severity | Status | Declared (UTC) | Service | Title |\n|---|---|---|---|---|---|\n");
            for (Incident i : d.openHighSeverity()) {
                md.append("| ").append(i.id()).append(" | ").append(i.severity()).append(" | ").append(i.status().key())
                        .append(" | ").append(PostmortemMarkdown.utc(i.declaredAt())).append(" | ")
                        .append(i.service() == null ? "" : PostmortemMarkdown.cell(i.service())).append(" | ")
                        .append(PostmortemMarkdown.cell(i.title())).append(" |\n");
            }
        }

        md.append("\n## Overdue follow-ups (as of ").append(d.overdueAsOf()).append(")\n\n");
        if (d.overdue().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Due | Incident | Action | Owner | Status |\n|---|---|---|---|---|\n");
            for (ActionItem a : d.overdue()) {
                md.append("| ").append(a.due()).append(" | ").append(a.incident()).append(" | ")
                        .append(PostmortemMarkdown.cell(a.action())).append(" | ")
                        .append(a.owner() == null ? PostmortemMarkdown.MISSING : PostmortemMarkdown.cell(a.owner()))
                        .append(" | ").append(a.status().label()).append(" |\n");
            }
        }
        return md.toString();
    }

    private static void counts(StringBuilder md, String what, Map<String, Integer> counts) {
        md.append("| ").append(what).append(" | Incidents |\n|---|---|\n");
        counts.forEach((name, n) -> md.append("| ").append(PostmortemMarkdown.cell(name)).append(" | ").append(n)
                .append(" |\n"));
    }
}
