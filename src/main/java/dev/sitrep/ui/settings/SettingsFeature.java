package dev.sitrep.ui.settings;

import dev.sitrep.services.Services;
import dev.sitrep.ui.common.Chrome;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.PageFeature;
import javafx.scene.Node;

/** The Settings page: operator, theme, scale, hold time, limits; the platforms; the update templates. */
public final class SettingsFeature implements PageFeature {

    private final SettingsView view;

    public SettingsFeature(FeatureContext context) {
        Services services = context.services();
        Chrome chrome = context.chrome();
        SettingsViewModel settings = new SettingsViewModel(services.settings(), services.incidents(), services::runbooks,
                context.executor(),
                services::operator, name -> {
                    services.operatorChanged(name);
                    chrome.showOperator(services.operator());
                }, services.operatorOverride());
        PlatformsViewModel platforms = new PlatformsViewModel(services.profiles(), services.platformStates(),
                services::connect, services.secrets(), context.executor(), context.clock());
        TemplatesViewModel templates = new TemplatesViewModel(services.templates(), services.warRoom(), context.executor());
        settings.themeProperty().addListener((obs, was, now) -> chrome.applyTheme(now));
        context.changes().addListener(platforms::onChanges);
        view = new SettingsView(settings, platforms, templates);
        settings.load();
        templates.load();
        platforms.load();
    }

    @Override
    public Node node() {
        return view;
    }
}
