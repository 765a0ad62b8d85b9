package dev.sitrep.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A postmortem as GitHub-flavoured Markdown, in the order BRIEF's postmortems use: facts, impact,
 * timeline (UTC, milestones marked, missing ones named), kill switch and containment, evidence
 * with hashes, the written sections with the five whys under the root cause, action items,
 * lessons, then the team's own sections. Missing facts read "_missing_". The HTML export and the
 * revision comparison start from this text.
 */
public final class PostmortemMarkdown {

    static final String MISSING = "_missing_";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PostmortemMarkdown() {
    }

    public static String render(Postmortem p, List<ActionItem> actions) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(p.title()).replaceAll("(#+)$", "\\\\$1")).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Incident", p.incident().value());
        row(md, "Severity", p.severity() + (p.underCall() == null ? "" : " (raised after an under-call: " + p.underCall()
                + ")"));
        row(md, "Duration", duration(p));
        row(md, "Detected by", p.detectedBy());
        row(md, "Resolved by", p.resolvedBy());
        md.append("\n## Impact\n\n| | |\n|---|---|\n");
        Postmortem.Impact impact = p.impact();
        row(md, "Accounts affected", impact.accountsAffected());
        row(md, "User-visible symptoms", impact.symptoms());
        row(md, "Data integrity", impact.dataIntegrity() == null ? null : impact.dataIntegrity().key());
        row(md, "SLA breach", impact.slaBreach());
        timeline(md, p);
        md.append("\n## Kill switch and containment\n\n");
        if (p.containment().isEmpty()) {
            md.append("None recorded.\n");
        }
        p.containment().forEach(e -> md.append("- ").append(WHEN.format(e.at())).append(" UTC: ")
                .append(oneLine(e.text())).append('\n'));
        evidence(md, p);
        for (Postmortem.Section s : p.sections()) {
            if (s.key().equals("lessons")) {
                actions(md, actions);
            }
            md.append("\n## ").append(oneLine(s.title())).append("\n\n");
            md.append(s.markdown().isBlank() ? MISSING : contained(s.markdown().strip())).append('\n');
            if (s.key().equals("root_cause")) {
                fiveWhys(md, p.fiveWhys());
            }
        }
        if (p.section("lessons").isEmpty()) {
            actions(md, actions);
        }
        return md.toString();
    }

    /** {@code 2026-11-22 23:40 UTC – 2026-11-23 01:05 UTC (1 h 25 min)}, or what is missing. */
    public static String duration(Postmortem p) {
        String start = p.start().map(s -> WHEN.format(s) + " UTC").orElse("start " + MISSING);
        String end = p.at(PostmortemMilestone.ALL_CLEAR).map(e -> WHEN.format(e) + " UTC").orElse("all-clear " + MISSING);
        return start + " – " + end + p.duration().map(d -> " (" + length(d) + ")").orElse("");
    }

    static String length(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }

    private static void timeline(StringBuilder md, Postmortem p) {
        md.append("\n## Timeline (UTC)\n\n| Time (UTC) | Event | Milestone |\n|---|---|---|\n");
        for (Postmortem.TimelineRow r : p.timeline()) {
            if (r.included()) {
                md.append("| ").append(WHEN.format(r.at())).append(" | ").append(cell(r.text())).append(" | ")
                        .append(r.milestone() == null ? "" : "**" + r.milestone().label() + "**").append(" |\n");
            }
        }
        List<PostmortemMilestone> missing = p.missingMilestones();
        if (!missing.isEmpty()) {
            md.append("\nMissing from the timeline: ").append(missing.stream().map(PostmortemMilestone::label)
                    .collect(Collectors.joining(", "))).append(".\n");
        }
    }

    private static void evidence(StringBuilder md, Postmortem p) {
        md.append("\n## Evidence\n\n");
        if (p.evidence().isEmpty()) {
            md.append("None collected.\n");
            return;
        }
        md.append("| Item | Kind | SHA-256 | Captured (UTC) |\n|---|---|---|---|\n");
        p.evidence().forEach(e -> md.append("| ").append(cell(e.name())).append(" | ").append(e.kind()).append(" | `")
                .append(e.sha256()).append("` | ").append(WHEN.format(e.capturedAt())).append(" by ")
                .append(cell(e.capturedBy())).append(" |\n"));
    }

    private static void fiveWhys(StringBuilder md, List<String> whys) {
        if (whys.stream().allMatch(String::isBlank)) {
            return;
        }
        md.append("\n### Five whys\n\n");
        int n = 1;
        for (String why : whys) {
            md.append(n++).append(". Why? ").append(why.isBlank() ? MISSING : oneLine(why)).append('\n');
        }
    }

    private static void actions(StringBuilder md, List<ActionItem> actions) {
        md.append("\n## Action items\n\n");
        if (actions.isEmpty()) {
            md.append(MISSING).append('\n');
            return;
        }
        md.append("| Action | Owner | Due | Status |\n|---|---|---|---|\n");
        for (ActionItem a : actions) {
            md.append("| ").append(cell(a.action())).append(" | ").append(a.owner() == null ? MISSING : cell(a.owner()))
                    .append(" | ").append(a.due() == null ? MISSING : a.due().toString()).append(" | ")
                    .append(a.status().label()).append(" |\n");
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value == null || value.isBlank() ? MISSING : cell(value))
                .append(" |\n");
    }

    /** Table cells hold one line, with their backslashes and pipes escaped. */
    static String cell(String text) {
        return oneLine(text).replace("\\", "\\\\").replace("|", "\\|");
    }

    private static final java.util.regex.Pattern FENCE = java.util.regex.Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final java.util.regex.Pattern HTML_START = java.util.regex.Pattern.compile("^( {0,3})<");

    /**
     * A section's Markdown kept inside its section: a line that would open a raw HTML block is
     * escaped (it reads as text), and a code fence left open is closed, so nothing after it
     * (the action items, the lessons) is swallowed.
     */
    static String contained(String markdown) {
        StringBuilder out = new StringBuilder();
        String open = null;
        for (String line : markdown.split("\n", -1)) {
            java.util.regex.Matcher fence = FENCE.matcher(line);
            if (open == null && fence.find()) {
                open = fence.group(1);
            } else if (open != null && fence.find() && fence.group(1).charAt(0) == open.charAt(0)
                    && fence.group(1).length() >= open.length() && line.strip().equals(fence.group(1))) {
                open = null;
            } else if (open == null) {
                line = HTML_START.matcher(line).replaceFirst("$1\\\\<");
            }
            out.append(line).append('\n');
        }
        if (open != null) {
            out.append(open).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static String utc(Instant at) {
        return WHEN.format(at);
    }
}
