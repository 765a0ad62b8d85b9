package dev.sitrep.ui.killswitch;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.killswitch.ResumeRequest;
import dev.sitrep.platform.RestorePreview;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * Resuming a halted platform: only once the checklist is ticked (root cause identified, fix
 * verified, review done), a remediation summary is written and the approver is named; until then
 * it says what is still needed. For powernode the mode is offered with what {@code full} would
 * restore. The result is said in the audit trail's words; once the resume is done, or its outcome
 * is being read back, this sheet does not send it again.
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
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper(false);
    private final TaskStatus status = new TaskStatus();
    private final StringBinding needs;
    private final BooleanBinding ready;

    public ResumeViewModel(KillSwitchService killSwitch, UiExecutor executor) {
        this.killSwitch = killSwitch;
        this.executor = executor;
        needs = Bindings.createStringBinding(() -> {
            List<String> missing = request().missing();
            return missing.isEmpty() ? "" : "Needs: " + String.join(", ", missing) + ".";
        }, rootCause, fixVerified, reviewDone, approver, summary);
        ready = Bindings.createBooleanBinding(() -> needs.get().isEmpty() && !status.isBusy() && !sent.get(),
                needs, status.busyProperty(), sent);
    }

    private ResumeRequest request() {
        return new ResumeRequest(rootCause.get(), fixVerified.get(), reviewDone.get(), approver.get(), summary.get(),
                hasModes.get() ? mode.get() : null);
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
        sent.set(false);
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
            return;
        }
        ResumeRequest request = request();
        String name = platform.get();
        result.set("");
        status.run(BackgroundTask.wrap(() -> killSwitch.resume(name, request, null)).onSuccess(r -> {
            sent.set(r.outcome() != KillSwitchService.Outcome.FAILED);
            result.set(name + ": " + r.said() + switch (r.outcome()) {
                case DONE -> ". Watch recent events for " + ResumeWatch.LENGTH.toMinutes() + " minutes before declaring "
                        + "the incident resolved.";
                case FAILED -> "\nRun it by hand:\n" + r.manualFallback();
                case UNKNOWN -> ". " + KillSwitchViewModel.stillChecking(name) + ". If it did not go through, run it by "
                        + "hand:\n" + r.manualFallback();
            });
        }), executor);
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

    /** Enabled only when the gate is passed, nothing is being sent, and this sheet has not resumed it already. */
    public BooleanBinding readyBinding() {
        return ready;
    }

    /** What the gate still needs ("Needs: the fix verified, an approver named."), empty once it is passed. */
    public StringBinding needsBinding() {
        return needs;
    }
}
