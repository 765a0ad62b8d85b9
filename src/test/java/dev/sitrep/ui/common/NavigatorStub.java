package dev.sitrep.ui.common;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;

import java.util.List;
import java.util.function.Consumer;

/** A navigator that goes nowhere, for view-model tests: override the moves a test watches. */
public class NavigatorStub implements Navigator {

    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.BOARD);
    private final ReadOnlyObjectWrapper<IncidentId> openIncident = new ReadOnlyObjectWrapper<>();

    @Override
    public void openIncident(IncidentId id) {
    }

    @Override
    public void openChecklists(IncidentId id) {
    }

    @Override
    public void show(Page target) {
    }

    @Override
    public void back() {
    }

    @Override
    public void declare(Prefill prefill, Consumer<IncidentId> declared) {
    }

    @Override
    public void armKillSwitch(IncidentId incident, List<String> platforms) {
    }

    @Override
    public void killSwitch() {
    }

    @Override
    public void proposeKillSwitch(IncidentId incident) {
    }

    @Override
    public void writePostmortem(IncidentId id) {
    }

    @Override
    public void postUpdate(IncidentId id) {
    }

    @Override
    public void showOverlay(Node sheet) {
    }

    @Override
    public void hideOverlay() {
    }

    @Override
    public void focusNote() {
    }

    @Override
    public void openWall() {
    }

    @Override
    public void startDrill() {
    }

    @Override
    public ReadOnlyObjectProperty<Page> pageProperty() {
        return page.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<IncidentId> openIncidentProperty() {
        return openIncident.getReadOnlyProperty();
    }

    @Override
    public Incident openIncidentRecord() {
        return null;
    }
}
