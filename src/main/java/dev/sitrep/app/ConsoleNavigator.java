package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.services.Services;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.Page;
import dev.sitrep.ui.comms.PostUpdateFeature;
import dev.sitrep.ui.declare.DeclareFeature;
import dev.sitrep.ui.incident.IncidentFeature;
import dev.sitrep.ui.killswitch.HaltFeature;
import dev.sitrep.ui.postmortem.PostmortemFeature;
import dev.sitrep.ui.shell.ShellView;
import dev.sitrep.ui.shell.ShellViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;

import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The console's moves between pages and sheets, over the window (shell) and the desktop's features. */
final class ConsoleNavigator implements Navigator {

    private final Desktop desktop;
    private final ShellViewModel shellModel;
    private final ShellView shell;
    private final Services services;
    private final FxExecutor executor;
    private final ZoneId zone;
    private final Runnable startDrill;
    private WallWindow wall;

    ConsoleNavigator(Desktop desktop, ShellViewModel shellModel, ShellView shell, Services services, FxExecutor executor,
                     ZoneId zone, Runnable startDrill) {
        this.desktop = desktop;
        this.shellModel = shellModel;
        this.shell = shell;
        this.services = services;
        this.executor = executor;
        this.zone = zone;
        this.startDrill = startDrill;
    }

    @Override
    public void openIncident(IncidentId id) {
        shellModel.openIncident(id);
    }

    @Override
    public void openChecklists(IncidentId id) {
        shellModel.openIncident(id);
        desktop.feature(IncidentFeature.class).showChecklists(id);
    }

    @Override
    public void show(Page page) {
        shellModel.show(page);
    }

    @Override
    public void back() {
        shellModel.back();
    }

    /** Once declared: the sheet closes, the board lists it at once, the incident opens, then {@code declared} (once). */
    @Override
    public void declare(Prefill prefill, Consumer<IncidentId> declared) {
        BoardFeature board = desktop.feature(BoardFeature.class);
        AtomicReference<Consumer<IncidentId>> once = new AtomicReference<>(declared);
        desktop.feature(DeclareFeature.class).open(board.model().scaleProperty().get(), prefill, incident -> {
            shell.hideOverlay();
            board.model().refresh();
            shellModel.openIncident(incident.id());
            once.getAndSet(id -> { }).accept(incident.id());
        });
    }

    @Override
    public void armKillSwitch(IncidentId incident, List<String> platforms) {
        desktop.feature(HaltFeature.class).arm(incident, platforms);
    }

    @Override
    public void killSwitch() {
        Incident open = shellModel.pageProperty().get() == Page.INCIDENT ? openIncidentRecord() : null;
        armKillSwitch(open == null ? null : open.id(), open == null ? List.of() : open.platforms());
    }

    @Override
    public void proposeKillSwitch(IncidentId incident) {
        Incident open = openIncidentRecord();
        boolean same = open != null && open.id().equals(incident);
        armKillSwitch(incident, same ? open.platforms() : List.of());
    }

    @Override
    public void writePostmortem(IncidentId id) {
        shellModel.show(Page.POSTMORTEMS);
        desktop.feature(PostmortemFeature.class).open(id);
    }

    @Override
    public void postUpdate(IncidentId id) {
        desktop.feature(PostUpdateFeature.class).open(id);
    }

    @Override
    public void showOverlay(Node sheet) {
        shell.showOverlay(sheet);
    }

    @Override
    public void hideOverlay() {
        shell.hideOverlay();
    }

    @Override
    public void focusNote() {
        if (shellModel.pageProperty().get() == Page.INCIDENT) {
            desktop.built(IncidentFeature.class).ifPresent(IncidentFeature::focusNote);
        }
    }

    @Override
    public void openWall() {
        if (wall != null && wall.stage().isShowing()) {
            wall.stage().toFront();
            return;
        }
        wall = new WallWindow(services.wall(zone), executor, services.settings(), services.operator(), shellModel.drill());
        wall.show(true);
    }

    /** At start: the wall was up when the console last ran, so put it back where it was. */
    void reopenWall() {
        executor.submit(() -> services.settings().wallOpen(), open -> {
            if (open) {
                openWall();
            }
        }, failure -> shellModel.status().fail(failure));
    }

    /** The console is closing: the wall goes too, remembered as open. */
    void closeWall() {
        if (wall != null) {
            wall.closeKeepingItOpen();
        }
    }

    @Override
    public void startDrill() {
        startDrill.run();
    }

    @Override
    public ReadOnlyObjectProperty<Page> pageProperty() {
        return shellModel.pageProperty();
    }

    @Override
    public ReadOnlyObjectProperty<IncidentId> openIncidentProperty() {
        return shellModel.openIncidentProperty();
    }

    @Override
    public Incident openIncidentRecord() {
        return desktop.built(IncidentFeature.class).map(f -> f.model().incidentProperty().get()).orElse(null);
    }
}
