package dev.sitrep.sync;

import dev.sitrep.core.PlatformStatus;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.store.Store;

import java.util.List;

/** Reads the cached platform state: no network, so it answers even when every platform is down. */
public final class PlatformStates {

    public static final String ENTITY = "platform";

    private final Store store;

    public PlatformStates(Store store) {
        this.store = store;
    }

    public PlatformStatus get(String name) {
        return store.read(tx -> tx.platformStates().find(name)).orElse(PlatformStatus.unknown(name));
    }

    /** Caches a kill-switch state a platform just confirmed, so every window shows it at once. */
    public void confirmed(KillSwitchState s) {
        confirmed(s, null);
    }

    /**
     * As {@link #confirmed(KillSwitchState)}, also marking the platform's kill-switch event
     * {@code seenEventId} as already on the timelines (Sitrep wrote it itself), so the pull loop
     * does not write it twice.
     */
    public void confirmed(KillSwitchState s, String seenEventId) {
        save(s, seenEventId, false);
    }

    /** A resume the platform just confirmed: as {@link #confirmed(KillSwitchState, String)}, and starts the resume watch. */
    public void resumed(KillSwitchState s, String seenEventId) {
        save(s, seenEventId, true);
    }

    private void save(KillSwitchState s, String seenEventId, boolean resumed) {
        store.write(tx -> {
            PlatformStatus b = tx.platformStates().find(s.platform()).orElse(PlatformStatus.unknown(s.platform()));
            tx.platformStates().save(new PlatformStatus(b.name(), b.health(), b.healthVersion(), b.healthDetail(),
                    b.healthChecks(), b.healthAt(), s.halted(), s.since(), s.by(), s.reason(), s.readAt(),
                    seenEventId == null ? b.lastEventId() : seenEventId,
                    b.lastError(), b.lastErrorAt(), b.offlineSince(), b.failures(), b.lastPlatformEvent(),
                    resumed ? s.readAt() : b.resumedAt(), b.escalation()));
            tx.changed(ENTITY, s.platform());
            return null;
        });
    }

    public List<PlatformStatus> all() {
        return store.read(tx -> tx.platformStates().list());
    }
}
