package dev.sitrep.ui.board;

import dev.sitrep.board.BoardFilter;
import dev.sitrep.board.CardBadges;
import dev.sitrep.board.CardClocks;
import dev.sitrep.board.Deadline;
import dev.sitrep.board.Lanes;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.ResumeWatch;
import dev.sitrep.core.Role;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.BackgroundTask;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The live severity board: one lane per level of the workspace scale plus "Unmapped", cards with
 * their clocks and badges. A change anywhere (this window, the CLI, another process, the pull
 * loop) is patched into its lane in place: the other cards, the scroll and the selection stay.
 */
public final class BoardViewModel {

    /** The last status update sent per incident (the next-update clock counts from it). */
    public interface LastUpdates extends Function<Collection<IncidentId>, Map<IncidentId, Instant>> {
    }

    private final IncidentService incidents;
    private final UiExecutor executor;
    private final Clock clock;
    private final LastUpdates lastUpdates;

    private final Map<String, ObservableList<Incident>> lanes = new LinkedHashMap<>();
    private final ObservableList<String> laneKeys = FXCollections.observableArrayList();
    private final Map<IncidentId, Incident> loaded = new HashMap<>();
    private Map<IncidentId, Instant> updates = new HashMap<>();
    private Map<IncidentId, ResumeWatch> watches = Map.of();
    private Map<String, PlatformStatus> platforms = Map.of();
    private final Set<String> alerted = new HashSet<>();
    private Consumer<String> onOverdue = text -> { };

    // Properties
    private final ReadOnlyObjectWrapper<SeverityScale> scale = new ReadOnlyObjectWrapper<>(SeverityScales.FIVE_LEVEL);
    private final ObjectProperty<BoardFilter> filter;
    private final ObservableList<String> services = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper workspaceEmpty = new ReadOnlyBooleanWrapper(false);
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyLongWrapper ticks = new javafx.beans.property.ReadOnlyLongWrapper();

    public BoardViewModel(IncidentService incidents, UiExecutor executor, Clock clock, LastUpdates lastUpdates) {
        this.incidents = incidents;
        this.executor = executor;
        this.clock = clock;
        this.lastUpdates = lastUpdates;
        this.filter = new SimpleObjectProperty<>(BoardFilter.standard(incidents.operator()));
        filter.addListener((obs, was, now) -> {
            if (was == null || was.scope() != now.scope()) {
                refresh();
            } else {
                relayout();
            }
        });
    }

    private record Snapshot(List<Incident> incidents, int total, SeverityScale scale, Map<IncidentId, Instant> updates,
                            Map<IncidentId, ResumeWatch> watches) {
    }

    private record Patch(List<Incident> incidents, Set<IncidentId> asked, Map<IncidentId, Instant> updates,
                         Map<IncidentId, ResumeWatch> watches) {
    }

    // Commands

    /** Reads the board's incidents from the store (off the FX thread) and lays them out. */
    public void refresh() {
        BoardFilter.Scope scope = filter.get().scope();
        status.run(BackgroundTask.wrap(() -> {
            SeverityScale current = incidents.scale();
            List<Incident> list = incidents.list(scope == BoardFilter.Scope.ALL ? Set.of() : IncidentService.UNFINISHED);
            int total = list.isEmpty() ? incidents.count() : list.size();
            List<IncidentId> ids = list.stream().map(Incident::id).toList();
            return new Snapshot(list, total, current, lastUpdates.apply(ids), incidents.resumeWatches(list));
        }).onSuccess(snapshot -> {
            scale.set(snapshot.scale());
            loaded.clear();
            snapshot.incidents().forEach(i -> loaded.put(i.id(), i));
            updates = new HashMap<>(snapshot.updates());
            watches = Map.copyOf(snapshot.watches());
            workspaceEmpty.set(snapshot.total() == 0);
            relayout();
        }), executor);
    }

    /** What the change poller saw: changed incidents are patched in place; a setting change (the scale) lays out anew. */
    public void onChanges(ChangePoller.Changes changes) {
        if (changes.settings()) {
            refresh();
            return;
        }
        if (!changes.incidents().isEmpty() || !changes.platforms().isEmpty()) {
            Set<IncidentId> ids = new HashSet<>();
            for (String id : changes.incidents()) {
                try {
                    ids.add(IncidentId.parse(id));
                } catch (RuntimeException notAnIncident) {
                    // another entity's change; nothing on the board
                }
            }
            patch(ids, !changes.platforms().isEmpty());
        }
    }

    private void patch(Set<IncidentId> ids, boolean platformsChanged) {
        executor.submit(() -> {
            List<Incident> changed = incidents.find(ids);
            Map<IncidentId, Incident> all = new HashMap<>(loaded);
            changed.forEach(i -> all.put(i.id(), i));
            return new Patch(changed, ids, lastUpdates.apply(ids),
                    platformsChanged || !changed.isEmpty() ? incidents.resumeWatches(all.values()) : watches);
        }, p -> {
            if (workspaceEmpty.get() && !p.incidents().isEmpty()) {
                workspaceEmpty.set(false);
            }
            updates.putAll(p.updates());
            watches = Map.copyOf(p.watches());
            for (IncidentId gone : p.asked()) {
                if (p.incidents().stream().noneMatch(i -> i.id().equals(gone))) {
                    place(gone, null);
                }
            }
            p.incidents().forEach(i -> place(i.id(), i));
            refreshServices();
            updateSummary();
        }, failure -> status.fail(failure));
    }

    /** Lays out every loaded incident anew (filter or scale changed); lanes keep their list objects. */
    private void relayout() {
        SeverityScale s = scale.get();
        List<String> keys = Lanes.keys(s);
        lanes.keySet().retainAll(keys);
        keys.forEach(k -> lanes.computeIfAbsent(k, x -> FXCollections.observableArrayList()));
        Map<String, List<Incident>> next = new LinkedHashMap<>();
        keys.forEach(k -> next.put(k, new ArrayList<>()));
        Instant now = clock.instant();
        for (Incident i : loaded.values()) {
            if (filter.get().shows(i, now)) {
                next.get(Lanes.laneOf(s, i)).add(i);
            }
        }
        next.forEach((k, list) -> {
            list.sort(Lanes.ORDER);
            if (!lanes.get(k).equals(list)) {
                lanes.get(k).setAll(list);
            }
        });
        if (!laneKeys.equals(keys)) {
            laneKeys.setAll(keys);
        }
        refreshServices();
        updateSummary();
    }

    /** Puts one incident where it belongs now ({@code null}: it is gone), touching only its lane(s). */
    private void place(IncidentId id, Incident incident) {
        if (incident == null) {
            loaded.remove(id);
        } else {
            loaded.put(id, incident);
        }
        String target = incident != null && filter.get().shows(incident, clock.instant())
                ? Lanes.laneOf(scale.get(), incident) : null;
        for (Map.Entry<String, ObservableList<Incident>> lane : lanes.entrySet()) {
            ObservableList<Incident> list = lane.getValue();
            int at = indexOf(list, id);
            if (at < 0) {
                continue;
            }
            if (lane.getKey().equals(target) && fitsAt(list, at, incident)) {
                list.set(at, incident); // in place: the cell redraws, selection and scroll stay
                return;
            }
            list.remove(at);
        }
        if (target != null) {
            ObservableList<Incident> list = lanes.get(target);
            int pos = 0;
            while (pos < list.size() && Lanes.ORDER.compare(list.get(pos), incident) < 0) {
                pos++;
            }
            list.add(pos, incident);
        }
    }

    private static boolean fitsAt(List<Incident> list, int at, Incident incident) {
        return (at == 0 || Lanes.ORDER.compare(list.get(at - 1), incident) <= 0)
                && (at == list.size() - 1 || Lanes.ORDER.compare(incident, list.get(at + 1)) <= 0);
    }

    private static int indexOf(List<Incident> list, IncidentId id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every second: drops cards whose hour as "recently resolved" is over, and says once for each
     * clock that has just gone overdue (the window turns it into a desktop notification).
     */
    public void tick() {
        ticks.set(ticks.get() + 1);
        Instant now = clock.instant();
        List<String> fresh = new ArrayList<>();
        for (ObservableList<Incident> list : lanes.values()) {
            List<Incident> expired = list.stream().filter(i -> !filter.get().shows(i, now)).toList();
            expired.forEach(i -> place(i.id(), i));
            for (Incident i : list) {
                if (!i.status().isActive()) {
                    continue;
                }
                CardClocks c = clocks(i);
                for (var d : List.of(c.acknowledge(), c.firstCommunication(), c.nextUpdate())) {
                    d.filter(x -> x.stateAt(now) == Deadline.State.OVERDUE).ifPresent(x -> {
                        if (alerted.add(i.id() + "|" + x.what() + "|" + x.due())) {
                            fresh.add(i.id() + " " + i.severity() + " " + i.title() + ": " + x.what()
                                    + " overdue since " + TimeFormat.utcTime(x.due()));
                        }
                    });
                }
            }
        }
        // One notice per second at most: many clocks going late at once (a board just opened) say so together.
        if (fresh.size() == 1) {
            onOverdue.accept(fresh.get(0));
        } else if (!fresh.isEmpty()) {
            onOverdue.accept(fresh.size() + " clocks overdue, first: " + fresh.get(0));
        }
    }

    /** The platform states last pulled: badges for halted, offline or unhealthy platforms. */
    public void setPlatforms(Map<String, PlatformStatus> states) {
        platforms = Map.copyOf(states);
    }

    public void onOverdue(Consumer<String> listener) {
        this.onOverdue = listener;
    }

    // Quick actions: each goes through the incident rules and onto the timeline; the change feed patches the card.

    public void acknowledge(Incident i) {
        run(() -> incidents.markMilestone(i.id(), Milestone.ACKNOWLEDGED, null));
    }

    public void changeSeverity(Incident i, String code, String reason) {
        run(() -> incidents.setSeverity(i.id(), code, reason));
    }

    public void changeStatus(Incident i, IncidentStatus status, String reason) {
        run(() -> incidents.setStatus(i.id(), status, reason, null));
    }

    public void assign(Incident i, Role role, String name) {
        run(() -> incidents.assign(i.id(), role, name));
    }

    private void run(java.util.concurrent.Callable<?> change) {
        executor.submit(change, done -> status.clearFailure(), failure -> status.fail(failure));
    }

    // What a card shows

    public CardClocks clocks(Incident i) {
        return CardClocks.of(i, scale.get(), updates.get(i.id()), clock.instant());
    }

    /** Badges in words: {@code HALTED pn}, {@code pn offline}, {@code pn degraded}, {@code resume watch 15:02}, {@code DRILL}, {@code postmortem due Fri 27 Nov}. */
    public List<String> badges(Incident i) {
        return CardBadges.of(i, clocks(i), platforms, watches.get(i.id()), clock.instant());
    }

    /** Resolved: shown dimmed for its last hour on the board. */
    public boolean dimmed(Incident i) {
        return !i.status().isActive();
    }

    private void refreshServices() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        loaded.values().stream().map(Incident::service).filter(s -> s != null && !s.isBlank()).forEach(names::add);
        List<String> next = new ArrayList<>(names);
        if (!services.equals(next)) {
            services.setAll(next);
        }
    }

    private void updateSummary() {
        long active = loaded.values().stream().filter(i -> i.status().isActive()).count();
        int shown = lanes.values().stream().mapToInt(List::size).sum();
        summary.set(active + " active · " + shown + " shown");
    }

    /** All lanes with their cards in order (for tests and the wall). */
    public List<Incident> rows() {
        return lanes.values().stream().flatMap(List::stream).toList();
    }

    /** The cards of one lane (a scale code or {@link Lanes#UNMAPPED}); the same list object for the board's life. */
    public ObservableList<Incident> lane(String key) {
        return lanes.computeIfAbsent(key, k -> FXCollections.observableArrayList());
    }

    public ObservableList<String> laneKeys() {
        return laneKeys;
    }

    /** The lane's level on the scale, or empty for the unmapped lane. */
    public java.util.Optional<SeverityLevel> level(String laneKey) {
        return scale.get().find(laneKey);
    }

    public ObjectProperty<BoardFilter> filterProperty() {
        return filter;
    }

    public ObservableList<String> services() {
        return services;
    }

    public ReadOnlyObjectProperty<SeverityScale> scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workspaceEmptyProperty() {
        return workspaceEmpty.getReadOnlyProperty();
    }

    /** Reading the board (busy while it loads), and what failed there or in a quick action. */
    public TaskStatus status() {
        return status;
    }

    /** Counts the seconds: each shown card redraws its clocks on it (no cell is rebuilt). */
    public javafx.beans.property.ReadOnlyLongProperty ticksProperty() {
        return ticks.getReadOnlyProperty();
    }

    /** {@code 3 active · 4 shown}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Clock clock() {
        return clock;
    }

    /** Statuses a quick status change offers for {@code i}. */
    public static Set<IncidentStatus> nextStatuses(Incident i) {
        Set<IncidentStatus> next = EnumSet.noneOf(IncidentStatus.class);
        next.addAll(i.status().next());
        next.remove(IncidentStatus.MERGED);
        return next;
    }
}
