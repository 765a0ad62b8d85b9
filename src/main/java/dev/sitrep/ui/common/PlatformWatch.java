package dev.sitrep.ui.common;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import javafx.beans.property.ReadOnlyObjectProperty;

import java.util.List;
import java.util.Map;

/** The platforms as the window shows them, kept current by the app (on start, on platform changes, after a halt). */
public interface PlatformWatch {

    /** A halted platform, with what, since when, by whom and why in words. */
    record Halted(String name, PlatformKind kind, String text) {
    }

    /** The configured platforms, what was last pulled from each, and the halted ones. */
    record Snapshot(List<PlatformProfile> profiles, Map<String, PlatformStatus> states, List<Halted> halted) {
        public static final Snapshot NONE = new Snapshot(List.of(), Map.of(), List.of());
    }

    ReadOnlyObjectProperty<Snapshot> snapshotProperty();

    /** Reads the platforms again (off the FX thread). */
    void reload();
}
