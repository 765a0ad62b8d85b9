package dev.sitrep.app;

import javafx.application.Application;

import java.util.ArrayList;
import java.util.List;

/** Starts the desktop console with the global options the launcher parsed. */
public final class DesktopLauncher {

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
        Application.launch(SitrepApp.class, args.toArray(String[]::new));
    }
}
