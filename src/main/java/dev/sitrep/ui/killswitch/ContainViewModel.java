package dev.sitrep.ui.killswitch;

import dev.sitrep.ui.common.Messages;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.platform.Profiles;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * Containment that is not a halt (Cullis: revoke an organisation's agent certificate), with the
 * same deliberate acts as the kill switch: choose, say why, hold to confirm.
 */
public final class ContainViewModel implements Holdable {

    private final Profiles profiles;
    private final KillSwitchService killSwitch;
    private final UiExecutor executor;
    private final Callable<Duration> holdSetting;
    private final HoldToConfirm hold;

    // Properties
    private final ObservableList<String> platforms = FXCollections.observableArrayList();
    private final StringProperty platform = new SimpleStringProperty();
    private final StringProperty org = new SimpleStringProperty("");
    private final StringProperty serial = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fallback = new ReadOnlyStringWrapper("");

    /**
     * @param holdSetting how long the confirm must be held: a store read, made in the background each time
     *                    the dialog is armed (never while the confirm is held)
     */
    public ContainViewModel(Profiles profiles, KillSwitchService killSwitch, UiExecutor executor, LongSupplier nanoTime,
                            Callable<Duration> holdSetting) {
        this.profiles = profiles;
        this.killSwitch = killSwitch;
        this.executor = executor;
        this.holdSetting = holdSetting;
        this.hold = new HoldToConfirm(nanoTime);
        for (StringProperty input : List.of(platform, org, serial, reason)) {
            input.addListener((obs, was, now) -> showHold());
        }
        showHold();
    }

    /** Whether holding would revoke now, and if not, what is missing (the bar says it). */
    private void showHold() {
        List<String> missing = new ArrayList<>();
        if (platform.get() == null) {
            missing.add("a broker chosen");
        }
        if (org.get().isBlank()) {
            missing.add("the organisation");
        }
        if (serial.get().isBlank()) {
            missing.add("the serial");
        }
        try {
            KillSwitchService.checkReason(reason.get());
        } catch (SitrepException e) {
            missing.add("a reason (" + KillSwitchService.REASON_MAX + " characters at most)");
        }
        hold.show("revoke", missing);
    }

    private record Armed(Duration hold, List<PlatformProfile> profiles) {
    }

    // Commands

    public void arm() {
        hold.reset();
        status.clearFailure();
        result.set("");
        fallback.set("");
        executor.submit(() -> new Armed(holdSetting.call(), profiles.list()), loaded -> {
            hold.setDuration(loaded.hold());
            platforms.setAll(loaded.profiles().stream().filter(p -> p.kind() == PlatformKind.CULLIS).map(PlatformProfile::name).toList());
            if (platforms.isEmpty()) {
                status.fail("No Cullis broker is configured; add one in Settings > Platforms.");
            } else if (platform.get() == null || !platforms.contains(platform.get())) {
                platform.set(platforms.get(0));
            }
        }, failure -> status.fail(failure));
    }

    @Override
    public void beginHold() {
        if (status.isBusy()) {
            return;
        }
        try {
            KillSwitchService.checkReason(reason.get());
        } catch (SitrepException e) {
            status.fail(Messages.of(e));
            return;
        }
        if (platform.get() == null || org.get().isBlank() || serial.get().isBlank()) {
            status.fail("Choose the broker and give the organisation and the certificate's serial number.");
            return;
        }
        status.clearFailure();
        hold.begin(this::confirm);
    }

    @Override
    public void holding() {
        hold.tick();
    }

    @Override
    public void release() {
        hold.release();
    }

    private void confirm() {
        String p = platform.get();
        String o = org.get().strip();
        String s = serial.get().strip();
        String why = reason.get();
        status.run(BackgroundTask.wrap(() -> killSwitch.revokeCertificate(p, o, s, why, null)).onSuccess(r -> {
            hold.reset();
            if (r.done()) {
                result.set("Revoked certificate " + s + " of " + o + " on " + p + ", confirmed by the broker.");
                fallback.set("");
            } else {
                result.set(r.said() + (r.outcome() == KillSwitchService.Outcome.UNKNOWN
                        ? ". " + KillSwitchViewModel.stillChecking(p) : ""));
                fallback.set(r.manualFallback());
            }
        }).onFailure(failure -> {
            hold.reset();
        }), executor);
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

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fallbackProperty() {
        return fallback.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyDoubleProperty holdProgressProperty() {
        return hold.progressProperty();
    }

    @Override
    public ReadOnlyStringProperty holdLabelProperty() {
        return hold.labelProperty();
    }

    @Override
    public ReadOnlyBooleanProperty holdReadyProperty() {
        return hold.readyProperty();
    }

    @Override
    public String clickHint() {
        return hold.clickHint();
    }
}
