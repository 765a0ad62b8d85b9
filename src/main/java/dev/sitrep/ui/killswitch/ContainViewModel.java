package dev.sitrep.ui.killswitch;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.platform.Profiles;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Containment that is not a halt (Cullis: revoke an organisation's agent certificate), with the
 * same deliberate acts as the kill switch: choose, say why, hold to confirm.
 */
public final class ContainViewModel {

    private final Profiles profiles;
    private final KillSwitchService killSwitch;
    private final UiExecutor executor;
    private final HoldToConfirm hold;

    // Properties
    private final ObservableList<String> platforms = FXCollections.observableArrayList();
    private final StringProperty platform = new SimpleStringProperty();
    private final StringProperty org = new SimpleStringProperty("");
    private final StringProperty serial = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fallback = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public ContainViewModel(Profiles profiles, KillSwitchService killSwitch, UiExecutor executor, LongSupplier nanoTime,
                            Supplier<Duration> holdDuration) {
        this.profiles = profiles;
        this.killSwitch = killSwitch;
        this.executor = executor;
        this.hold = new HoldToConfirm(nanoTime, holdDuration);
    }

    // Commands

    public void arm() {
        hold.reset();
        problem.set("");
        result.set("");
        fallback.set("");
        executor.submit(profiles::list, list -> {
            platforms.setAll(list.stream().filter(p -> p.kind() == PlatformKind.CULLIS).map(PlatformProfile::name).toList());
            if (platforms.isEmpty()) {
                problem.set("No Cullis broker is configured; add one in Settings > Platforms.");
            } else if (platform.get() == null || !platforms.contains(platform.get())) {
                platform.set(platforms.get(0));
            }
        }, failure -> problem.set(Messages.of(failure)));
    }

    public void beginHold() {
        if (busy.get()) {
            return;
        }
        try {
            KillSwitchService.checkReason(reason.get());
        } catch (SitrepException e) {
            problem.set(e.getMessage());
            return;
        }
        if (platform.get() == null || org.get().isBlank() || serial.get().isBlank()) {
            problem.set("Choose the broker and give the organisation and the certificate's serial number.");
            return;
        }
        problem.set("");
        hold.begin(this::confirm);
    }

    public void holding() {
        hold.tick();
    }

    public void release() {
        hold.release();
    }

    private void confirm() {
        String p = platform.get();
        String o = org.get().strip();
        String s = serial.get().strip();
        String why = reason.get();
        busy.set(true);
        executor.submit(() -> killSwitch.revokeCertificate(p, o, s, why, null), r -> {
            busy.set(false);
            hold.reset();
            if (r.done()) {
                result.set("Revoked certificate " + s + " of " + o + " on " + p + ", confirmed by the broker.");
                fallback.set("");
            } else {
                result.set("Did not go through, nothing was revoked: " + r.failure().getMessage());
                fallback.set(r.manualFallback());
            }
        }, failure -> {
            busy.set(false);
            hold.reset();
            problem.set(Messages.of(failure));
        });
    }

    public ObservableList<String> platforms() {
        return platforms;
    }

    public StringProperty platformProperty() {
        return platform;
    }

    public StringProperty orgProperty() {
        return org;
    }

    public StringProperty serialProperty() {
        return serial;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fallbackProperty() {
        return fallback.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty holdProgressProperty() {
        return hold.progressProperty();
    }
}
