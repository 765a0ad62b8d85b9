package dev.sitrep.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** An incident with its whole timeline (superseded entries included, in order of occurrence). */
public record IncidentRecord(Incident incident, List<TimelineEvent> timeline) {

    public IncidentRecord {
        timeline = List.copyOf(timeline);
    }

    /** The timeline as it reads now: entries that a correction replaced are left out. */
    public List<TimelineEvent> currentTimeline() {
        Set<String> replaced = timeline.stream().map(TimelineEvent::supersedes).filter(s -> s != null)
                .collect(Collectors.toSet());
        return timeline.stream().filter(e -> !replaced.contains(e.id())).toList();
    }

    public boolean isSuperseded(TimelineEvent event) {
        return timeline.stream().anyMatch(e -> event.id().equals(e.supersedes()));
    }
}
