package dev.sitrep.ui.killswitch;

import dev.sitrep.core.IncidentId;
import dev.sitrep.services.Services;
import dev.sitrep.ui.common.Feature;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Navigator;
import javafx.application.Platform;

import java.util.List;

/** The halt dialog (Ctrl+Shift+K from any page): choose platforms, say why, hold to halt; the platforms are read again after. */
public final class HaltFeature implements Feature {

    private final Navigator navigator;
    private final KillSwitchViewModel model;
    private final KillSwitchDialog dialog;

    public HaltFeature(FeatureContext context) {
        Services services = context.services();
        navigator = context.navigator();
        model = new KillSwitchViewModel(services.profiles(), services.killSwitch(), context.executor(), System::nanoTime,
                services.settings()::holdDuration);
        model.onHalted(context.platforms()::reload);
        dialog = new KillSwitchDialog(model, navigator::hideOverlay);
    }

    /** Arms the dialog for {@code incident} (or none) with {@code platforms} chosen, over the window. */
    public void arm(IncidentId incident, List<String> platforms) {
        model.arm(incident, platforms);
        navigator.showOverlay(dialog);
        Platform.runLater(dialog::focusReason);
    }

    public KillSwitchViewModel model() {
        return model;
    }
}
