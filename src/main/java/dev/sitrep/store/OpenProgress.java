package dev.sitrep.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What opening the database is doing, said once (one line) when it takes longer than a second:
 * waiting for another Sitrep process, waiting for whatever holds H2's lock, or recovering after an
 * unclean stop (a process killed with the database open: H2 takes its lock file over, which takes
 * two seconds, then replays the file's last changes).
 */
final class OpenProgress {

    static final long SILENT_MILLIS = 1000;
    private static final long RECHECK_MILLIS = 250;
    private static final int ANSWER_MILLIS = 500;

    private final Path dataDir;
    private final Consumer<String> notice;
    private volatile boolean lockTaken;
    /** H2's lock file as this process found it once it had the directory lock; {@code null} when there was none. */
    private volatile Properties leftLock;
    private Boolean uncleanStop;
    private volatile SQLException contended;
    private volatile boolean done;

    private OpenProgress(Path dataDir, Consumer<String> notice) {
        this.dataDir = dataDir;
        this.notice = notice;
    }

    /** Starts watching an open of {@code dataDir}; {@code notice} gets the one line, on another thread. */
    static OpenProgress watch(Path dataDir, Consumer<String> notice) {
        OpenProgress progress = new OpenProgress(dataDir, notice);
        progress.checkAfter(SILENT_MILLIS);
        return progress;
    }

    /** This process holds the directory lock: no Sitrep process is opening or closing the database now. */
    void lockTaken() {
        Path file = Store.h2LockFile(dataDir);
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                Properties p = new Properties();
                p.load(in);
                leftLock = p;
            } catch (IOException | IllegalArgumentException gone) {
                leftLock = null;
            }
        }
        lockTaken = true;
    }

    /** H2 refused for now: something else holds its lock. */
    void contended(SQLException e) {
        contended = e;
    }

    void done() {
        done = true;
    }

    private void checkAfter(long millis) {
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> {
            if (done) {
                return;
            }
            String message = message();
            if (message == null) {
                checkAfter(RECHECK_MILLIS);
            } else {
                notice.accept(message);
            }
        });
    }

    private String message() {
        if (!lockTaken) {
            String holder = DirectoryLock.holder(dataDir);
            return "Waiting for another Sitrep process" + (holder == null ? "" : " (" + holder + ")")
                    + " to finish opening or closing the workspace…";
        }
        SQLException refusal = contended;
        if (uncleanStop() && (refusal == null || !StoreErrors.heldOpen(refusal))) {
            return "Recovering the workspace after an unclean stop (this can take several seconds)…";
        }
        return refusal == null ? null
                : "Waiting for the program that holds the database (" + StoreErrors.firstLine(refusal.getMessage()) + ")…";
    }

    /**
     * H2's lock file was left by a process that died with the database open: it names no server, or
     * one that no longer answers (a live host answers at once on loopback).
     */
    private boolean uncleanStop() {
        if (uncleanStop == null) {
            uncleanStop = leftLock != null && !answers(leftLock.getProperty("server", ""));
        }
        return uncleanStop;
    }

    private static boolean answers(String server) {
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1))),
                    ANSWER_MILLIS);
            return true;
        } catch (IOException | RuntimeException noOneThere) {
            return false;
        }
    }
}
