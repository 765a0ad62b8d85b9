package dev.sitrep.comms;

import dev.sitrep.core.Limits;
import dev.sitrep.store.SettingsRepository;
import dev.sitrep.store.Store;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The team's standing war room (a bridge link, a channel, a room), filled into {@code {{war_room}}}.
 * Incidents carry no war room of their own yet, so one per workspace, set in Settings.
 */
public final class WarRoom {

    public static final String SETTING = "war_room";

    private final Store store;
    private final Clock clock;
    private final Supplier<String> actor;

    public WarRoom(Store store, Clock clock, Supplier<String> actor) {
        this.store = store;
        this.clock = clock;
        this.actor = actor;
    }

    public Optional<String> get() {
        return store.read(tx -> tx.settings().get(SETTING));
    }

    /** Sets the war room; blank clears it. */
    public Optional<String> set(String text) {
        String room = Limits.optionalName("war room", text);
        store.write(tx -> {
            if (room == null) {
                tx.settings().remove(SETTING);
            } else {
                tx.settings().put(SETTING, room, actor.get(), clock.instant());
            }
            tx.changed(SettingsRepository.ENTITY, SETTING);
            return null;
        });
        return Optional.ofNullable(room);
    }
}
