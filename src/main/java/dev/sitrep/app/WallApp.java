package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.workspace.ProcessEnvironment;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code sitrep wall}: the wall alone, for the war room's screen, on a data directory shared with
 * the consoles and the CLI (it takes no console lock and writes nothing but where it is shown).
 */
public final class WallApp extends Application {

    private final FxExecutor executor = new FxExecutor();
    private Services workspace;

    /** Opens the wall on the data directory given (or the default one) and returns when it is closed. */
    public static void launch(String dataDirOption, boolean windowed) {
        List<String> args = new ArrayList<>();
        if (dataDirOption != null) {
            args.add("--data-dir=" + dataDirOption);
        }
        args.add("--windowed=" + windowed);
        DesktopLauncher.launch(WallApp.class, args);
    }

    @Override
    public void start(Stage ignored) {
        Map<String, String> named = getParameters().getNamed();
        ProcessEnvironment env = ProcessEnvironment.ofProcess();
        Path dataDir = env.dataDir(named.get("data-dir"));
        boolean windowed = Boolean.parseBoolean(named.getOrDefault("windowed", "false"));
        Clock clock = Clock.systemUTC();
        executor.submit(() -> {
            Services w = Services.open(dataDir, clock, env, null, "the wall", line -> { });
            return new Opened(w, w.settings().isDrill());
        }, opened -> {
            workspace = opened.workspace();
            WallWindow wall = new WallWindow(workspace.wall(ZoneId.systemDefault()), executor, workspace.settings(),
                    workspace.operator(), opened.drill());
            wall.stage().setOnHiding(e -> Platform.exit());
            wall.show(!windowed);
        }, failure -> {
            System.err.println("sitrep: the wall could not open " + dataDir + ": " + failure.getMessage());
            Platform.exit();
        });
    }

    private record Opened(Services workspace, boolean drill) {
    }

    @Override
    public void stop() {
        executor.close();
        if (workspace != null) {
            workspace.close();
        }
    }
}
