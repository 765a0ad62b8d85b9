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
    private final Navigator navigator;
    private boolean shownBefore;

    public EvidenceFeature(FeatureContext context) {
        Services services = context.services();
        navigator = context.navigator();
        model = new EvidenceViewModel(services.evidence(), services.evidenceCaptures(), services.bundles(), services.incidents(), services.profiles(),
                context.executor(), context.ports().viewer(), services.dataDir().resolve("evidence").resolve("opened"));
        view = new EvidenceView(model, context.ports(), services.evidence()::blob, context.clock(), context.zone(),
                navigator::showOverlay, navigator::hideOverlay);
        navigator.openIncidentProperty().addListener((obs, was, id) -> {
            if (id != null) {
                model.show(id);
            }
        });
        context.changes().addListener(model::onChanges);
    }

    /**
     * The incidents to choose from, read each time the page comes up (those declared since are offered too): the
     * first time preferring the incident open in the window, then keeping the one chosen. The first show reads once:
     * two reads in flight could land out of order and reset the choice under a capture.
     */
    @Override
    public void shown() {
        model.loadIncidents(shownBefore ? null : navigator.openIncidentProperty().get());
        shownBefore = true;
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
