package dev.sitrep.ui.incident;

import dev.sitrep.core.Checklist;
import dev.sitrep.core.IncidentId;
import dev.sitrep.incident.Checklists;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The checklists opened on the incident shown: their steps and ticks, kept current when anyone
 * (this window, another one, the CLI) ticks a step.
 */
public final class ChecklistViewModel {

    private final Checklists checklists;
    private final UiExecutor executor;
    private final ObservableList<Checklist> items = FXCollections.observableArrayList();
    private final ObservableList<Checklist> itemsReadOnly = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Checklists");
    private final TaskStatus status = new TaskStatus();
    private IncidentId incident;

    public ChecklistViewModel(Checklists checklists, UiExecutor executor) {
        this.checklists = checklists;
        this.executor = executor;
    }

    public void load(IncidentId id) {
        incident = id;
        if (id == null) {
            return;
        }
        executor.submit(() -> checklists.forIncident(id), this::show, failure -> status.fail(failure));
    }

    public void onChanges(ChangePoller.Changes changes) {
        if (incident != null && changes.incidents().contains(incident.value())) {
            load(incident);
        }
    }

    /** Ticks or unticks a step as the operator; the timeline says who and when. */
    public void tick(Checklist checklist, int position, boolean done) {
        executor.submit(() -> checklists.tick(checklist.id(), position, done), c -> {
            status.clearFailure();
            load(incident);
        }, failure -> {
            status.fail(failure);
            load(incident);
        });
    }

    private void show(List<Checklist> list) {
        if (list.isEmpty() || list.get(0).incident().equals(incident)) {
            if (!items.equals(list)) {
                items.setAll(list); // redrawn only when a checklist changed, not on every timeline entry
            }
            long done = list.stream().mapToLong(Checklist::doneCount).sum();
            long all = list.stream().mapToLong(c -> c.steps().size()).sum();
            summary.set(list.isEmpty() ? "Checklists" : "Checklists · " + done + "/" + all);
            status.clearFailure();
        }
    }

    public ObservableList<Checklist> checklists() {
        return itemsReadOnly;
    }

    /** The tab's title: {@code Checklists · 3/7}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }
}
