package dev.sitrep.ui.board;

import dev.sitrep.services.Services;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Notifier;
import dev.sitrep.ui.common.PageFeature;
import javafx.scene.Node;

/** The Board page (the start page): live cards per severity lane, their clocks counting every second. */
public final class BoardFeature implements PageFeature {

    private final BoardViewModel model;
    private final BoardView view;

    public BoardFeature(FeatureContext context) {
        Services services = context.services();
        model = new BoardViewModel(services.incidents(), context.executor(), context.clock(),
                ids -> services.statusUpdates().lastSent(ids));
        view = new BoardView(model, context.navigator());
        model.onOverdue(new Notifier(view)::overdue);
        context.changes().addListener(model::onChanges);
        context.ticker().add(view::tick);
        model.setPlatforms(context.platforms().snapshotProperty().get().states());
        context.platforms().snapshotProperty().addListener((obs, was, now) -> model.setPlatforms(now.states()));
        model.refresh();
    }

    public BoardViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return view;
    }

    /** The page came up: the keyboard goes to the cards once the page is in the window. */
    @Override
    public void shown() {
        javafx.application.Platform.runLater(view::focusCards);
    }
}
