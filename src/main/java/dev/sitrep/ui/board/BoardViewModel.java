package dev.sitrep.ui.board;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The board's incident list: unfinished incidents (finished ones on request), most severe
 * first, then newest. Reloads when the store changes, whoever changed it. An empty workspace
 * shows the welcome with the three first moves and "Load demo workspace".
 */
public final class BoardViewModel {

    private final IncidentService incidents;
    private final UiExecutor executor;
    private final Clock clock;

    // Properties
    private final ObservableList<Incident> rows = FXCollections.observableArrayList();
    private final ObservableList<Incident> rowsReadOnly = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<SeverityScale> scale = new ReadOnlyObjectWrapper<>(SeverityScales.FIVE_LEVEL);
    private final ReadOnlyBooleanWrapper workspaceEmpty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanProperty showFinished = new SimpleBooleanProperty(false);

    private Map<IncidentId, ResumeWatch> watches = Map.of();

    private record Snapshot(List<Incident> incidents, int total, SeverityScale scale, Map<IncidentId, ResumeWatch> watches) {
    }

    public BoardViewModel(IncidentService incidents, UiExecutor executor, Clock clock) {
        this.incidents = incidents;
        this.executor = executor;
        this.clock = clock;
        showFinished.addListener((obs, was, now) -> refresh());
    }

    // Commands

    public void refresh() {
        loading.set(true);
        boolean all = showFinished.get();
        executor.submit(() -> {
            SeverityScale current = incidents.scale();
            List<Incident> list = incidents.list(all ? Set.of() : IncidentService.UNFINISHED);
            int total = list.isEmpty() ? incidents.count() : list.size();
            return new Snapshot(sorted(list, current), total, current, incidents.resumeWatches(list));
        }, snapshot -> {
            scale.set(snapshot.scale());
            boolean watchesChanged = !watches.equals(snapshot.watches());
            watches = Map.copyOf(snapshot.watches());
            if (watchesChanged || !rows.equals(snapshot.incidents())) {
                rows.setAll(snapshot.incidents()); // a pull that changed nothing on the board redraws nothing
            }
            workspaceEmpty.set(snapshot.total() == 0);
            problem.set("");
            loading.set(false);
        }, failure -> {
            problem.set(Messages.of(failure));
            loading.set(false);
        });
    }

    /** Called with what the change poller saw; any incident, setting or platform change reloads the list. */
    public void onChanges(ChangePoller.Changes changes) {
        if (!changes.incidents().isEmpty() || changes.settings() || !changes.platforms().isEmpty()) {
            refresh();
        }
    }

    static List<Incident> sorted(List<Incident> list, SeverityScale scale) {
        Comparator<Incident> bySeverity = Comparator.comparingInt(i -> scale.find(i.severity())
                .map(l -> l.ramp()).orElse(99));
        Comparator<Incident> byActivity = Comparator.comparing(i -> i.status().isActive() ? 0 : 1);
        return list.stream().sorted(byActivity.thenComparing(bySeverity)
                .thenComparing(Comparator.comparing(Incident::declaredAt).reversed())).toList();
    }

    /** {@code watch until 15:02 UTC} while a platform the incident names is in its resume watch, else empty. */
    public String watch(Incident incident) {
        ResumeWatch w = watches.get(incident.id());
        return w == null || !w.until().isAfter(clock.instant()) ? ""
                : "resume watch until " + TimeFormat.utcTime(w.until());
    }

    public ObservableList<Incident> rows() {
        return rowsReadOnly;
    }

    public ReadOnlyObjectProperty<SeverityScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workspaceEmptyProperty() {
        return workspaceEmpty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanProperty showFinishedProperty() {
        return showFinished;
    }

    public Clock clock() {
        return clock;
    }
}
