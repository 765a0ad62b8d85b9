package dev.sitrep.app;

import dev.sitrep.ui.board.BoardViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * For the start-up benchmark only (system property {@code sitrep.startupMarkers=true}): prints
 * {@code STARTUP first-frame} after the first frame is laid out and {@code STARTUP board-ready}
 * when the board has its incidents, then quits. Does nothing otherwise.
 */
final class StartupMarkers {

    private final boolean enabled;

    StartupMarkers(boolean enabled) {
        this.enabled = enabled;
    }

    void firstFrame(Scene scene) {
        if (!enabled) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            System.out.println("STARTUP first-frame");
            System.out.flush();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    void boardReady(BoardViewModel board) {
        if (!enabled) {
            return;
        }
        board.loadingProperty().addListener((obs, was, loading) -> {
            if (!loading) {
                System.out.println("STARTUP board-ready " + board.rows().size());
                System.out.flush();
                Platform.exit();
            }
        });
    }
}
