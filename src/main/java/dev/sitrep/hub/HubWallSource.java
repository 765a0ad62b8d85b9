package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentFields;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.TeamHalts;
import dev.sitrep.core.TeamJson;
import dev.sitrep.team.FeedCursor;
import dev.sitrep.team.FeedEntry;
import dev.sitrep.team.FeedPage;
import dev.sitrep.team.TeamLedger;
import dev.sitrep.wall.WallData;
import dev.sitrep.wall.WallSource;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The wall's facts from a hub's database, read through the hub's own change feed the way a console
 * pulls it: each read takes the entries after the last one seen (none, usually: one index lookup),
 * so a busy hub's history is read once per process, not every second. Incidents arrive whole in the
 * feed (every field), so an entry replaces what was known of its incident; status updates give each
 * incident's last update (one that a later event supersedes does not count, as on a console). The
 * hub's kill switch is the platform strip's first platform, {@value #PLATFORM}; the platforms the
 * team halted through Sitrep (the audit entries consoles share) follow, each with its halt banner.
 * A feed that starts over (the database restored from an older backup) is read again from the start.
 * What this keeps is a cache of the database, rebuilt by any hub process; nothing here is the only copy.
 */
final class HubWallSource implements WallSource {

    /** The name the hub goes by on its own wall. */
    static final String PLATFORM = "hub";

    private static final Logger LOG = Logger.getLogger(HubWallSource.class.getName());

    /** A status update: when it was sent, and for which incident. */
    private record Update(String incident, Instant at) {
    }

    private final HubStore store;
    private final Map<String, Incident> active = new HashMap<>();
    private final Map<String, Update> updates = new HashMap<>();
    private final Set<String> superseded = new HashSet<>();
    /** The kill-switch audit entries consoles shared: the platforms the team halted through Sitrep. */
    private final List<AuditEntry> audit = new ArrayList<>();
    private FeedCursor cursor = FeedCursor.START;

    HubWallSource(HubStore store) {
        this.store = store;
    }

    @Override
    public synchronized WallData read(Instant now) {
        try {
            FeedPage page;
            do {
                page = store.changes(cursor, FeedPage.MAX_PAGE);
                boolean startedOver = page.cursor().seq() < cursor.seq()
                        || (!page.entries().isEmpty() && page.entries().get(0).seq() <= cursor.seq());
                if (startedOver) {
                    active.clear();
                    updates.clear();
                    superseded.clear();
                    audit.clear();
                }
                page.entries().forEach(e -> apply(e, now));
                cursor = page.cursor();
            } while (page.more());
            HubStore.KillSwitch k = store.killSwitch();
            PlatformStatus hub = new PlatformStatus(PLATFORM, "healthy", null, "database reachable", Map.of(), now,
                    k.halted(), k.since(), k.by(), k.reason(), now, null, null, null, null, 0, null, null, null);
            List<Incident> incidents = List.copyOf(active.values());
            List<String> platforms = new ArrayList<>(List.of(PLATFORM));
            Map<String, PlatformStatus> states = new HashMap<>(Map.of(PLATFORM, hub));
            for (AuditEntry halt : TeamHalts.standing(audit)) {
                platforms.add(halt.platform());
                states.put(halt.platform(), TeamHalts.asStatus(halt));
            }
            return new WallData(scaleFor(incidents), false, incidents, lastUpdates(), platforms, states);
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private void apply(FeedEntry e, Instant now) {
        try {
            JsonNode body = Json.tree(e.bodyJson());
            switch (e.entity()) {
                case TeamLedger.INCIDENT -> {
                    Incident i = IncidentFields.create(IncidentId.parse(e.id()), body.path("fields"), now);
                    if (i.status().isActive()) {
                        active.put(e.id(), i);
                    } else {
                        active.remove(e.id());
                    }
                }
                case TeamLedger.EVENT -> {
                    if (body.hasNonNull("supersedes")) {
                        superseded.add(body.get("supersedes").asText());
                    }
                    if (EventType.STATUS_UPDATE.key().equals(body.path("type").asText())) {
                        updates.put(e.id(), new Update(body.path("incident").asText(),
                                Instant.parse(body.path("occurredAt").asText())));
                    }
                }
                case TeamLedger.AUDIT -> audit.add(TeamJson.audit(e.id(), body));
                default -> { } // action items, evidence and postmortems are not on the wall
            }
        } catch (RuntimeException bad) {
            // one entry a console could not read either must not take the whole wall down
            LOG.log(Level.WARNING, "the wall skipped feed entry " + e.seq() + " (" + e.entity() + " " + e.id()
                    + "): " + bad.getMessage());
        }
    }

    private Map<IncidentId, Instant> lastUpdates() {
        Map<IncidentId, Instant> last = new HashMap<>();
        updates.forEach((id, u) -> {
            if (active.containsKey(u.incident()) && !superseded.contains(id)) {
                last.merge(active.get(u.incident()).id(), u.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return last;
    }

    /**
     * The hub keeps no workspace's scale: the first scale Sitrep ships that knows every active
     * incident's severity (P0..P3 for a team on priorities), else the default five-level one.
     */
    static SeverityScale scaleFor(List<Incident> incidents) {
        return SeverityScales.ALL.stream()
                .filter(s -> incidents.stream().allMatch(i -> s.find(i.severity()).isPresent()))
                .findFirst().orElse(SeverityScales.FIVE_LEVEL);
    }
}
