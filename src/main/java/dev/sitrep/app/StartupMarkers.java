package dev.sitrep.app;

import dev.sitrep.ui.board.BoardViewModel;
import javafx.application.Platform;

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

    /** Called once the first frame is laid out. */
    void firstFrame() {
        if (enabled) {
            System.out.println("STARTUP first-frame");
            System.out.flush();
        }
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
