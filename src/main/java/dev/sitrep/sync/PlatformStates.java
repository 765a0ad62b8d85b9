package dev.sitrep.sync;

import dev.sitrep.core.PlatformStatus;
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

    public List<PlatformStatus> all() {
        return store.read(tx -> tx.platformStates().list());
    }
}
