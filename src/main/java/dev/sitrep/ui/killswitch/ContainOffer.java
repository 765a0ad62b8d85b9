package dev.sitrep.ui.killswitch;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.ui.common.PlatformWatch;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Whether the Kill switch page offers Contain (revoke a Cullis agent certificate): only while a
 * Cullis platform is configured. Follows the platform watch, which reads the profiles off the FX
 * thread and again whenever a platform is added or removed.
 */
final class ContainOffer {

    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper();

    ContainOffer(PlatformWatch platforms) {
        offered.set(hasCullis(platforms.snapshotProperty().get()));
        platforms.snapshotProperty().addListener((obs, was, now) -> offered.set(hasCullis(now)));
    }

    private static boolean hasCullis(PlatformWatch.Snapshot snapshot) {
        return snapshot.profiles().stream().anyMatch(p -> p.kind() == PlatformKind.CULLIS);
    }

    ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }
}
