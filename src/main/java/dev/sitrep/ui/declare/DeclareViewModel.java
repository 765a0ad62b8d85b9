package dev.sitrep.ui.declare;

import dev.sitrep.ui.common.Messages;
import dev.sitrep.core.Incident;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.SitrepException;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.incident.IncidentService.IfDuplicate;
import dev.sitrep.incident.LikelyDuplicate;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The declare sheet: a title and Enter is enough. Severity starts at the scale's default and
 * shows its definition; service, platforms and commander are optional. Problems show inline
 * under the field; nothing is declared until the input is valid. An incident with the same title declared in
 * the last 30 minutes and not over stops the declaration with a warning: open that one, or declare anyway.
 */
public final class DeclareViewModel {

    private final IncidentService incidents;
    private final UiExecutor executor;
    private final Consumer<Incident> onDeclared;

    // Properties
    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<SeverityLevel> severity = new SimpleObjectProperty<>();
    private final ObservableList<SeverityLevel> levels = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper severityDefinition = new ReadOnlyStringWrapper("");
    private final StringProperty service = new SimpleStringProperty("");
    private final StringProperty platforms = new SimpleStringProperty("");
    private final StringProperty commander = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper commanderHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper titleError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LikelyDuplicate> duplicate = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper duplicateWarning = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();

    public DeclareViewModel(IncidentService incidents, UiExecutor executor, Consumer<Incident> onDeclared) {
        this.incidents = incidents;
        this.executor = executor;
        this.onDeclared = onDeclared;
        severity.addListener((obs, was, level) -> severityDefinition.set(level == null ? "" : definition(level)));
        title.addListener((obs, was, now) -> {
            titleError.set("");
            showDuplicate(null);
        });
    }

    static String definition(SeverityLevel level) {
        return level.criteria() + ". Respond " + level.respondText() + "; commander: " + level.commander() + ".";
    }

    // Commands

    /** Clears the sheet for a new declaration, on the workspace's current scale. */
    public void reset(SeverityScale scale, String operator) {
        SeverityScale s = scale == null ? SeverityScales.FIVE_LEVEL : scale;
        levels.setAll(s.levels());
        severity.set(s.defaultSeverity());
        title.set("");
        service.set("");
        platforms.set("");
        commander.set("");
        commanderHint.set("defaults to you (" + operator + ")");
        titleError.set("");
        showDuplicate(null);
        status.clearFailure();
    }

    /** Fills in what a triage outcome suggests: a title and a severity code on the sheet's scale. */
    public void prefill(String suggestedTitle, String severityCode) {
        title.set(suggestedTitle == null ? "" : suggestedTitle);
        levels.stream().filter(l -> l.code().equals(severityCode)).findFirst().ifPresent(severity::set);
    }

    /** Declares unless it is likely a duplicate (then {@link #duplicateProperty()} says of what); the owner is told. */
    public void declare() {
        declare(IfDuplicate.REFUSE);
    }

    /** Declares despite the likely duplicate shown; the declaration's timeline entry names it. */
    public void declareAnyway() {
        declare(IfDuplicate.DECLARE_ANYWAY);
    }

    /** What declaring came to: the incident, or the likely duplicate that stopped it. */
    private record Attempt(Incident declared, LikelyDuplicate.Refused refused) {
    }

    private void declare(IfDuplicate ifDuplicate) {
        if (status.isBusy()) {
            return;
        }
        String t;
        try {
            t = Limits.title(title.get());
        } catch (SitrepException e) {
            titleError.set(Messages.of(e));
            return;
        }
        List<String> platformNames = Arrays.stream(platforms.get() == null ? new String[0] : platforms.get().split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        Declaration d = new Declaration(t, severity.get() == null ? null : severity.get().code(), service.get(),
                platformNames, commander.get(), false, null);
        showDuplicate(null);
        status.run(BackgroundTask.wrap(() -> {
            try {
                return new Attempt(incidents.declare(d, ifDuplicate), null);
            } catch (LikelyDuplicate.Refused refused) {
                return new Attempt(null, refused);
            }
        }).onSuccess(attempt -> {
            if (attempt.refused() != null) {
                showDuplicate(attempt.refused());
            } else {
                onDeclared.accept(attempt.declared());
            }
        }), executor);
    }

    private void showDuplicate(LikelyDuplicate.Refused refused) {
        duplicate.set(refused == null ? null : refused.duplicate());
        duplicateWarning.set(refused == null ? "" : Messages.of(refused));
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<SeverityLevel> severityProperty() {
        return severity;
    }

    public ObservableList<SeverityLevel> levels() {
        return levels;
    }

    public ReadOnlyStringProperty severityDefinitionProperty() {
        return severityDefinition.getReadOnlyProperty();
    }

    public StringProperty serviceProperty() {
        return service;
    }

    public StringProperty platformsProperty() {
        return platforms;
    }

    public StringProperty commanderProperty() {
        return commander;
    }

    public ReadOnlyStringProperty commanderHintProperty() {
        return commanderHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleErrorProperty() {
        return titleError.getReadOnlyProperty();
    }

    /** The incident this declaration likely duplicates (declaring was stopped), or {@code null}. */
    public ReadOnlyObjectProperty<LikelyDuplicate> duplicateProperty() {
        return duplicate.getReadOnlyProperty();
    }

    /** What the warning over a likely duplicate says: which incident, how long ago, what to do. */
    public ReadOnlyStringProperty duplicateWarningProperty() {
        return duplicateWarning.getReadOnlyProperty();
    }

    /** Declaring: busy while it is stored; a failure to declare. */
    public TaskStatus status() {
        return status;
    }
}
