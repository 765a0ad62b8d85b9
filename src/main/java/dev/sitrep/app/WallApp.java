package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.wall.WallPages;
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
 * the consoles and the CLI (it takes no console lock and writes nothing but where it is shown);
 * or, with {@code --hub}, the wall a hub serves, read over HTTP by the CLI's {@link WallPages}
 * (no workspace: where it was shown is not remembered).
 */
public final class WallApp extends Application {

    /** The wall read elsewhere, handed over by {@link #launch(WallPages, String, boolean)}; JavaFX builds the app itself. */
    private static volatile Remote remote;

    private record Remote(WallPages pages, String title) {
    }

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

    /** Opens the wall {@code pages} reads (a hub's), titled {@code title}, and returns when it is closed. */
    public static void launch(WallPages pages, String title, boolean windowed) {
        remote = new Remote(pages, title);
        DesktopLauncher.launch(WallApp.class, List.of("--windowed=" + windowed, "--remote=true"));
    }

    @Override
    public void start(Stage ignored) {
        Map<String, String> named = getParameters().getNamed();
        if (Boolean.parseBoolean(named.getOrDefault("remote", "false"))) {
            Remote r = remote;
            WallWindow wall = new WallWindow(r.pages(), executor, WallPlacement.nowhere(), r.title());
            wall.stage().setOnHiding(e -> Platform.exit());
            wall.show(!Boolean.parseBoolean(named.getOrDefault("windowed", "false")));
            return;
        }
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
