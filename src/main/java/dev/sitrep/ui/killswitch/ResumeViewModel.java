package dev.sitrep.ui.killswitch;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.killswitch.ResumeRequest;
import dev.sitrep.platform.RestorePreview;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Resuming a halted platform: only once the checklist is ticked (root cause identified, fix
 * verified, review done), a remediation summary is written and the approver is named. For
 * powernode the mode is offered with what {@code full} would restore.
 */
public final class ResumeViewModel {

    private final KillSwitchService killSwitch;
    private final UiExecutor executor;

    // Properties
    private final ReadOnlyStringWrapper platform = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasModes = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty rootCause = new SimpleBooleanProperty(false);
    private final BooleanProperty fixVerified = new SimpleBooleanProperty(false);
    private final BooleanProperty reviewDone = new SimpleBooleanProperty(false);
    private final StringProperty approver = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty mode = new SimpleStringProperty("full");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();
    private final BooleanBinding ready;

    public ResumeViewModel(KillSwitchService killSwitch, UiExecutor executor) {
        this.killSwitch = killSwitch;
        this.executor = executor;
        ready = Bindings.createBooleanBinding(() -> rootCause.get() && fixVerified.get() && reviewDone.get()
                        && !approver.get().isBlank() && !summary.get().isBlank() && !status.isBusy(),
                rootCause, fixVerified, reviewDone, approver, summary, status.busyProperty());
    }

    // Commands

    public void open(String platformName, PlatformKind kind) {
        platform.set(platformName);
        hasModes.set(kind == PlatformKind.POWERNODE);
        rootCause.set(false);
        fixVerified.set(false);
        reviewDone.set(false);
        approver.set("");
        summary.set("");
        mode.set("full");
        result.set("");
        status.clearFailure();
        preview.set("");
        if (kind == PlatformKind.POWERNODE) {
            executor.submit(() -> killSwitch.restorePreview(platformName), p -> preview.set(describe(p)),
                    failure -> preview.set("What a full resume restores is unknown: " + Messages.of(failure)));
        }
    }

    static String describe(RestorePreview p) {
        if (p == null) {
            return "No snapshot to restore.";
        }
        return "full restores " + p.agentsToRestore() + " of " + p.totalAgents() + " agents, " + p.loopsToResume()
                + " loops and " + p.schedulesToResume() + " workflow schedules; minimal restores none of them.";
    }

    public void resume() {
        if (!ready.get()) {
            result.set("Tick the checklist, write the summary and name the approver first.");
            return;
        }
        ResumeRequest request = new ResumeRequest(rootCause.get(), fixVerified.get(), reviewDone.get(), approver.get(),
                summary.get(), hasModes.get() ? mode.get() : null);
        String name = platform.get();
        result.set("");
        status.run(BackgroundTask.wrap(() -> killSwitch.resume(name, request, null)).onSuccess(r -> result.set(r.done() ? name + " RESUMED, confirmed by the platform. Watch recent events for 30 minutes "
                    + "before declaring the incident resolved."
                    : "Did not go through, still halted: " + Messages.of(r.failure()) + "\nRun it by hand:\n"
                    + r.manualFallback())), executor);
    }

    public ReadOnlyStringProperty platformProperty() {
        return platform.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasModesProperty() {
        return hasModes.getReadOnlyProperty();
    }

    public BooleanProperty rootCauseProperty() {
        return rootCause;
    }

    public BooleanProperty fixVerifiedProperty() {
        return fixVerified;
    }

    public BooleanProperty reviewDoneProperty() {
        return reviewDone;
    }

    public StringProperty approverProperty() {
        return approver;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty modeProperty() {
        return mode;
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Resuming: busy while it is sent; why it failed (the result line shows it). */
    public TaskStatus status() {
        return status;
    }

    public BooleanBinding readyBinding() {
        return ready;
    }
}
