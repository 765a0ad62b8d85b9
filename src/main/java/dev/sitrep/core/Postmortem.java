package dev.sitrep.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A postmortem: a blameless account of one incident, drafted from what Sitrep recorded and then
 * edited. Saved whole (with revisions) as the editor autosaves. A fact the record lacks is
 * {@code null} and shown as missing, never made up.
 *
 * @param title      {@code Incident YYYY-MM-DD: <title>}
 * @param underCall  why the first severity was too low (from an upgrade on the timeline), or {@code null}
 * @param detectedBy alert, customer report, engineer... ({@code null}: missing)
 * @param timeline   the incident's events in time order, each included or left out, some marked as milestones
 * @param containment kill-switch and containment entries from the timeline
 * @param evidence   the incident's evidence (not removed) with its hashes
 * @param fiveWhys   the root-cause helper: why, why, why... (five answers, blank until written)
 * @param sections   the free-text sections in Markdown: the standard ones, then the team's own
 */
public record Postmortem(IncidentId incident, String title, String severity, String underCall, String detectedBy,
                         String resolvedBy, Impact impact, List<TimelineRow> timeline, List<Entry> containment,
                         List<EvidenceRow> evidence, List<String> fiveWhys, List<Section> sections,
                         Instant draftedAt) {

    /** The standard free-text sections, in the order BRIEF's postmortems use. */
    public static final List<Section> STANDARD = List.of(
            new Section("what_happened", "What happened", ""),
            new Section("root_cause", "Root cause", ""),
            new Section("went_well", "What went well", ""),
            new Section("went_poorly", "What went poorly", ""),
            new Section("lucky", "Where we got lucky", ""),
            new Section("lessons", "Lessons", ""));

    public Postmortem {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        containment = containment == null ? List.of() : List.copyOf(containment);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        fiveWhys = fiveWhys == null ? List.of() : List.copyOf(fiveWhys);
        sections = sections == null ? List.of() : List.copyOf(sections);
        impact = impact == null ? new Impact(null, null, null, null) : impact;
    }

    /** What users and data suffered; {@code null} fields are missing. */
    public record Impact(String accountsAffected, String symptoms, DataIntegrity dataIntegrity, String slaBreach) {
    }

    /** Whether data came to harm. */
    public enum DataIntegrity {
        NONE, LOSS, CORRUPTION;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One line of the timeline table.
     *
     * @param eventId   the timeline event it came from ({@code null} for a recorded milestone without its own event)
     * @param milestone the postmortem milestone it marks, or {@code null}
     * @param included  shown in the postmortem (the commander picks)
     */
    public record TimelineRow(String eventId, Instant at, String text, PostmortemMilestone milestone, boolean included) {
        public TimelineRow withIncluded(boolean now) {
            return new TimelineRow(eventId, at, text, milestone, now);
        }

        public TimelineRow withMilestone(PostmortemMilestone now) {
            return new TimelineRow(eventId, at, text, now, included);
        }

        public TimelineRow withText(String now) {
            return new TimelineRow(eventId, at, now, milestone, included);
        }
    }

    /** A dated line (kill switch, containment). */
    public record Entry(Instant at, String text) {
    }

    /** One evidence item as the postmortem cites it. */
    public record EvidenceRow(String id, String name, String kind, String sha256, Instant capturedAt, String capturedBy) {
    }

    /** A free-text section in Markdown; {@code key} is stable, the title is what readers see. */
    public record Section(String key, String title, String markdown) {
        public Section withMarkdown(String text) {
            return new Section(key, title, text);
        }
    }

    /** When a milestone was reached: the first included row marking it. */
    public Optional<Instant> at(PostmortemMilestone m) {
        return timeline.stream().filter(r -> r.milestone() == m).map(TimelineRow::at).findFirst();
    }

    /** The start: the first symptom when marked, else the alert. */
    public Optional<Instant> start() {
        return at(PostmortemMilestone.FIRST_SYMPTOM).or(() -> at(PostmortemMilestone.ALERT_FIRED));
    }

    /** Start to all-clear, when both are known. */
    public Optional<Duration> duration() {
        Optional<Instant> end = at(PostmortemMilestone.ALL_CLEAR);
        return start().flatMap(s -> end.map(e -> Duration.between(s, e)));
    }

    /** The milestones no row marks yet. */
    public List<PostmortemMilestone> missingMilestones() {
        List<PostmortemMilestone> missing = new ArrayList<>();
        for (PostmortemMilestone m : PostmortemMilestone.values()) {
            if (at(m).isEmpty()) {
                missing.add(m);
            }
        }
        return missing;
    }

    public Optional<Section> section(String key) {
        return sections.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Postmortem withTitle(String v) {
        return new Postmortem(incident, v, severity, underCall, detectedBy, resolvedBy, impact, timeline, containment,
                evidence, fiveWhys, sections, draftedAt);
    }

    public Postmortem withFacts(String underCallNow, String detectedByNow, String resolvedByNow, Impact impactNow) {
        return new Postmortem(incident, title, severity, underCallNow, detectedByNow, resolvedByNow, impactNow, timeline,
                containment, evidence, fiveWhys, sections, draftedAt);
    }

    public Postmortem withTimeline(List<TimelineRow> rows) {
        return new Postmortem(incident, title, severity, underCall, detectedBy, resolvedBy, impact, rows, containment,
                evidence, fiveWhys, sections, draftedAt);
    }

    public Postmortem withFiveWhys(List<String> whys) {
        return new Postmortem(incident, title, severity, underCall, detectedBy, resolvedBy, impact, timeline, containment,
                evidence, whys, sections, draftedAt);
    }

    public Postmortem withSection(String key, String markdown) {
        List<Section> now = sections.stream().map(s -> s.key().equals(key) ? s.withMarkdown(markdown) : s).toList();
        return new Postmortem(incident, title, severity, underCall, detectedBy, resolvedBy, impact, timeline, containment,
                evidence, fiveWhys, now, draftedAt);
    }
}
