package dev.sitrep.ui.declare;

import dev.sitrep.core.Incident;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.services.Services;
import dev.sitrep.ui.common.Feature;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Navigator;
import javafx.application.Platform;

import java.util.function.Consumer;

/** The declare sheet (Ctrl+N from any page): opened over the window, it tells its opener what was declared. */
public final class DeclareFeature implements Feature {

    private final Services services;
    private final Navigator navigator;
    private final DeclareViewModel model;
    private final DeclareView view;
    private Consumer<Incident> declared = incident -> { };

    public DeclareFeature(FeatureContext context) {
        services = context.services();
        navigator = context.navigator();
        model = new DeclareViewModel(services.incidents(), context.executor(), incident -> declared.accept(incident));
        view = new DeclareView(model, navigator::hideOverlay, id -> {
            navigator.hideOverlay();
            navigator.openIncident(id);
        });
    }

    /**
     * Clears the sheet for a declaration on {@code scale}, fills in {@code prefill} (null: nothing) and shows it;
     * {@code then} hears of the incident declared from it.
     */
    public void open(SeverityScale scale, Navigator.Prefill prefill, Consumer<Incident> then) {
        declared = then;
        model.reset(scale, services.operator());
        navigator.showOverlay(view);
        Platform.runLater(view::focusTitle);
        if (prefill != null) {
            model.prefill(prefill.title(), prefill.severity());
        }
    }

    public DeclareViewModel model() {
        return model;
    }
}
