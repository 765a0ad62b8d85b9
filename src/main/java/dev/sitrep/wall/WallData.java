package dev.sitrep.wall;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.SeverityScale;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one good read of a {@link WallSource} gave: the raw facts the {@link WallModel} turns into
 * words. Every source (a workspace's store, a hub's database) fills the same record, so the wall
 * is built one way whatever it is read from.
 *
 * @param scale       the severity scale that orders and colours the rows and sets their clocks
 * @param drill       whether the whole wall is a drill (the DRILL banner)
 * @param active      the incidents being worked, in any order
 * @param lastUpdates when each incident's latest status update went out (absent: none yet)
 * @param platforms   the names shown in the platform strip, in order
 * @param states      what is known of each platform (halts, health, escalations), by name
 */
public record WallData(SeverityScale scale, boolean drill, List<Incident> active, Map<IncidentId, Instant> lastUpdates,
                       List<String> platforms, Map<String, PlatformStatus> states) {

    public WallData {
        active = List.copyOf(active);
        lastUpdates = Map.copyOf(lastUpdates);
        platforms = List.copyOf(platforms);
        states = Map.copyOf(states);
    }
}
