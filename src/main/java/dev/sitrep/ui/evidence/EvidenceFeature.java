package dev.sitrep.ui.evidence;

import dev.sitrep.services.Services;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.PageFeature;
import javafx.scene.Node;

/** The Evidence page: it follows the incident being worked on; a capture under way is cancelled on close. */
public final class EvidenceFeature implements PageFeature {

    private final EvidenceViewModel model;
    private final EvidenceView view;

    public EvidenceFeature(FeatureContext context) {
        Services services = context.services();
        Navigator navigator = context.navigator();
        model = new EvidenceViewModel(services.evidence(), services.bundles(), services.incidents(), services.profiles(),
                context.executor(), context.ports().viewer(), services.dataDir().resolve("evidence").resolve("opened"));
        view = new EvidenceView(model, context.ports(), services.evidence()::blob, context.clock(), context.zone(),
                navigator::showOverlay, navigator::hideOverlay);
        model.loadIncidents(navigator.openIncidentProperty().get());
        navigator.openIncidentProperty().addListener((obs, was, id) -> {
            if (id != null) {
                model.show(id);
            }
        });
        context.changes().addListener(model::onChanges);
    }

    /** Incidents declared since the page was last shown are offered too. */
    @Override
    public void shown() {
        model.loadIncidents(null);
    }

    /** A capture under way stores nothing rather than hold up the close. */
    @Override
    public void close() {
        model.cancel();
    }

    public EvidenceViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return view;
    }
}
