package dev.sitrep.wall;

import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.TeamHalts;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.Store;
import dev.sitrep.store.Tx;
import dev.sitrep.workspace.WorkspaceSettings;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wall's facts from a workspace's store: its scale and drill mark, active incidents, platforms
 * and their states, and the platforms another console of the team halted through Sitrep that this
 * one does not connect to (from the audit entries the team shares).
 */
public final class StoreWallSource implements WallSource {

    private final Store store;
    private final IncidentService incidents;
    private final StatusUpdates updates;

    public StoreWallSource(Store store, IncidentService incidents, StatusUpdates updates) {
        this.store = store;
        this.incidents = incidents;
        this.updates = updates;
    }

    @Override
    public WallData read(Instant now) {
        boolean drill = store.read(WorkspaceSettings::isDrill);
        List<Incident> active = incidents.list(IncidentService.ACTIVE);
        List<String> platforms = store.read(tx -> tx.profiles().list()).stream().map(PlatformProfile::name).toList();
        Map<String, PlatformStatus> states = new HashMap<>();
        store.read(tx -> tx.platformStates().list()).forEach(s -> states.put(s.name(), s));
        List<String> shown = new ArrayList<>(platforms);
        for (AuditEntry halt : store.read(StoreWallSource::teamHalts)) {
            if (!platforms.contains(halt.platform())) { // another console halted a platform this one does not connect to
                shown.add(halt.platform());
                states.put(halt.platform(), TeamHalts.asStatus(halt));
            }
        }
        return new WallData(incidents.scale(), drill, active,
                updates.lastSent(active.stream().map(Incident::id).toList()), shown, states);
    }

    private static List<AuditEntry> teamHalts(Tx tx) throws SQLException {
        List<AuditEntry> all = new ArrayList<>(tx.audit().all());
        all.addAll(tx.teamAudit().all());
        return TeamHalts.standing(all);
    }
}
