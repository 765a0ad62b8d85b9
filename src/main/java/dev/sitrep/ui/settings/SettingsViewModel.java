package dev.sitrep.ui.settings;

import dev.sitrep.core.ByteSize;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.runbook.LevelMentions;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import dev.sitrep.workspace.Theme;
import dev.sitrep.workspace.WorkspaceSettings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Settings: the operator's name, the theme and the workspace severity scale. Switching the scale
 * while incidents are unfinished shows what it would change first and needs a second press to confirm.
 */
public final class SettingsViewModel {

    private final WorkspaceSettings settings;
    private final IncidentService incidents;
    private final UiExecutor executor;
    private final Supplier<String> actor;
    private final Consumer<String> operatorChanged;
    private final Supplier<RunbookLibrary> runbooks;
    private final String operatorOverride;

    // Properties
    private final StringProperty operator = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper operatorNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.DARK);
    private final ObjectProperty<SeverityScale> chosenScale = new SimpleObjectProperty<>(SeverityScales.FIVE_LEVEL);
    private final ReadOnlyObjectWrapper<SeverityScale> activeScale = new ReadOnlyObjectWrapper<>(SeverityScales.FIVE_LEVEL);
    private final ReadOnlyStringWrapper scaleWarning = new ReadOnlyStringWrapper("");
    private final StringProperty holdSeconds = new SimpleStringProperty("1.5");
    private final StringProperty evidenceLimit = new SimpleStringProperty("8.0 GiB");
    private final StringProperty postmortemSections = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();
    private ScalePreview pendingConfirmation;

    private record Loaded(String operator, Theme theme, SeverityScale scale, java.time.Duration hold, long evidenceLimit,
                          java.util.List<String> postmortemSections) {
    }

    /**
     * @param runbooks         reads the runbooks in use (off the FX thread)
     * @param operatorOverride the name fixed by --actor or SITREP_ACTOR, or {@code null}
     */
    public SettingsViewModel(WorkspaceSettings settings, IncidentService incidents, Supplier<RunbookLibrary> runbooks,
                             UiExecutor executor, Supplier<String> actor, Consumer<String> operatorChanged,
                             String operatorOverride) {
        this.settings = settings;
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.executor = executor;
        this.actor = actor;
        this.operatorChanged = operatorChanged;
        this.operatorOverride = operatorOverride;
        chosenScale.addListener((obs, was, now) -> {
            pendingConfirmation = null;
            scaleWarning.set("");
        });
    }

    // Commands

    public void load() {
        executor.submit(() -> new Loaded(settings.operator().orElse(actor.get()), settings.theme(), settings.scale(),
                        settings.holdDuration(), settings.evidenceLimit(), settings.postmortemSections()),
                loaded -> {
                    operator.set(loaded.operator());
                    theme.set(loaded.theme());
                    activeScale.set(loaded.scale());
                    chosenScale.set(loaded.scale());
                    holdSeconds.set(Double.toString(loaded.hold().toMillis() / 1000.0));
                    evidenceLimit.set(ByteSize.format(loaded.evidenceLimit()));
                    postmortemSections.set(String.join("\n", loaded.postmortemSections()));
                    operatorNote.set(operatorOverride == null ? ""
                            : "This window acts as " + operatorOverride + " (set by --actor or SITREP_ACTOR); "
                            + "the name saved here is used when neither is given.");
                }, this::fail);
    }

    public void saveOperator() {
        String name = operator.get();
        executor.submit(() -> {
            settings.setOperator(name, actor.get());
            return name.strip();
        }, saved -> {
            status.clearFailure();
            notice.set("Operator saved: " + saved + ".");
            if (operatorOverride == null) {
                operatorChanged.accept(saved);
            }
        }, this::fail);
    }

    /** Saves how long the kill switch's confirm must be held, in seconds (0.5 to 5). */
    public void saveHold() {
        java.time.Duration hold;
        try {
            hold = java.time.Duration.ofMillis(Math.round(Double.parseDouble(holdSeconds.get().strip().replace(',', '.'))
                    * 1000));
        } catch (RuntimeException e) {
            status.fail("The hold is a number of seconds, e.g. 1.5.");
            return;
        }
        executor.submit(() -> {
            settings.setHoldDuration(hold, actor.get());
            return hold;
        }, saved -> {
            status.clearFailure();
            notice.set("The kill switch now needs a " + saved.toMillis() / 1000.0 + " s hold.");
        }, this::fail);
    }

    /** Saves the largest single evidence capture ("16 GiB", "512MiB"; 1 MiB to 1024 GiB). */
    public void saveEvidenceLimit() {
        long bytes;
        try {
            bytes = ByteSize.parse(evidenceLimit.get());
        } catch (RuntimeException e) {
            status.fail(Messages.of(e));
            return;
        }
        executor.submit(() -> {
            settings.setEvidenceLimit(bytes, actor.get());
            return bytes;
        }, saved -> {
            status.clearFailure();
            evidenceLimit.set(ByteSize.format(saved));
            notice.set("Evidence captures may now be up to " + ByteSize.format(saved) + " each.");
        }, this::fail);
    }

    /** Saves the team's own postmortem sections, one title per line (new drafts get them). */
    public void savePostmortemSections() {
        java.util.List<String> titles = postmortemSections.get().lines().toList();
        executor.submit(() -> {
            settings.setPostmortemSections(titles, actor.get());
            return settings.postmortemSections();
        }, saved -> {
            status.clearFailure();
            postmortemSections.set(String.join("\n", saved));
            notice.set(saved.isEmpty() ? "New postmortems get the standard sections only."
                    : "New postmortems also get: " + String.join(", ", saved) + ".");
        }, this::fail);
    }

    public void chooseTheme(Theme chosen) {
        theme.set(chosen);
        executor.submit(() -> {
            settings.setTheme(chosen, actor.get());
            return chosen;
        }, saved -> status.clearFailure(), this::fail);
    }

    /**
     * Makes the chosen scale active. With unfinished incidents the first call only shows what the
     * switch would do (each level's new level by meaning, the incidents each moves, the runbooks that
     * name the old levels); a second call for the same scale confirms and re-expresses them.
     */
    public void switchScale() {
        SeverityScale target = chosenScale.get();
        if (target == null || target.id().equals(activeScale.get().id())) {
            scaleWarning.set("");
            return;
        }
        if (pendingConfirmation != null && target.equals(pendingConfirmation.change().to())) {
            ScalePreview confirmed = pendingConfirmation;
            pendingConfirmation = null;
            status.run(BackgroundTask.wrap(() -> incidents.switchScale(target))
                    .withMessage("Switching to " + target.name() + "…")
                    .onSuccess(moved -> {
                        activeScale.set(target);
                        scaleWarning.set("");
                        notice.set("Scale is now " + target.name()
                                + (moved > 0 ? "; " + moved + " incident(s) re-expressed." : ".")
                                + confirmed.runbookAdvice());
                    }), executor);
            return;
        }
        SeverityScale active = activeScale.get();
        status.run(BackgroundTask.wrap(() -> new ScalePreview(incidents.scaleSwitch(target),
                        LevelMentions.of(runbooks.get(), active)))
                .withMessage("Reading what switching to " + target.name() + " would change…")
                .onSuccess(preview -> {
                    if (!target.equals(chosenScale.get())) {
                        return; // another scale was chosen meanwhile
                    }
                    pendingConfirmation = preview;
                    if (preview.change().unfinished() == 0) {
                        switchScale();
                    } else {
                        scaleWarning.set(preview.warning());
                    }
                }), executor);
    }

    private void fail(Throwable failure) {
        status.fail(failure);
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public ReadOnlyStringProperty operatorNoteProperty() {
        return operatorNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ObjectProperty<SeverityScale> chosenScaleProperty() {
        return chosenScale;
    }

    public ReadOnlyObjectProperty<SeverityScale> activeScaleProperty() {
        return activeScale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scaleWarningProperty() {
        return scaleWarning.getReadOnlyProperty();
    }

    public StringProperty postmortemSectionsProperty() {
        return postmortemSections;
    }

    public StringProperty evidenceLimitProperty() {
        return evidenceLimit;
    }

    public StringProperty holdSecondsProperty() {
        return holdSeconds;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }
}
