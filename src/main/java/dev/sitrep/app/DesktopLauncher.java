package dev.sitrep.app;

import javafx.application.Application;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** Starts the desktop console with the global options the launcher parsed; starts every JavaFX application of Sitrep. */
public final class DesktopLauncher {

    /**
     * JavaFX's own logger, which warns "Unsupported JavaFX configuration: classes were loaded from
     * 'unnamed module'" at every start from the class path. That is how Sitrep runs from its jar
     * ({@code java -jar sitrep.jar}: a jar's manifest cannot put JavaFX on the module path), and it
     * works there; the packaged app has JavaFX as modules and never sees it. Only that one line is
     * dropped: every other message of this logger and its children ({@code javafx.css}, ...) passes.
     * Held here, as the logging framework keeps loggers only weakly.
     */
    private static final Logger JAVAFX = Logger.getLogger("javafx");
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private DesktopLauncher() {
    }

    public static void launch(String dataDirOption, String actorOption) {
        List<String> args = new ArrayList<>();
        if (dataDirOption != null) {
            args.add("--data-dir=" + dataDirOption);
        }
        if (actorOption != null) {
            args.add("--actor=" + actorOption);
        }
        launch(SitrepApp.class, args);
    }

    /** Launches {@code app} (returning when it exits) without JavaFX's class-path warning. */
    static void launch(Class<? extends Application> app, List<String> args) {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
        Application.launch(app, args.toArray(String[]::new));
    }
}
