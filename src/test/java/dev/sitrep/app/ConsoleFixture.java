package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.testing.Snapshots;
import dev.sitrep.ui.common.Feature;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.shell.ShellView;
import dev.sitrep.ui.shell.ShellViewModel;
import dev.sitrep.workspace.ProcessEnvironment;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The whole console on a real workspace in a temporary directory, shown in a TestFX stage at
 * 1280x800 with the dark theme and the app's stylesheet: what the console UI tests and the
 * in-process benchmarks share. Call from a {@code @Start} method; close in {@code @AfterEach}.
 */
final class ConsoleFixture implements AutoCloseable {

    final FxExecutor executor;
    final Services workspace;
    final ShellViewModel shellModel;
    final Desktop desktop;
    final Scene scene;

    /**
     * @param env      the process environment's variables (platform secrets)
     * @param prepare  runs on the open workspace before the desktop is built (add profiles, data)
     * @param drill    what "Load demo workspace" and the Drill button do
     */
    ConsoleFixture(Stage stage, Path dir, Map<String, String> env, ZoneId zone, Consumer<Services> prepare, Runnable drill) {
        this(stage, dir, env, zone, prepare, drill, dev.sitrep.ui.common.OsPorts.system());
    }

    /** @param ports fakes for the drop, choosers, screens and clipboards the pages use */
    ConsoleFixture(Stage stage, Path dir, Map<String, String> env, ZoneId zone, Consumer<Services> prepare, Runnable drill,
                   dev.sitrep.ui.common.OsPorts ports) {
        this(stage, dir, env, zone, prepare, drill, ports, false);
    }

    /** @param drillWindow the window of a drill workspace (its DRILL banner across the top), as the Drill button opens */
    ConsoleFixture(Stage stage, Path dir, Map<String, String> env, ZoneId zone, Consumer<Services> prepare, Runnable drill,
                   dev.sitrep.ui.common.OsPorts ports, boolean drillWindow) {
        Clock clock = Clock.systemUTC();
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        executor = new FxExecutor();
        workspace = Services.open(dir, clock, new ProcessEnvironment(env, "Linux", "tester", "/home/tester", clock, zone,
                false), "maria");
        prepare.accept(workspace);
        shellModel = new ShellViewModel(clock, zone, dir.toString(), workspace.operator(), drillWindow);
        ShellView shell = new ShellView(shellModel);
        desktop = new Desktop(workspace, executor, clock, zone, shellModel, shell, theme -> { }, drill, ports);
        scene = new Scene(shell, 1280, 800);
        scene.getStylesheets().add(SitrepApp.class.getResource("/dev/sitrep/ui/common/app.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene(); // a test before may have resized the shared stage (the clipping tests do)
        stage.show();
    }

    ConsoleFixture(Stage stage, Path dir, Map<String, String> env, Consumer<Services> prepare) {
        this(stage, dir, env, ZoneId.of("Europe/Berlin"), prepare, () -> { });
    }

    /** The desktop's page or sheet of that type, asked for on the FX thread (built there if it was not yet). */
    <F extends Feature> F feature(Class<F> type) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            return desktop.feature(type);
        }
        try {
            return WaitForAsyncUtils.asyncFx(() -> desktop.feature(type)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(type.getSimpleName() + " could not be reached", e);
        }
    }

    /** A long session's garbage collections, between steps: what only a weak listener held is gone after this. */
    static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    /** A PNG of the window in target/screenshots, for a person to look at. */
    void snapshot(String name) {
        WaitForAsyncUtils.asyncFx(() -> Snapshots.write(scene, name));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean closed;

    /** Closes the window's workspace (again is a no-op, so a test may close early to reopen the store). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (javafx.application.Platform.isFxApplicationThread()) {
            desktop.close();
        } else {
            try {
                WaitForAsyncUtils.asyncFx(desktop::close).get(10, TimeUnit.SECONDS); // as the app does, on the FX thread
            } catch (Exception e) {
                throw new IllegalStateException("the console did not close", e);
            }
        }
        executor.close();
        workspace.close();
    }
}
