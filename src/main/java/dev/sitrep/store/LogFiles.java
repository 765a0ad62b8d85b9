package dev.sitrep.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends all java.util.logging output (ours and the libraries': Flyway, H2) to rotating files in
 * {@code <data-dir>/logs}, so the terminal keeps stdout for results and stderr for the one error line.
 */
public final class LogFiles {

    private static Path configuredFor;

    private LogFiles() {
    }

    /** Until a data directory is known, library logging goes nowhere rather than onto the terminal. */
    public static synchronized void silenceConsole() {
        if (configuredFor == null) {
            Logger root = LogManager.getLogManager().getLogger("");
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
        }
    }

    public static synchronized void configure(Path dataDir) {
        if (dataDir.equals(configuredFor)) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
        try {
            Path logs = DataDirectory.logs(dataDir);
            Files.createDirectories(logs);
            FileHandler file = new FileHandler(logs.resolve("sitrep.%u.%g.log").toString(), 5_000_000, 5, true);
            file.setFormatter(new SimpleFormatter());
            root.addHandler(file);
            root.setLevel(Level.INFO);
            configuredFor = dataDir;
        } catch (IOException | RuntimeException e) {
            // Logging must never stop a commander: without a log file, messages are dropped.
            root.setLevel(Level.OFF);
        }
    }
}
