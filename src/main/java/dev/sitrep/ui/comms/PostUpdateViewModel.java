package dev.sitrep.ui.comms;

import dev.sitrep.comms.Placeholder;
import dev.sitrep.comms.StatusUpdates;
import dev.sitrep.comms.Templates;
import dev.sitrep.comms.UpdateCadence;
import dev.sitrep.comms.UpdateComposer;
import dev.sitrep.comms.UpdateTemplate;
import dev.sitrep.comms.WarRoom;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.incident.IncidentRecord;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.ui.common.TextClipboard;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The "Post update" sheet: the incident's fields filled into the chosen template, editable, copied
 * to the clipboard, then marked as sent (a timeline entry that restarts the update clock; the
 * first one also records first communication). Edits are kept per template while the sheet is open.
 */
public final class PostUpdateViewModel {

    private final IncidentService incidents;
    private final Templates templates;
    private final WarRoom warRoom;
    private final StatusUpdates updates;
    private final UiExecutor executor;
    private final Clock clock;
    private final TextClipboard clipboard;

    private record Draft(IncidentRecord record, SeverityScale scale, List<UpdateTemplate> templates,
                         Optional<String> warRoom, Optional<Instant> lastSent) {
    }

    private Draft draft;
    private String rendered = "";
    private final Map<String, String> edits = new HashMap<>();

    // Properties
    private final ObservableList<UpdateTemplate> templateList = FXCollections.observableArrayList();
    /** One wrapper, kept: it forwards changes through a weak listener, so a fresh one per call would lose them. */
    private final ObservableList<UpdateTemplate> templatesView = FXCollections.unmodifiableObservableList(templateList);
    private final ReadOnlyStringWrapper templateId = new ReadOnlyStringWrapper(UpdateTemplate.INTERNAL);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<IncidentId> incidentId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper severity = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SeverityScale> scale = new ReadOnlyObjectWrapper<>(SeverityScales.FIVE_LEVEL);
    private final ReadOnlyStringWrapper purpose = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notSet = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper due = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyStringWrapper sent = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);

    public PostUpdateViewModel(IncidentService incidents, Templates templates, WarRoom warRoom, StatusUpdates updates,
                               UiExecutor executor, Clock clock, TextClipboard clipboard) {
        this.incidents = incidents;
        this.templates = templates;
        this.warRoom = warRoom;
        this.updates = updates;
        this.executor = executor;
        this.clock = clock;
        this.clipboard = clipboard;
        text.addListener((obs, was, now) -> notice.set(""));
    }

    // Commands

    /** Opens the sheet for an incident: reads it, the templates and the last update, then composes the chosen template. */
    public void open(IncidentId id) {
        draft = null;
        edits.clear();
        incidentId.set(id);
        ready.set(false);
        sent.set("");
        status.clearFailure();
        notice.set("");
        heading.set(id.value());
        text.set("");
        status.run(BackgroundTask.wrap(() -> new Draft(incidents.show(id), incidents.scale(), templates.all(), warRoom.get(),
                updates.lastSent(id))).onSuccess(loaded -> {
                    if (!id.equals(incidentId.get())) {
                        return;
                    }
                    draft = loaded;
                    Incident i = loaded.record().incident();
                    heading.set(i.id() + " · " + i.title());
                    scale.set(loaded.scale());
                    severity.set(i.severity());
                    templateList.setAll(loaded.templates());
                    ready.set(true);
                    show(templateId.get());
                }), executor);
    }

    /** Switches template; what was typed into the previous one is kept until the sheet is opened again. */
    public void choose(String id) {
        if (draft == null || id == null || id.equals(templateId.get())) {
            return;
        }
        if (!text.get().equals(rendered)) {
            edits.put(templateId.get(), text.get());
        }
        templateId.set(id);
        show(id);
    }

    /** Puts the text on the clipboard. */
    public void copy() {
        String t = text.get();
        if (t == null || t.isBlank()) {
            status.fail("There is nothing to copy yet.");
            return;
        }
        clipboard.put(t);
        status.clearFailure();
        notice.set("Copied " + t.length() + " characters. Paste it where it goes, then mark it as sent.");
    }

    /** Records the text as sent; on success {@link #sentProperty()} says so and the sheet closes. */
    public void markSent() {
        IncidentId id = incidentId.get();
        if (status.isBusy() || draft == null || id == null || !sent.get().isEmpty()) {
            return;
        }
        String body = text.get();
        if (body == null || body.isBlank()) {
            status.fail("The update is empty; choose a template or write it, then mark it as sent.");
            return;
        }
        String chosen = templateId.get();
        status.run(BackgroundTask.wrap(() -> updates.sent(id, chosen, body)).onSuccess(done -> {
            notice.set("");
            due.set("");
            sent.set(confirmation(done));
        }), executor);
    }

    private static String confirmation(StatusUpdates.Sent done) {
        return "Recorded: " + done.template().name() + " sent at " + TimeFormat.utcTime(done.at()) + "."
                + (done.firstCommunication() ? " First communication recorded." : "")
                + done.nextDue().map(t -> " Next update due by " + TimeFormat.utcTime(t) + ".").orElse("");
    }

    private void show(String id) {
        UpdateTemplate template = draft.templates().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElse(draft.templates().get(0));
        Instant now = clock.instant();
        UpdateComposer.Composed composed = new UpdateComposer(draft.scale(), draft.warRoom())
                .compose(template, draft.record(), now);
        rendered = composed.text();
        text.set(edits.getOrDefault(template.id(), rendered));
        purpose.set(template.purpose());
        advice.set(String.join(" ", java.util.stream.Stream.of(advice(template, draft), withheld(template, composed))
                .filter(a -> !a.isEmpty()).toList()));
        notSet.set(composed.notSet().isEmpty() ? "" : "Not filled in: " + composed.notSet().stream()
                .map(p -> p.key().replace('_', ' ')).collect(Collectors.joining(", "))
                + ". Write " + (composed.notSet().size() == 1 ? "it" : "them") + " into the text"
                + where(composed.notSet()) + ".");
        due.set(due(draft, now));
        status.clearFailure();
    }

    /** Where each missing field is set: the war room in Settings, the rest on the incident. */
    private static String where(List<Placeholder> missing) {
        List<String> onIncident = missing.stream().filter(p -> p != Placeholder.WAR_ROOM)
                .map(p -> p.key().replace('_', ' ')).toList();
        String incidentPart = onIncident.isEmpty() ? "" : String.join(", ", onIncident) + " on the incident";
        String settingsPart = missing.contains(Placeholder.WAR_ROOM) ? "the war room in Settings" : "";
        return ", or set " + (incidentPart.isEmpty() ? settingsPart
                : settingsPart.isEmpty() ? incidentPart : incidentPart + " and " + settingsPart);
    }

    /** The internal-only placeholders the team's customer-facing text uses, and the fix. */
    private static String withheld(UpdateTemplate template, UpdateComposer.Composed composed) {
        return composed.withheld().stream().map(p -> "This " + template.name() + " uses " + p.token()
                + ", which is internal only; it reads as " + p.forCustomers().token() + " here. Change the template in "
                + "Settings.").collect(Collectors.joining(" "));
    }

    private static String advice(UpdateTemplate template, Draft draft) {
        if (!template.id().equals(UpdateTemplate.STATUS_PAGE)) {
            return "";
        }
        String code = draft.record().incident().severity();
        int ramp = draft.scale().find(code).map(SeverityLevel::ramp).orElse(4);
        return ramp <= 1 ? "" : code + " is below the severities that get a status page post; post one only if "
                + "users can see the problem.";
    }

    /** When the last update went out and when the next is due if this one is marked sent now. */
    private static String due(Draft draft, Instant now) {
        Incident i = draft.record().incident();
        Optional<Instant> dueNow = UpdateCadence.nextDue(draft.scale(), i, draft.lastSent());
        String past = draft.lastSent().map(t -> "Last update " + TimeFormat.utcTime(t) + " ("
                        + TimeFormat.elapsed(Duration.between(t, now)) + " ago)")
                .orElse("No update sent yet");
        String which = draft.lastSent().isPresent() ? "the next" : "the first";
        String current = dueNow.map(t -> t.isBefore(now)
                ? "; " + which + " was due by " + TimeFormat.utcTime(t) + ", " + TimeFormat.elapsed(Duration.between(t, now))
                        + " overdue"
                : "; " + which + " is due by " + TimeFormat.utcTime(t) + " (in "
                        + TimeFormat.elapsed(Duration.between(now, t)) + ")").orElse("");
        Optional<Duration> every = UpdateCadence.every(draft.scale(), i);
        String next = every.map(d -> " Sending this one now sets the next for " + TimeFormat.utcTime(now.plus(d))
                + " (" + i.severity() + ": every " + d.toMinutes() + " min).")
                .orElse(i.status().isActive() ? " " + i.severity() + " has no update schedule; send one when there is news."
                        : " The incident is " + i.status().key() + "; no further update is scheduled.");
        return past + current + "." + next;
    }

    public ObservableList<UpdateTemplate> templates() {
        return templatesView;
    }

    public ReadOnlyStringProperty templateIdProperty() {
        return templateId.getReadOnlyProperty();
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<IncidentId> incidentIdProperty() {
        return incidentId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SeverityScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty purposeProperty() {
        return purpose.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notSetProperty() {
        return notSet.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dueProperty() {
        return due.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }

    /** Empty until the update is recorded; then the confirmation the sheet shows as it closes. */
    public ReadOnlyStringProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }


    /** The incident and templates are loaded: the template buttons and Mark as sent can be used. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
