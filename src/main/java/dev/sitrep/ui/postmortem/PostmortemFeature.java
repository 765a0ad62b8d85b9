package dev.sitrep.ui.postmortem;

import dev.sitrep.core.IncidentId;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.services.Services;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.PageFeature;
import javafx.scene.Node;

/** The Postmortems page: the editor and the follow-ups; what is typed is saved when the page is left and on close. */
public final class PostmortemFeature implements PageFeature {

    private final PostmortemViewModel model;
    private final PostmortemPage page;

    public PostmortemFeature(FeatureContext context) {
        Services services = context.services();
        Navigator navigator = context.navigator();
        model = new PostmortemViewModel(services.postmortems(), services.actionItems(), services.postmortemExports(),
                services.incidents(),
                context.executor(), context.clock());
        FollowUpsViewModel followUps = new FollowUpsViewModel(services.actionItems(), services.incidents(),
                context.executor());
        page = new PostmortemPage(model, followUps, context.zone(), context.ports().picker(), navigator::showOverlay,
                navigator::hideOverlay);
        model.loadIncidents(navigator.openIncidentProperty().get());
        followUps.load();
        context.changes().addListener(model::onChanges);
        context.changes().addListener(followUps::onChanges);
    }

    /** The editor on {@code incident}'s postmortem. */
    public void open(IncidentId incident) {
        page.open(incident);
    }

    @Override
    public void hidden() {
        model.flush(Postmortems.AUTOSAVE);
    }

    @Override
    public void close() {
        model.flush("closed the console");
    }

    public PostmortemViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return page;
    }
}
