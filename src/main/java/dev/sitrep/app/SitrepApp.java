package dev.sitrep.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.common.Messages;
import dev.sitrep.ui.shell.ShellView;
import dev.sitrep.ui.shell.ShellViewModel;
import dev.sitrep.workspace.ProcessEnvironment;
import dev.sitrep.workspace.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The desktop console. The window shows at once; the workspace opens in the background and the
 * pages appear when it is ready (or the page area says why it could not open).
 */
public final class SitrepApp extends Application {

    private static final Logger LOG = Logger.getLogger(SitrepApp.class.getName());
    /** System property: print STARTUP markers on stdout (first frame, board ready) for the start-up benchmark. */
    static final String STARTUP_MARKERS = "sitrep.startupMarkers";

    private final Clock clock = Clock.systemUTC();
    private final ZoneId zone = ZoneId.systemDefault();
    private FxExecutor executor;
    private Workspace workspace;
    private SingleInstance instance;

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        ProcessEnvironment env = ProcessEnvironment.ofProcess();
        Path dataDir = env.dataDir(named.get("data-dir"));
        String actorOption = named.get("actor");
        if (!claimDataDirectory(dataDir, stage)) {
            return;
        }
        applyTheme(Theme.DARK);
        executor = new FxExecutor();
        ShellViewModel shellModel = new ShellViewModel(clock, zone, dataDir.toString(),
                env.actor(actorOption, Optional::empty));
        ShellView shell = new ShellView(shellModel);
        Scene scene = new Scene(shell, 1280, 800);
        scene.getStylesheets().add(SitrepApp.class.getResource("/dev/sitrep/ui/common/app.css").toExternalForm());
        stage.setTitle("Sitrep · " + dataDir);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        addIcons(stage);
        stage.setScene(scene);
        StartupMarkers markers = new StartupMarkers(Boolean.getBoolean(STARTUP_MARKERS));
        markers.firstFrame(scene);
        stage.show();

        executor.submit(() -> Workspace.open(dataDir, clock, env, actorOption), opened -> {
            workspace = opened;
            Desktop desktop = new Desktop(opened, executor, clock, zone, shellModel, shell, this::applyTheme);
            markers.boardReady(desktop.board());
            executor.submit(opened.settings()::theme, this::applyTheme, failure -> { });
        }, failure -> shell.showProblem(Messages.of(failure)));
    }

    private boolean claimDataDirectory(Path dataDir, Stage stage) {
        try {
            Optional<SingleInstance> claimed = SingleInstance.claim(dataDir, () -> Platform.runLater(() -> {
                stage.setIconified(false);
                stage.toFront();
                stage.requestFocus();
            }));
            if (claimed.isPresent()) {
                instance = claimed.get();
                return true;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "no single-instance guard for " + dataDir, e);
            return true; // the workspace open reports what is wrong with the directory
        }
        SingleInstance.Handoff handoff = SingleInstance.focusOther(dataDir);
        System.err.println(handoff == SingleInstance.Handoff.FOCUSED_OTHER
                ? "sitrep: the console is already open on " + dataDir + "; brought it to the front."
                : "sitrep: another console holds " + dataDir + " but did not answer; close it, or use --data-dir for "
                + "another workspace.");
        Platform.exit();
        return false;
    }

    private void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme == Theme.LIGHT ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
    }

    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            try (InputStream in = SitrepApp.class.getResourceAsStream("/dev/sitrep/icons/sitrep-" + size + ".png")) {
                if (in != null) {
                    stage.getIcons().add(new Image(in));
                }
            } catch (IOException e) {
                LOG.fine(() -> "icon " + size + " unreadable");
            }
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (instance != null) {
            instance.close();
        }
    }
}
