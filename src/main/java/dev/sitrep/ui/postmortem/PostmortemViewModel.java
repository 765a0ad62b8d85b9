package dev.sitrep.ui.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.postmortem.ActionItems;
import dev.sitrep.postmortem.PostmortemExports;
import dev.sitrep.postmortem.PostmortemMarkdown;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.postmortem.TextDiff;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The postmortem editor: one incident's postmortem (saved, or a fresh draft), edited in place and
 * autosaved a few seconds after a change and whenever the editor loses focus, so a crash loses at
 * most those seconds. A save over a version saved elsewhere is refused and shown, with the choice
 * to reload theirs or keep this one (both stay in the revision history). Also the incident's
 * action items, and the revision history with compare and restore.
 */
public final class PostmortemViewModel {

    /** How long after the last save a change waits before it is saved. */
    public static final Duration AUTOSAVE_EVERY = Duration.ofSeconds(3);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Postmortems postmortems;
    private final PostmortemExports exports;
    private final ActionItems actions;
    private final IncidentService incidents;
    private final UiExecutor executor;
    private final Clock clock;

    private final ObservableList<Incident> incidentChoices = FXCollections.observableArrayList();
    private final ObjectProperty<IncidentId> incident = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Postmortem> doc = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ActionItem> actionItems = FXCollections.observableArrayList();
    private final ObservableList<Postmortems.RevisionInfo> revisions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    /** Counts documents put in the editor from the store (not by typing): the form is rebuilt on each. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper loads = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private long version;
    private boolean dirty;
    private boolean saving;
    private Instant lastSave = Instant.MIN;
    private long loadGeneration;

    public PostmortemViewModel(Postmortems postmortems, ActionItems actions, PostmortemExports exports,
                               IncidentService incidents, UiExecutor executor, Clock clock) {
        this.postmortems = postmortems;
        this.exports = exports;
        this.actions = actions;
        this.incidents = incidents;
        this.executor = executor;
        this.clock = clock;
        incident.addListener((obs, was, now) -> {
            if (!Objects.equals(was, now)) {
                if (was != null) {
                    flush("switched to another incident");
                }
                load(now);
            }
        });
    }

    // Choosing the incident

    /** The incidents to write about, in the one order every page uses; the first finished one (they are the ones due) by default. */
    public void loadIncidents(IncidentId preferred) {
        executor.submit(incidents::choices, list -> {
            incidentChoices.setAll(list);
            IncidentId keep = preferred != null ? preferred : incident.get();
            incident.set(keep != null ? keep : list.stream().filter(i -> i.status().isFinal()).findFirst()
                    .or(() -> list.stream().findFirst()).map(Incident::id).orElse(null));
        }, this::fail);
    }

    /** "Write postmortem" on an incident: this editor on that incident. */
    public void show(IncidentId id) {
        if (incidentChoices.stream().noneMatch(i -> i.id().equals(id))) {
            loadIncidents(id);
        } else {
            incident.set(id);
        }
    }

    private record Loaded(Postmortems.Opened opened, List<ActionItem> actions) {
    }

    private void load(IncidentId id) {
        long generation = ++loadGeneration;
        doc.set(null);
        dirty = false;
        conflict.set(false);
        revisions.clear();
        if (id == null) {
            actionItems.clear();
            return;
        }
        executor.submit(() -> new Loaded(postmortems.open(id), actions.forIncident(id)), loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            Postmortems.Opened o = loaded.opened();
            version = o.version();
            doc.set(o.postmortem());
            actionItems.setAll(loaded.actions());
            dirty = false;
            loads.set(loads.get() + 1);
            saveState.set(o.saved() ? "Saved " + HMS.format(o.savedAt()) + " UTC by " + o.savedBy()
                    : "Draft from the record, not saved yet");
        }, this::fail);
    }

    // Editing

    /** Applies an edit to the document; it is saved within {@link #AUTOSAVE_EVERY}. */
    public void edit(UnaryOperator<Postmortem> change) {
        Postmortem current = doc.get();
        if (current == null) {
            return;
        }
        Postmortem next = change.apply(current);
        if (!next.equals(current)) {
            doc.set(next);
            dirty = true;
            saveState.set("Unsaved changes");
        }
    }

    public void setSection(String key, String markdown) {
        edit(p -> p.withSection(key, markdown));
    }

    public void setWhy(int index, String text) {
        edit(p -> {
            List<String> whys = new ArrayList<>(p.fiveWhys());
            while (whys.size() < 5) {
                whys.add("");
            }
            whys.set(index, text);
            return p.withFiveWhys(whys);
        });
    }

    public void setRow(int index, Postmortem.TimelineRow row) {
        edit(p -> {
            List<Postmortem.TimelineRow> rows = new ArrayList<>(p.timeline());
            rows.set(index, row);
            return p.withTimeline(rows);
        });
    }

    /** An entry the record lacks (typically the first symptom, found later in the logs). */
    public void addRow(Instant at, String text, PostmortemMilestone milestone) {
        if (text == null || text.isBlank()) {
            fail("Say what happened at that time.");
            return;
        }
        edit(p -> {
            List<Postmortem.TimelineRow> rows = new ArrayList<>(p.timeline());
            rows.add(new Postmortem.TimelineRow(null, at, text.strip(), milestone, true));
            rows.sort(java.util.Comparator.comparing(Postmortem.TimelineRow::at));
            return p.withTimeline(rows);
        });
    }

    /** Called every second: saves a change once {@link #AUTOSAVE_EVERY} has passed since the last save. */
    public void tick() {
        if (dirty && !saving && !conflict.get()
                && !lastSave.plus(AUTOSAVE_EVERY).isAfter(clock.instant())) {
            save(Postmortems.AUTOSAVE);
        }
    }

    /** Saves now if anything changed (focus left the editor, the window closes, another incident is chosen). */
    public void flush(String reason) {
        if (dirty && !saving && !conflict.get()) {
            save(reason);
        }
    }

    private void save(String reason) {
        Postmortem snapshot = doc.get();
        long basedOn = version;
        saving = true;
        saveState.set("Saving…");
        lastSave = clock.instant();
        executor.submit(() -> postmortems.save(snapshot, basedOn, reason), saved -> {
            saving = false;
            version = saved;
            dirty = !snapshot.equals(doc.get());
            saveState.set(dirty ? "Unsaved changes" : "Saved " + HMS.format(clock.instant()) + " UTC");
            if (!revisions.isEmpty()) {
                loadRevisions();
            }
        }, failure -> {
            saving = false;
            String said = Messages.of(failure);
            if (said.contains("was saved elsewhere")) {
                conflict.set(true);
            }
            saveState.set("Not saved");
            fail(said);
        });
    }

    /**
     * Publishes the postmortem as it stands: the version the team sees (team platforms get it with
     * the next sync). Drafts and autosaves stay on this machine.
     */
    public void publish() {
        Postmortem snapshot = doc.get();
        if (snapshot == null || conflict.get()) {
            return;
        }
        long basedOn = version;
        executor.submit(() -> postmortems.publish(snapshot, basedOn), saved -> {
            version = saved;
            dirty = !snapshot.equals(doc.get());
            say("Published: this version goes to the team with the next sync.");
            saveState.set("Published " + HMS.format(clock.instant()) + " UTC");
        }, this::fail);
    }

    /** After a conflict: drop this window's changes and show what was saved elsewhere. */
    public void reloadTheirs() {
        load(incident.get());
    }

    /** After a conflict: save this window's text over the other (theirs stays in the history). */
    public void keepMine() {
        Postmortem snapshot = doc.get();
        IncidentId id = incident.get();
        executor.submit(() -> postmortems.save(snapshot, postmortems.open(id).version(), "kept over a concurrent edit"),
                saved -> {
                    version = saved;
                    conflict.set(false);
                    dirty = !snapshot.equals(doc.get());
                    say("Saved yours; the other version is in the history.");
                    saveState.set("Saved " + HMS.format(clock.instant()) + " UTC");
                }, this::fail);
    }

    /** The store changed: action items reload; a postmortem saved elsewhere replaces an unchanged one here. */
    public void onChanges(ChangePoller.Changes changes) {
        IncidentId id = incident.get();
        if (id == null || !changes.incidents().contains(id.value())) {
            return;
        }
        long generation = loadGeneration;
        executor.submit(() -> new Loaded(postmortems.open(id), actions.forIncident(id)), loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            actionItems.setAll(loaded.actions());
            Postmortems.Opened o = loaded.opened();
            if (o.version() > version && !dirty && !saving) {
                version = o.version();
                doc.set(o.postmortem());
                loads.set(loads.get() + 1);
                saveState.set("Saved " + HMS.format(o.savedAt()) + " UTC by " + o.savedBy());
            }
        }, this::fail);
    }

    // Revisions

    public void loadRevisions() {
        IncidentId id = incident.get();
        if (id != null) {
            executor.submit(() -> postmortems.revisions(id), revisions::setAll, this::fail);
        }
    }

    /** The revision against the text in the editor now (older first), as lines kept, removed and added. */
    public void compare(Postmortems.RevisionInfo revision, Consumer<List<TextDiff.Line>> then) {
        Postmortem now = doc.get();
        List<ActionItem> items = List.copyOf(actionItems);
        executor.submit(() -> TextDiff.lines(PostmortemMarkdown.render(postmortems.revision(revision.id()), items),
                PostmortemMarkdown.render(now, items)), then, this::fail);
    }

    public void restore(Postmortems.RevisionInfo revision) {
        IncidentId id = incident.get();
        long basedOn = version;
        executor.submit(() -> postmortems.restore(revision.id(), basedOn), v -> {
            say("Restored the version of " + HMS.format(revision.savedAt()) + " UTC; the one before is kept in "
                    + "the history.");
            load(id);
            loadRevisions();
        }, this::fail);
    }

    // Action items

    /** Adds an action item; answers false, saying why, when there is nothing to add (no action, no incident). */
    public boolean addAction(String action, String owner, LocalDate due) {
        IncidentId id = incident.get();
        if (id == null) {
            fail("Choose an incident first: action items belong to one.");
            return false;
        }
        if (action == null || action.isBlank()) {
            fail("Nothing added: the Action field is empty. Write what will be done (e.g. add an alert on pool "
                    + "saturation), then press Enter or Add action item.");
            return false;
        }
        executor.submit(() -> {
            actions.add(id, action, owner, due);
            return actions.forIncident(id);
        }, list -> {
            actionItems.setAll(list);
            say("Action item added.");
        }, this::fail);
        return true;
    }

    public void updateAction(ActionItem item, String action, String owner, LocalDate due, ActionItem.Status status) {
        executor.submit(() -> {
            actions.update(item.id(), action, owner, due, status);
            return actions.forIncident(item.incident());
        }, actionItems::setAll, this::fail);
    }

    /** {@code INC-…-postmortem.md}. */
    public String suggestedExportName() {
        IncidentId id = incident.get();
        return (id == null ? "postmortem" : id.value() + "-postmortem") + ".md";
    }

    /**
     * Writes the postmortem as it stands in the editor with its action items: standalone HTML for a
     * {@code .html} file, else Markdown. Never over an existing file.
     */
    public void export(java.nio.file.Path file) {
        Postmortem p = doc.get();
        if (p == null) {
            return;
        }
        List<ActionItem> items = List.copyOf(actionItems);
        executor.submit(() -> exports.write(p, items, file), written -> say("Exported to " + written.file() + "."),
                this::fail);
    }

    /** The whole postmortem as Markdown (what the export writes). */
    public String markdown() {
        Postmortem p = doc.get();
        return p == null ? "" : PostmortemMarkdown.render(p, actionItems);
    }

    /** What was done, on the message line (it replaces a failure shown there). */
    private void say(String text) {
        status.clearFailure();
        notice.set(text);
    }

    private void fail(Throwable t) {
        notice.set("");
        status.fail(t);
    }

    private void fail(String text) {
        notice.set("");
        status.fail(text);
    }

    // Properties

    public ObservableList<Incident> incidentChoices() {
        return incidentChoices;
    }

    public ObjectProperty<IncidentId> incidentProperty() {
        return incident;
    }

    public ReadOnlyObjectProperty<Postmortem> docProperty() {
        return doc.getReadOnlyProperty();
    }

    /** Rises each time a document comes from the store (open, reload, restore, a save made elsewhere). */
    public javafx.beans.property.ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    public ObservableList<ActionItem> actionItems() {
        return actionItems;
    }

    public ObservableList<Postmortems.RevisionInfo> revisions() {
        return revisions;
    }

    public ReadOnlyStringProperty saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    /** What was last done (published, restored, exported...); a failure shows in {@link #status()} instead. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Saving, publishing, restoring, exporting: what failed. */
    public TaskStatus status() {
        return status;
    }

    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public boolean dirty() {
        return dirty;
    }

    public LocalDate today() {
        return actions.today();
    }
}
