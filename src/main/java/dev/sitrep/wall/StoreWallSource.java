package dev.sitrep.wall;

import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.WorkspaceSettings;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The wall's facts from a workspace's store: its scale and drill mark, active incidents, platforms and their states. */
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
        return new WallData(incidents.scale(), drill, active,
                updates.lastSent(active.stream().map(Incident::id).toList()), platforms, states);
    }
}
