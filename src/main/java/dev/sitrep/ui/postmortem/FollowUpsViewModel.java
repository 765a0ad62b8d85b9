package dev.sitrep.ui.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.postmortem.ActionItems;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Follow-ups across every incident: overdue first, then by due day; status, owner and due editable here. */
public final class FollowUpsViewModel {

    /** One action item with the incident it came from. */
    public record Row(ActionItem item, String incidentTitle, boolean overdue) {
    }

    private final ActionItems actions;
    private final IncidentService incidents;
    private final UiExecutor executor;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty overdueOnly = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final TaskStatus status = new TaskStatus();

    public FollowUpsViewModel(ActionItems actions, IncidentService incidents, UiExecutor executor) {
        this.actions = actions;
        this.incidents = incidents;
        this.executor = executor;
        overdueOnly.addListener((obs, was, now) -> load());
    }

    private record Loaded(List<Row> rows, long overdue, long open) {
    }

    public void load() {
        boolean only = overdueOnly.get();
        executor.submit(() -> {
            LocalDate today = actions.today();
            List<ActionItem> all = actions.followUps(false);
            Map<IncidentId, String> titles = new HashMap<>();
            incidents.find(all.stream().map(ActionItem::incident).distinct().toList())
                    .forEach(i -> titles.put(i.id(), i.title()));
            List<Row> shown = all.stream().filter(a -> !only || a.overdue(today))
                    .map(a -> new Row(a, titles.getOrDefault(a.incident(), ""), a.overdue(today))).toList();
            return new Loaded(shown, all.stream().filter(a -> a.overdue(today)).count(),
                    all.stream().filter(a -> !a.status().finished()).count());
        }, loaded -> {
            rows.setAll(loaded.rows());
            status.clearFailure();
            summary.set(loaded.overdue() + " overdue, " + loaded.open() + " not finished");
        }, failure -> status.fail(failure));
    }

    public void update(ActionItem item, String owner, LocalDate due, ActionItem.Status status) {
        executor.submit(() -> actions.update(item.id(), null, owner, due, status), updated -> load(),
                failure -> this.status.fail(failure));
    }

    /** Any incident changed (an action item is saved with its incident's id): read again. */
    public void onChanges(ChangePoller.Changes changes) {
        if (!changes.incidents().isEmpty()) {
            load();
        }
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public BooleanProperty overdueOnlyProperty() {
        return overdueOnly;
    }

    /** {@code 2 overdue, 5 not finished}; a failure to read or save shows in {@link #status()} instead. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Reading and saving follow-ups: what failed. */
    public TaskStatus status() {
        return status;
    }
}
