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

    /** Resident memory after a collection (Linux), so the figure is what the board keeps, not start-up garbage. */
    private static long residentKb() {
        System.gc();
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    void boardReady(BoardViewModel board) {
        if (!enabled) {
            return;
        }
        board.status().busyProperty().addListener((obs, was, loading) -> {
            if (!loading) {
                System.out.println("STARTUP board-ready " + board.rows().size());
                System.out.println("STARTUP rss-kb " + residentKb());
                System.out.flush();
                Platform.exit();
            }
        });
    }
}
