package dev.sitrep.postmortem;

import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentRecord;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Drafts a blameless postmortem from what Sitrep recorded about an incident: its facts, its
 * timeline with the milestones marked, its kill-switch and containment entries and its evidence.
 * Only recorded facts go in; whatever the record lacks stays {@code null} (shown as missing).
 * Pure: the same incident gives the same draft.
 */
public final class PostmortemDrafter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Entries that only tick boxes or echo capture: left out of the table by default (still there to include). */
    private static final Set<EventType> LEFT_OUT = EnumSet.of(EventType.CHECKLIST, EventType.TRIAGE, EventType.EVIDENCE);

    private PostmortemDrafter() {
    }

    /**
     * @param evidence       the incident's evidence (removed items are left out)
     * @param teamSections   the team's own section titles from Settings, added after the standard ones
     */
    public static Postmortem draft(IncidentRecord record, List<EvidenceItem> evidence, List<String> teamSections,
                                   Instant now) {
        Incident incident = record.incident();
        List<TimelineEvent> events = current(record.timeline());
        List<Postmortem.TimelineRow> rows = timeline(incident, events);
        List<Postmortem.Entry> containment = events.stream().filter(e -> e.type() == EventType.KILL_SWITCH)
                .map(e -> new Postmortem.Entry(e.occurredAt(), e.text())).toList();
        List<Postmortem.EvidenceRow> cited = evidence.stream().filter(e -> !e.removed())
                .map(e -> new Postmortem.EvidenceRow(e.id(), e.name(), e.kind().key(), e.sha256(), e.capturedAt(),
                        e.capturedBy())).toList();
        List<Postmortem.Section> sections = new ArrayList<>(Postmortem.STANDARD);
        sections.set(0, sections.get(0).withMarkdown(whatHappened(incident, events)));
        int n = 1;
        for (String title : teamSections) {
            if (!title.isBlank()) {
                sections.add(new Postmortem.Section("team_" + n++, title.strip(), ""));
            }
        }
        return new Postmortem(incident.id(), "Incident " + DAY.format(incident.startedAt()) + ": " + incident.title(),
                incident.severity(), underCall(events), null, resolvedBy(events), new Postmortem.Impact(null,
                incident.impact(), null, null), rows, containment, cited, List.of("", "", "", "", ""), sections, now);
    }

    /** The entries as they stand: a correction replaces the entry it supersedes. */
    private static List<TimelineEvent> current(List<TimelineEvent> timeline) {
        Set<String> superseded = new HashSet<>();
        timeline.forEach(e -> {
            if (e.supersedes() != null) {
                superseded.add(e.supersedes());
            }
        });
        return timeline.stream().filter(e -> !superseded.contains(e.id()))
                .sorted(Comparator.comparing(TimelineEvent::occurredAt)).toList();
    }

    private static List<Postmortem.TimelineRow> timeline(Incident incident, List<TimelineEvent> events) {
        List<Postmortem.TimelineRow> rows = new ArrayList<>();
        EnumSet<PostmortemMilestone> marked = EnumSet.noneOf(PostmortemMilestone.class);
        for (TimelineEvent e : events) {
            PostmortemMilestone m = milestoneOf(incident, e);
            if (m != null && !marked.add(m)) {
                m = null; // the first entry marks it
            }
            rows.add(new Postmortem.TimelineRow(e.id(), e.occurredAt(), e.text(), m,
                    m != null || !LEFT_OUT.contains(e.type())));
        }
        // A milestone the incident holds but no entry records (e.g. a detection time given at declaration).
        addRecorded(rows, marked, PostmortemMilestone.ALERT_FIRED, incident.milestones().at(Milestone.DETECTED),
                "Detected");
        addRecorded(rows, marked, PostmortemMilestone.ACKNOWLEDGED, incident.milestones().at(Milestone.ACKNOWLEDGED),
                "Acknowledged");
        addRecorded(rows, marked, PostmortemMilestone.REMEDIATION_APPLIED, incident.milestones().at(Milestone.MITIGATED),
                "Mitigated");
        addRecorded(rows, marked, PostmortemMilestone.ALL_CLEAR, incident.milestones().at(Milestone.RESOLVED),
                "Resolved");
        rows.sort(Comparator.comparing(Postmortem.TimelineRow::at));
        return rows;
    }

    private static void addRecorded(List<Postmortem.TimelineRow> rows, Set<PostmortemMilestone> marked,
                                    PostmortemMilestone m, Optional<Instant> at, String what) {
        if (at.isPresent() && !marked.contains(m)) {
            rows.add(new Postmortem.TimelineRow(null, at.get(), what + " (recorded milestone)", m, true));
            marked.add(m);
        }
    }

    /** The milestone an entry records, if any. The first symptom is never guessed: the commander marks it. */
    static PostmortemMilestone milestoneOf(Incident incident, TimelineEvent e) {
        if (e.type() == EventType.MILESTONE) {
            return e.datum("milestone").map(key -> switch (key) {
                case "detected" -> PostmortemMilestone.ALERT_FIRED;
                case "acknowledged" -> PostmortemMilestone.ACKNOWLEDGED;
                case "mitigated" -> PostmortemMilestone.REMEDIATION_APPLIED;
                case "resolved" -> PostmortemMilestone.ALL_CLEAR;
                default -> null;
            }).orElse(null);
        }
        if (e.type() == EventType.STATUS_CHANGE) {
            return switch (e.datum("to").orElse("")) {
                case "identified" -> PostmortemMilestone.ROOT_CAUSE_IDENTIFIED;
                case "resolved" -> PostmortemMilestone.ALL_CLEAR;
                default -> null;
            };
        }
        if (e.type() == EventType.DECLARED && incident.milestones().at(Milestone.DETECTED)
                .map(d -> d.equals(e.occurredAt())).orElse(false)) {
            return PostmortemMilestone.ALERT_FIRED;
        }
        return null;
    }

    /** The reason given when the severity was raised after a call that was too low. */
    private static String underCall(List<TimelineEvent> events) {
        return events.stream().filter(e -> e.type() == EventType.SEVERITY_CHANGE
                        && "under-call".equals(e.data().get("postmortem")))
                .map(e -> e.data().get("from") + " → " + e.data().get("to") + " at " + TimeFormat.utcTime(e.occurredAt())
                        + ": " + e.data().getOrDefault("reason", ""))
                .reduce((a, b) -> a + "; " + b).orElse(null);
    }

    private static String resolvedBy(List<TimelineEvent> events) {
        return events.stream().filter(e -> e.type() == EventType.STATUS_CHANGE && "resolved".equals(e.data().get("to")))
                .map(TimelineEvent::actor).reduce((a, b) -> b).orElse(null);
    }

    /** The facts, for the commander to turn into the story: what, where, how bad, how long. */
    private static String whatHappened(Incident incident, List<TimelineEvent> events) {
        StringBuilder s = new StringBuilder();
        s.append(incident.severity()).append(" incident");
        if (incident.service() != null) {
            s.append(" on ").append(incident.service());
        }
        if (!incident.platforms().isEmpty()) {
            s.append(" (platforms: ").append(String.join(", ", incident.platforms())).append(')');
        }
        s.append(", declared ").append(TimeFormat.utcTime(incident.declaredAt())).append(" on ")
                .append(DAY.format(incident.declaredAt())).append(" by ").append(incident.declaredBy()).append('.');
        long halts = events.stream().filter(e -> e.type() == EventType.KILL_SWITCH).count();
        if (halts > 0) {
            s.append(" The timeline holds ").append(halts).append(" kill-switch or containment entr")
                    .append(halts == 1 ? "y" : "ies").append('.');
        }
        return s.toString();
    }
}
