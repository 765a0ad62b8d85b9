package dev.sitrep.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** When each milestone was reached; a milestone not reached yet is absent. */
public final class Milestones {

    private final Map<Milestone, Instant> reached;

    private Milestones(Map<Milestone, Instant> reached) {
        this.reached = reached;
    }

    public static Milestones none() {
        return new Milestones(new EnumMap<>(Milestone.class));
    }

    public static Milestones of(Map<Milestone, Instant> reached) {
        EnumMap<Milestone, Instant> copy = new EnumMap<>(Milestone.class);
        reached.forEach((m, t) -> {
            if (t != null) {
                copy.put(m, t);
            }
        });
        return new Milestones(copy);
    }

    public Optional<Instant> at(Milestone milestone) {
        return Optional.ofNullable(reached.get(milestone));
    }

    public Milestones with(Milestone milestone, Instant at) {
        EnumMap<Milestone, Instant> copy = new EnumMap<>(Milestone.class);
        copy.putAll(reached);
        copy.put(milestone, at);
        return new Milestones(copy);
    }

    public Milestones without(Milestone milestone) {
        EnumMap<Milestone, Instant> copy = new EnumMap<>(Milestone.class);
        copy.putAll(reached);
        copy.remove(milestone);
        return new Milestones(copy);
    }

    /** Sets the milestone only if it has not been reached yet. */
    public Milestones withFirst(Milestone milestone, Instant at) {
        return reached.containsKey(milestone) ? this : with(milestone, at);
    }

    public Map<Milestone, Instant> asMap() {
        return Collections.unmodifiableMap(reached);
    }

    /** Time between two milestones, when both are reached. */
    public Optional<Duration> between(Milestone from, Milestone to) {
        return at(from).flatMap(a -> at(to).map(b -> Duration.between(a, b)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Milestones other && reached.equals(other.reached);
    }

    @Override
    public int hashCode() {
        return reached.hashCode();
    }

    @Override
    public String toString() {
        return reached.toString();
    }
}
