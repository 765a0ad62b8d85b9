package dev.sitrep.ui.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.core.TimeInput;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentRecord;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One incident: its fields, roles, milestones and timeline, the note box, and the changes a
 * commander makes (status, severity, each with a reason; a hypothesis with a confidence; the
 * impact statement).
 * Reloads when the change poller reports this incident, so CLI and other windows show up.
 */
public final class IncidentViewModel {

    private final IncidentService incidents;
    private final UiExecutor executor;
    private final Clock clock;
    private final ZoneId zone;

    // Properties
    private final ReadOnlyObjectWrapper<Incident> incident = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SeverityScale> scale = new ReadOnlyObjectWrapper<>(SeverityScales.FIVE_LEVEL);
    private final ReadOnlyStringWrapper severityDefinition = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper declared = new ReadOnlyStringWrapper("");
    private final ObservableList<String> milestones = FXCollections.observableArrayList();
    private final ObservableList<String> milestonesReadOnly = FXCollections.unmodifiableObservableList(milestones);
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timelineReadOnly = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<IncidentStatus> nextStatuses = FXCollections.observableArrayList();
    private final ObservableList<IncidentStatus> nextStatusesReadOnly = FXCollections.unmodifiableObservableList(nextStatuses);
    private final ObservableList<String> severities = FXCollections.observableArrayList();
    private final ObservableList<String> severitiesReadOnly = FXCollections.unmodifiableObservableList(severities);
    private final StringProperty noteText = new SimpleStringProperty("");
    private final StringProperty noteAt = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper noteError = new ReadOnlyStringWrapper("");
    private final StringProperty changeReason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper changeError = new ReadOnlyStringWrapper("");
    private final StringProperty hypothesisText = new SimpleStringProperty("");
    private final StringProperty hypothesisConfidence = new SimpleStringProperty("70");
    private final StringProperty impactText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper impactError = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyStringWrapper resumeWatch = new ReadOnlyStringWrapper("");
    private ResumeWatch watch;
    /** The impact as last loaded: the impact box follows changes from elsewhere while it still shows this. */
    private String loadedImpact = "";

    public IncidentViewModel(IncidentService incidents, UiExecutor executor, Clock clock, ZoneId zone) {
        this.incidents = incidents;
        this.executor = executor;
        this.clock = clock;
        this.zone = zone;
    }

    private record Loaded(IncidentRecord record, SeverityScale scale, ResumeWatch watch) {
    }

    // Commands

    public void load(IncidentId id) {
        if (id == null) {
            return;
        }
        executor.submit(() -> {
            IncidentRecord record = incidents.show(id);
            return new Loaded(record, incidents.scale(),
                    incidents.resumeWatches(List.of(record.incident())).get(record.incident().id()));
        }, this::apply, failure -> status.fail(failure));
    }

    public void onChanges(ChangePoller.Changes changes) {
        Incident current = incident.get();
        if (current != null && (changes.incidents().contains(current.id().value()) || changes.settings()
                || changes.platforms().stream().anyMatch(current.platforms()::contains))) {
            load(current.id());
        }
    }

    /** Appends the note box's text; the optional time backdates it. Enter in the note box calls this. */
    public void submitNote() {
        Incident current = incident.get();
        if (current == null) {
            return;
        }
        String text = noteText.get() == null ? "" : noteText.get().strip();
        if (text.isEmpty()) {
            noteError.set("Write the note first, then press Enter.");
            return;
        }
        Instant at;
        try {
            at = noteAt.get() == null || noteAt.get().isBlank() ? null : TimeInput.parse(noteAt.get(), clock, zone);
        } catch (RuntimeException e) {
            noteError.set(Messages.of(e));
            return;
        }
        noteError.set("");
        run(() -> incidents.note(current.id(), text, at), noteError, () -> {
            noteText.set("");
            noteAt.set("");
        });
    }

    public void changeStatus(IncidentStatus target) {
        Incident current = incident.get();
        if (current == null || target == null) {
            changeError.set("Pick the new status first.");
            return;
        }
        String reason = changeReason.get();
        run(() -> incidents.setStatus(current.id(), target, reason, null), changeError, () -> changeReason.set(""));
    }

    public void changeSeverity(String code) {
        Incident current = incident.get();
        if (current == null || code == null) {
            changeError.set("Pick the new severity first.");
            return;
        }
        String reason = changeReason.get();
        if (reason == null || reason.isBlank()) {
            changeError.set("A severity change needs a reason: type it in the reason box (it goes on the timeline).");
            return;
        }
        run(() -> incidents.setSeverity(current.id(), code, reason), changeError, () -> changeReason.set(""));
    }

    /** Stores the impact box's text as the impact statement, as {@code sitrep incident set --impact} does. Enter calls this. */
    public void saveImpact() {
        Incident current = incident.get();
        if (current == null) {
            return;
        }
        String text = impactText.get();
        run(() -> incidents.setImpact(current.id(), text), impactError, () -> impactText.set(text.strip()));
    }

    public void addHypothesis() {
        Incident current = incident.get();
        if (current == null) {
            return;
        }
        int confidence;
        try {
            confidence = Integer.parseInt(hypothesisConfidence.get().strip().replace("%", ""));
        } catch (RuntimeException e) {
            changeError.set("Confidence must be a whole percentage from 0 to 100.");
            return;
        }
        String text = hypothesisText.get();
        run(() -> incidents.hypothesis(current.id(), text, confidence), changeError, () -> hypothesisText.set(""));
    }

    private void run(Callable<?> change, ReadOnlyStringWrapper errorTarget, Runnable onDone) {
        Incident current = incident.get();
        status.run(BackgroundTask.wrap(change).onSuccess(result -> {
            errorTarget.set("");
            onDone.run();
            load(current.id());
        }), executor, errorTarget::set);
    }

    /** Counts the resume watch down; the view calls it every few seconds. */
    public void tick() {
        resumeWatch.set(watch == null || !watch.until().isAfter(clock.instant()) ? ""
                : "Resume watch: " + watch.describe(clock.instant()) + ". Resolving waits until the watch ends.");
    }

    private void apply(Loaded loaded) {
        Incident i = loaded.record().incident();
        watch = loaded.watch();
        tick();
        SeverityScale s = loaded.scale();
        scale.set(s);
        String shownImpact = impactText.get() == null ? "" : impactText.get();
        if (shownImpact.equals(loadedImpact) || shownImpact.strip().equals(orEmpty(i.impact()))) {
            impactText.set(orEmpty(i.impact()));
        }
        loadedImpact = orEmpty(i.impact());
        incident.set(i);
        status.clearFailure();
        severityDefinition.set(s.find(i.severity()).map(SeverityLevel::definition)
                .orElse(i.severity() + " is not on the " + s.name() + " scale"));
        declared.set("Declared " + TimeFormat.stamp(i.declaredAt(), zone) + " by " + i.declaredBy());
        List<String> ms = new ArrayList<>();
        for (Milestone m : Milestone.values()) {
            ms.add(m.label() + ": " + i.milestones().at(m).map(t -> TimeFormat.stamp(t, zone)).orElse("not yet"));
        }
        milestones.setAll(ms);
        nextStatuses.setAll(i.status().next());
        severities.setAll(s.levels().stream().map(SeverityLevel::code).filter(c -> !c.equals(i.severity())).toList());
        IncidentRecord record = loaded.record();
        timeline.setAll(record.timeline().stream().map(e -> row(record, e)).toList());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** An entry that happened more than this before it was written down says it was backdated. */
    private static final Duration BACKDATED = Duration.ofMinutes(1);

    private TimelineRow row(IncidentRecord record, TimelineEvent e) {
        boolean backdated = e.recordedAt() != null && e.occurredAt().plus(BACKDATED).isBefore(e.recordedAt());
        String when = TimeFormat.stamp(e.occurredAt(), zone)
                + (backdated ? " (backdated, recorded " + TimeFormat.utcTime(e.recordedAt()) + ")" : "");
        return new TimelineRow(e.id(), when, e.type().key().replace('_', ' '), e.actor(), e.text(),
                record.isSuperseded(e), e.supersedes() != null);
    }

    public ReadOnlyObjectProperty<Incident> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SeverityScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityDefinitionProperty() {
        return severityDefinition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty declaredProperty() {
        return declared.getReadOnlyProperty();
    }

    public ObservableList<String> milestones() {
        return milestonesReadOnly;
    }

    public ObservableList<TimelineRow> timeline() {
        return timelineReadOnly;
    }

    public ObservableList<IncidentStatus> nextStatuses() {
        return nextStatusesReadOnly;
    }

    public ObservableList<String> severities() {
        return severitiesReadOnly;
    }

    public StringProperty noteTextProperty() {
        return noteText;
    }

    public StringProperty noteAtProperty() {
        return noteAt;
    }

    public ReadOnlyStringProperty noteErrorProperty() {
        return noteError.getReadOnlyProperty();
    }

    public StringProperty changeReasonProperty() {
        return changeReason;
    }

    public ReadOnlyStringProperty changeErrorProperty() {
        return changeError.getReadOnlyProperty();
    }

    public StringProperty impactTextProperty() {
        return impactText;
    }

    public ReadOnlyStringProperty impactErrorProperty() {
        return impactError.getReadOnlyProperty();
    }

    public StringProperty hypothesisTextProperty() {
        return hypothesisText;
    }

    public StringProperty hypothesisConfidenceProperty() {
        return hypothesisConfidence;
    }


    /** Empty, or the running watch after a resume of a platform this incident names. */
    public ReadOnlyStringProperty resumeWatchProperty() {
        return resumeWatch.getReadOnlyProperty();
    }

    /** Changes to the incident (busy while one is saved; its failure shows by its field) and why it could not be read. */
    public TaskStatus status() {
        return status;
    }
}
