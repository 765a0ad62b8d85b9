package dev.sitrep.board;

import dev.sitrep.core.Incident;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The board's lanes: one per level of the workspace scale, most severe first, then "Unmapped"
 * for severities the scale does not know (a platform's own, an old scale's): never dropped.
 * Within a lane, incidents being worked come first, newest first.
 */
public final class Lanes {

    public static final String UNMAPPED = "Unmapped";

    /** Worked before resolved, then the most recent start first, then by id for a stable order. */
    public static final Comparator<Incident> ORDER = Comparator.<Incident, Integer>comparing(i -> i.status().isActive() ? 0 : 1)
            .thenComparing(Incident::startedAt, Comparator.reverseOrder())
            .thenComparing(i -> i.id().value());

    private Lanes() {
    }

    /** Lane keys in display order: the scale's codes, then {@value #UNMAPPED}. */
    public static List<String> keys(SeverityScale scale) {
        List<String> keys = new ArrayList<>(scale.levels().stream().map(SeverityLevel::code).toList());
        keys.add(UNMAPPED);
        return keys;
    }

    /** The lane an incident belongs in. */
    public static String laneOf(SeverityScale scale, Incident incident) {
        return scale.find(incident.severity()).map(SeverityLevel::code).orElse(UNMAPPED);
    }
}
