package dev.sitrep.ui.comms;

import dev.sitrep.core.IncidentId;
import dev.sitrep.services.Services;
import dev.sitrep.ui.common.Feature;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Navigator;

/** The post-update sheet (the board's U and quick action): a template filled in for an incident, copied, marked sent. */
public final class PostUpdateFeature implements Feature {

    private final Navigator navigator;
    private final PostUpdateViewModel model;
    private final PostUpdateView view;

    public PostUpdateFeature(FeatureContext context) {
        Services services = context.services();
        navigator = context.navigator();
        model = new PostUpdateViewModel(services.incidents(), services.templates(), services.warRoom(),
                services.statusUpdates(), context.executor(), context.clock(), context.ports().copy());
        view = new PostUpdateView(model, navigator::hideOverlay);
    }

    public void open(IncidentId id) {
        model.open(id);
        navigator.showOverlay(view);
    }
}
