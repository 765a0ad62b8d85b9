package dev.sitrep.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityMapping;
import dev.sitrep.core.SeverityScale;

import java.util.ArrayList;
import java.util.List;

/**
 * What switching the workspace scale from {@code from} to {@code to} does: each level of {@code from}
 * with the level of {@code to} it becomes and how many unfinished incidents are at it now.
 *
 * @param moves      one per level of {@code from}, highest first
 * @param unfinished how many unfinished incidents the workspace has (on any level)
 */
public record ScaleSwitch(SeverityScale from, SeverityScale to, List<Move> moves, int unfinished) {

    /** One level of the old scale and the level it becomes. */
    public record Move(SeverityLevel from, SeverityLevel to, int incidents) {

        /** {@code SEV1 → P0 (Customers see an outage, ...): 2 unfinished incidents} */
        public String describe() {
            return from.code() + " → " + to.code() + " (" + to.criteria() + ")"
                    + (incidents == 0 ? "" : ": " + incidents + " unfinished incident" + (incidents == 1 ? "" : "s"));
        }
    }

    public ScaleSwitch {
        moves = List.copyOf(moves);
    }

    static ScaleSwitch of(SeverityScale from, SeverityScale to, List<Incident> unfinished) {
        List<Move> moves = new ArrayList<>();
        for (SeverityLevel level : from.levels()) {
            int at = (int) unfinished.stream().filter(i -> level.code().equalsIgnoreCase(i.severity())).count();
            moves.add(new Move(level, SeverityMapping.onto(from, level, to), at));
        }
        return new ScaleSwitch(from, to, moves, unfinished.size());
    }

    /**
     * The level of {@code to} an incident at {@code code} on {@code from} gets; a code that is not on
     * {@code from} (written before a scale was chosen) gets {@code to}'s default, as it always has.
     */
    static SeverityLevel levelOn(SeverityScale from, SeverityScale to, String code) {
        return from.find(code).map(level -> SeverityMapping.onto(from, level, to)).orElse(to.defaultSeverity());
    }
}
