package dev.sitrep.core;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which platforms the team's audit entries show halted through Sitrep: for each platform, the
 * newest halt or resume (by time) from any console; those whose newest is a halt still stand.
 * One reading for the console's banner, the console's wall and the hub's wall.
 */
public final class TeamHalts {

    private TeamHalts() {
    }

    /** The standing halts among {@code entries} (any order, any consoles), one per platform, by platform name. */
    public static List<AuditEntry> standing(List<AuditEntry> entries) {
        Map<String, AuditEntry> newest = new LinkedHashMap<>();
        entries.stream().filter(e -> e.platform() != null
                        && (AuditEntry.ACTIVATED.equals(e.action()) || AuditEntry.RESET.equals(e.action())))
                .sorted(Comparator.comparing(AuditEntry::at))
                .forEach(e -> newest.put(e.platform(), e));
        return newest.values().stream().filter(e -> AuditEntry.ACTIVATED.equals(e.action()))
                .sorted(Comparator.comparing(AuditEntry::platform)).toList();
    }

    /** A standing halt as the wall shows a platform: halted since the entry, by its actor through Sitrep. */
    public static PlatformStatus asStatus(AuditEntry halt) {
        return new PlatformStatus(halt.platform(), null, null, null, Map.of(), null, true, halt.at(),
                halt.actor() + " via Sitrep (team record)", halt.reason(), halt.at(), null, null, null, null, 0, null,
                null, null);
    }
}
