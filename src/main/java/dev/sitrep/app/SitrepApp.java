package dev.sitrep.app;

import dev.sitrep.services.Services;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.common.Icons;
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
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
    private Services workspace;
    private SingleInstance instance;
    private Stage drillStage;
    private DrillWorkspace drill;
    private Desktop drillDesktop;
    private Desktop desktop;
    private ShellViewModel mainShell;

    private CompletableFuture<Void> iconFont;

    /** Runs before start(): the icon font loads on another core while start() builds the window. */
    @Override
    public void init() {
        iconFont = CompletableFuture.runAsync(Icons::warmUp);
    }

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
        ShellViewModel shellModel = new ShellViewModel(clock, zone, dataDir.toString(),
                env.actor(actorOption, Optional::empty));
        iconFont.join();
        mainShell = shellModel;
        ShellView shell = new ShellView(shellModel);
        Scene scene = new Scene(shell, 1280, 800);
        scene.getStylesheets().add(SitrepApp.class.getResource("/dev/sitrep/ui/common/app.css").toExternalForm());
        stage.setTitle("Sitrep · " + dataDir);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        StartupMarkers markers = new StartupMarkers(Boolean.getBoolean(STARTUP_MARKERS));
        afterFirstFrame(scene, () -> {
            markers.firstFrame();
            addIcons(stage);
            openWorkspace(dataDir, env, actorOption, shellModel, shell, markers);
        });
        stage.show();
    }

    /** Runs {@code action} once, right after the window's first frame is laid out. */
    private static void afterFirstFrame(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Opening touches the disk (H2, migrations): in the background, after the window is up. */
    private void openWorkspace(Path dataDir, ProcessEnvironment env, String actorOption, ShellViewModel shellModel,
                               ShellView shell, StartupMarkers markers) {
        executor = new FxExecutor();
        executor.submit(() -> Services.open(dataDir, clock, env, actorOption, "the console",
                line -> Platform.runLater(() -> shellModel.setOpening(line))), opened -> {
            workspace = opened;
            desktop = new Desktop(opened, executor, clock, zone, shellModel, shell, this::applyTheme,
                    () -> startDrill(dataDir, env, actorOption));
            markers.boardReady(desktop.feature(BoardFeature.class).model());
            executor.submit(opened.settings()::theme, this::applyTheme, failure -> shellModel.status().fail(failure));
        }, failure -> shell.showProblem(Messages.of(failure)));
    }

    /**
     * Opens the drill workspace in a window of its own (or brings it forward): labelled DRILL,
     * connected only to the sandbox running inside Sitrep.
     */
    private void startDrill(Path dataDir, ProcessEnvironment env, String actorOption) {
        if (drillStage != null) {
            drillStage.toFront();
            return;
        }
        Stage stage = new Stage();
        drillStage = stage;
        ShellViewModel model = new ShellViewModel(clock, zone, DrillWorkspace.dataDir(dataDir).toString(),
                env.actor(actorOption, Optional::empty), true);
        ShellView shell = new ShellView(model);
        Scene scene = new Scene(shell, 1280, 800);
        scene.getStylesheets().add(SitrepApp.class.getResource("/dev/sitrep/ui/common/app.css").toExternalForm());
        stage.setTitle("Sitrep · DRILL · " + DrillWorkspace.dataDir(dataDir));
        stage.setScene(scene);
        addIcons(stage);
        stage.show();
        executor.submit(() -> DrillWorkspace.open(dataDir, clock, env, actorOption), opened -> {
            drill = opened;
            drillDesktop = new Desktop(opened.workspace(), executor, clock, zone, model, shell, this::applyTheme, () -> { });
        }, failure -> shell.showProblem(Messages.of(failure)));
        stage.setOnHidden(e -> {
            drillStage = null;
            if (drillDesktop != null) {
                drillDesktop.close();
                drillDesktop = null;
            }
            DrillWorkspace closing = drill;
            drill = null;
            if (closing != null) {
                executor.submit(() -> {
                    closing.close();
                    return null;
                }, done -> { }, failure -> mainShell.status().fail(failure));
            }
        });
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

    /** Window icons load in the background. */
    private static void addIcons(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            URL icon = SitrepApp.class.getResource("/dev/sitrep/icons/sitrep-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new Image(icon.toExternalForm(), true));
            }
        }
    }

    @Override
    public void stop() {
        // The desktops first: they hand in their last saves (a postmortem being typed), which the executor finishes.
        if (drillDesktop != null) {
            drillDesktop.close();
        }
        if (desktop != null) {
            desktop.close();
        }
        if (executor != null) {
            executor.close();
        }
        if (drill != null) {
            drill.close();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (instance != null) {
            instance.close();
        }
    }
}
