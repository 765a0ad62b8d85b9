package dev.sitrep.ui.incident;

import dev.sitrep.core.IncidentId;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.PageFeature;
import javafx.scene.Node;

/** An incident's own page: header, timeline, note, checklists; it follows the incident open in the window. */
public final class IncidentFeature implements PageFeature {

    private final IncidentViewModel model;
    private final ChecklistViewModel checklists;
    private final IncidentView view;

    public IncidentFeature(FeatureContext context) {
        Navigator navigator = context.navigator();
        model = new IncidentViewModel(context.services().incidents(), context.executor(), context.clock(), context.zone());
        checklists = new ChecklistViewModel(context.services().checklists(), context.executor());
        view = new IncidentView(model, checklists, navigator::back, navigator::writePostmortem);
        load(navigator.openIncidentProperty().get());
        navigator.openIncidentProperty().addListener((obs, was, id) -> load(id));
        context.changes().addListener(model::onChanges);
        context.changes().addListener(checklists::onChanges);
        context.ticker().add(model::tick); // the resume watch counts in minutes
    }

    private void load(IncidentId id) {
        model.load(id);
        checklists.load(id);
    }

    /** The checklists tab, read again for {@code id} (a triage just opened some). */
    public void showChecklists(IncidentId id) {
        checklists.load(id);
        view.showChecklists();
    }

    public void focusNote() {
        view.focusNote();
    }

    public IncidentViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return view;
    }
}
