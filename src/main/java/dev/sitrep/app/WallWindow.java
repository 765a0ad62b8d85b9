package dev.sitrep.app;

import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.wall.WallView;
import dev.sitrep.wall.WallPages;
import dev.sitrep.workspace.WorkspaceSettings;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The wall as a window: full screen on the screen it was last on (else a second monitor when
 * there is one), read-only, refreshed every second (from the store, or from a hub), rotating pages
 * every 15 seconds when the incidents do not fit. Where it is and whether it is open are remembered
 * where there is a workspace to remember them in.
 */
final class WallWindow {

    private static final Logger LOG = Logger.getLogger(WallWindow.class.getName());
    static final int ROTATE_SECONDS = 15;

    private final WallPages model;
    private final WallView view = new WallView();
    private final Stage stage = new Stage();
    private final WallPlacement placement;
    private final FxExecutor executor;
    private boolean keepOpen;
    private final ScheduledFuture<?> reading;
    private final Timeline ticking;
    private int page = 1;
    private int seconds;

    /** A workspace's wall, its place remembered in the workspace's settings. */
    WallWindow(WallPages model, FxExecutor executor, WorkspaceSettings settings, String actor, boolean drill) {
        this(model, executor, WallPlacement.in(settings, actor), "Sitrep wall" + (drill ? " · DRILL" : ""));
    }

    WallWindow(WallPages model, FxExecutor executor, WallPlacement placement, String title) {
        this.model = model;
        this.placement = placement;
        this.executor = executor;
        Scene scene = new Scene(view, 1920, 1080);
        stage.setScene(scene);
        stage.setTitle(title);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        reading = executor.every(1000, model::refresh);
        ticking = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticking.setCycleCount(Timeline.INDEFINITE);
        stage.setOnHidden(e -> closed());
        // Nothing on the wall takes input; Esc is the one key it heeds, to take it down.
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
            }
        });
    }

    /** Shows the wall on its screen, full screen, and remembers it as open; the first reading is taken off the FX thread. */
    void show(boolean fullScreen) {
        int index = place();
        tick();
        executor.submit(() -> {
            model.refresh();
            return null;
        }, read -> view.showFitting(perPage -> model.snapshot(page, perPage)),
                failure -> LOG.log(Level.WARNING, "the wall's first reading failed", failure));
        ticking.play();
        stage.show();
        stage.setFullScreen(fullScreen);
        remember(true, index);
    }

    private int place() {
        List<Screen> screens = Screen.getScreens();
        int index = placement.screen().filter(i -> i < screens.size()).orElse(screens.size() > 1 ? 1 : 0);
        Rectangle2D bounds = screens.get(index).getBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
        return index;
    }

    private void tick() {
        if (++seconds % ROTATE_SECONDS == 0) {
            page++;
        }
        view.showFitting(perPage -> model.snapshot(page, perPage));
    }

    /** The console is quitting: close the wall but leave it marked open, so the next start brings it back. */
    void closeKeepingItOpen() {
        keepOpen = true;
        reading.cancel(false);
        if (javafx.application.Platform.isFxApplicationThread()) {
            stage.close();
        } else {
            javafx.application.Platform.runLater(stage::close);
        }
    }

    private void closed() {
        reading.cancel(false);
        ticking.stop();
        int index = Math.max(0, Screen.getScreens().indexOf(Screen.getScreensForRectangle(stage.getX(), stage.getY(), 1, 1)
                .stream().findFirst().orElse(Screen.getPrimary())));
        if (!keepOpen) {
            remember(false, index);
        }
    }

    private void remember(boolean open, int screen) {
        executor.submit(() -> {
            placement.remember(open, screen);
            return null;
        }, done -> { }, failure -> LOG.log(Level.WARNING, "could not remember the wall's place", failure));
    }

    WallView view() {
        return view;
    }

    Stage stage() {
        return stage;
    }
}
