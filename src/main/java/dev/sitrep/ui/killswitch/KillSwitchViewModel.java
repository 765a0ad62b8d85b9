package dev.sitrep.ui.killswitch;

import dev.sitrep.ui.common.Messages;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.platform.Profiles;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * The halt dialog. Three deliberate acts, none of which halts alone: opening it arms it; a
 * one-sentence reason; then holding the confirm control for the hold time. Releasing early
 * resets the hold with no side effect. The incident's platforms are preselected; "all" is
 * offered, never the default. The result is per platform, in the audit trail's words: the
 * confirmed state (by the platform's answer or by reading it back), why it did not go through and
 * what to run by hand, or that the outcome is unknown while Sitrep reads it back.
 */
public final class KillSwitchViewModel implements Holdable {

    /** A platform that can be halted, and whether it is chosen. */
    public record Choice(String name, String kind, String haltMeans, BooleanProperty selected) {
    }

    /** What happened on one platform; {@code manualFallback} is {@code null} when it was done. */
    public record Outcome(String platform, KillSwitchService.Outcome outcome, String text, String manualFallback) {
        public boolean done() {
            return outcome == KillSwitchService.Outcome.DONE;
        }
    }

    private final Profiles profiles;
    private final KillSwitchService killSwitch;
    private final UiExecutor executor;
    private final Callable<Duration> holdSetting;

    // Properties
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper armed = new ReadOnlyBooleanWrapper(false);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper reasonCount = new ReadOnlyStringWrapper("0/" + KillSwitchService.REASON_MAX);
    private final TaskStatus status = new TaskStatus();
    private final HoldToConfirm holdConfirm;
    private final ObservableList<Outcome> outcomes = FXCollections.observableArrayList();
    private final ObservableList<Outcome> outcomesReadOnly = FXCollections.unmodifiableObservableList(outcomes);
    private Runnable onHalted = () -> { };
    private IncidentId incident;

    /**
     * @param holdSetting how long the confirm must be held: a store read, made in the background each time
     *                    the dialog is armed (never while the confirm is held)
     */
    public KillSwitchViewModel(Profiles profiles, KillSwitchService killSwitch, UiExecutor executor, LongSupplier nanoTime,
                               Callable<Duration> holdSetting) {
        this.profiles = profiles;
        this.killSwitch = killSwitch;
        this.executor = executor;
        this.holdSetting = holdSetting;
        this.holdConfirm = new HoldToConfirm(nanoTime);
        reason.addListener((obs, was, now) -> {
            reasonCount.set((now == null ? 0 : now.strip().length()) + "/" + KillSwitchService.REASON_MAX);
            status.clearFailure();
            showHold();
        });
        armed.addListener((obs, was, now) -> showHold());
        choices.addListener((ListChangeListener<Choice>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(choice -> choice.selected().addListener((o, w, n) -> showHold()));
            }
            showHold();
        });
        showHold();
    }

    /** Whether holding would halt now, and if not, what is missing (the bar says it). */
    private void showHold() {
        List<String> missing = new ArrayList<>();
        if (!armed.get()) {
            missing.add("the kill switch opened again (it disarms once a platform is halted)");
        }
        if (chosen().isEmpty()) {
            missing.add("a platform chosen");
        }
        try {
            KillSwitchService.checkReason(reason.get());
        } catch (SitrepException e) {
            missing.add("a reason (" + KillSwitchService.REASON_MAX + " characters at most)");
        }
        holdConfirm.show("halt", missing);
    }

    private record Armed(Duration hold, List<PlatformProfile> profiles) {
    }

    // Commands

    /** Opening the dialog arms it, with the open incident's platforms preselected. */
    public void arm(IncidentId openIncident, List<String> incidentPlatforms) {
        incident = openIncident;
        armed.set(true);
        reason.set("");
        status.clearFailure();
        outcomes.clear();
        choices.clear();
        resetHold();
        executor.submit(() -> new Armed(holdSetting.call(), profiles.list()), loaded -> {
            holdConfirm.setDuration(loaded.hold());
            List<Choice> haltable = new ArrayList<>();
            for (PlatformProfile p : loaded.profiles()) {
                if (p.kind() != PlatformKind.CULLIS) {
                    haltable.add(new Choice(p.name(), p.kind().key(), p.kind().haltMeans(),
                            new SimpleBooleanProperty(incidentPlatforms.contains(p.name()))));
                }
            }
            choices.setAll(haltable);
            if (haltable.isEmpty()) {
                status.fail("No platform that can halt is configured; add one in Settings > Platforms.");
            }
        }, failure -> status.fail(failure));
    }

    /** Told on the FX thread when at least one platform confirmed a halt (the window refreshes its banner at once). */
    public void onHalted(Runnable listener) {
        this.onHalted = listener;
    }

    public void selectAll() {
        choices.forEach(c -> c.selected().set(true));
    }

    /** Esc: disarm, nothing sent. */
    public void disarm() {
        armed.set(false);
        resetHold();
    }

    @Override
    public void beginHold() {
        if (!armed.get() || status.isBusy()) {
            return;
        }
        List<String> chosen = chosen();
        try {
            KillSwitchService.checkReason(reason.get());
        } catch (SitrepException e) {
            status.fail(Messages.of(e));
            return;
        }
        if (chosen.isEmpty()) {
            status.fail("Choose at least one platform to halt.");
            return;
        }
        holdConfirm.begin(this::confirm);
    }

    /** Called every frame while held; halts once the hold time has passed. */
    @Override
    public void holding() {
        holdConfirm.tick();
    }

    @Override
    public void release() {
        holdConfirm.release();
    }

    private void resetHold() {
        holdConfirm.reset();
    }

    private void confirm() {
        List<String> chosen = chosen();
        String why = reason.get();
        IncidentId on = incident;
        status.run(BackgroundTask.wrap(() -> {
            List<Outcome> results = new ArrayList<>();
            for (String platform : chosen) {
                KillSwitchService.Result r = killSwitch.halt(platform, why, on);
                results.add(new Outcome(platform, r.outcome(), switch (r.outcome()) {
                    case DONE -> r.said() + (r.state().by() == null ? "" : " · by " + r.state().by());
                    case FAILED -> r.said();
                    case UNKNOWN -> r.said() + ". " + stillChecking(platform);
                }, r.done() ? null : r.manualFallback()));
            }
            return results;
        }).onSuccess(results -> {
            resetHold();
            outcomes.setAll(results);
            // Only what certainly did not happen is offered again: an unknown outcome is being read back.
            armed.set(!results.isEmpty() && results.stream().allMatch(o -> o.outcome() == KillSwitchService.Outcome.FAILED));
            if (results.stream().anyMatch(o -> o.outcome() != KillSwitchService.Outcome.FAILED)) {
                onHalted.run();
            }
        }).onFailure(failure -> {
            resetHold();
        }), executor);
    }

    /** What the console says while an unknown outcome is read back. */
    static String stillChecking(String platform) {
        return "Sitrep keeps reading " + platform + "'s state back and puts what it finds on the timeline and the audit "
                + "trail";
    }

    /** Retry the platforms that did not go through. */
    public void retryFailed() {
        List<String> failed = outcomes.stream().filter(o -> o.outcome() == KillSwitchService.Outcome.FAILED)
                .map(Outcome::platform).toList();
        choices.forEach(c -> c.selected().set(failed.contains(c.name())));
        armed.set(true);
        outcomes.clear();
    }

    private List<String> chosen() {
        return choices.stream().filter(c -> c.selected().get()).map(Choice::name).toList();
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyBooleanProperty armedProperty() {
        return armed.getReadOnlyProperty();
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty reasonCountProperty() {
        return reasonCount.getReadOnlyProperty();
    }

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }

    @Override
    public ReadOnlyDoubleProperty holdProgressProperty() {
        return holdConfirm.progressProperty();
    }

    @Override
    public ReadOnlyBooleanProperty holdReadyProperty() {
        return holdConfirm.readyProperty();
    }

    @Override
    public String clickHint() {
        return holdConfirm.clickHint();
    }


    public ObservableList<Outcome> outcomes() {
        return outcomesReadOnly;
    }

    @Override
    public ReadOnlyStringProperty holdLabelProperty() {
        return holdConfirm.labelProperty();
    }

    public Duration hold() {
        return holdConfirm.duration();
    }
}
