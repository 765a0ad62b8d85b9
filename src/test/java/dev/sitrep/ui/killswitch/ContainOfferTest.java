package dev.sitrep.ui.killswitch;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.ui.common.PlatformWatch;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Contain (revoke a Cullis certificate) is offered only while a Cullis platform is configured. */
class ContainOfferTest {

    private final SimpleObjectProperty<PlatformWatch.Snapshot> snapshot =
            new SimpleObjectProperty<>(PlatformWatch.Snapshot.NONE);
    private final PlatformWatch watch = new PlatformWatch() {
        @Override
        public ReadOnlyObjectProperty<PlatformWatch.Snapshot> snapshotProperty() {
            return snapshot;
        }

        @Override
        public void reload() {
        }
    };

    private static PlatformWatch.Snapshot with(PlatformKind... kinds) {
        List<PlatformProfile> profiles = java.util.Arrays.stream(kinds).map(k -> new PlatformProfile(k.name()
                .toLowerCase(), k, "https://" + k.name().toLowerCase() + ".example", null, null,
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30))).toList();
        return new PlatformWatch.Snapshot(profiles, Map.of(), List.of());
    }

    @Test
    void containIsOfferedOnlyWhileACullisPlatformIsConfigured() {
        snapshot.set(with(PlatformKind.POWERNODE));
        ContainOffer offer = new ContainOffer(watch);
        assertThat(offer.offeredProperty().get()).as("no Cullis platform: no Contain").isFalse();

        snapshot.set(with(PlatformKind.POWERNODE, PlatformKind.CULLIS));
        assertThat(offer.offeredProperty().get()).as("a Cullis platform added: Contain appears").isTrue();

        snapshot.set(with(PlatformKind.POWERNODE));
        assertThat(offer.offeredProperty().get()).as("removed again: Contain goes").isFalse();
        assertThat(offer.offeredProperty()).isSameAs(offer.offeredProperty());
    }
}
