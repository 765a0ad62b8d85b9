package dev.sitrep.store;

import dev.sitrep.core.SitrepException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Sitrep keeps its database, logs and blobs. {@code --data-dir} wins, then
 * {@code SITREP_HOME}, then the operating system's convention for per-user application data.
 */
public final class DataDirectory {

    public static final String ENV_HOME = "SITREP_HOME";

    private DataDirectory() {
    }

    /** The data directory for this run; nothing is created. */
    public static Path resolve(String option, Map<String, String> env, String osName, String userHome) {
        if (option != null && !option.isBlank()) {
            return Path.of(option).toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV_HOME);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return conventional(env, osName, userHome);
    }

    /** The per-user default: XDG on Linux, Application Support on macOS, %APPDATA% on Windows. */
    static Path conventional(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Sitrep");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Sitrep");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("sitrep");
    }

    /** Refuses what cannot hold a workspace: a regular file, or a name the database URL cannot carry. */
    static void checkUsable(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw SitrepException.invalid("The data directory " + dir + " is a file, not a directory; pass --data-dir "
                    + "(or set SITREP_HOME) to a directory, or move the file away.");
        }
        if (dir.toString().contains(";")) {
            throw SitrepException.invalid("The data directory " + dir + " contains ';', which the database cannot use; "
                    + "choose a path without it.");
        }
        if (Files.isDirectory(dir)) {
            checkWritable(dir);
        }
    }

    /**
     * Writes and removes a probe file: permission bits say nothing for root, and some directories (under /proc, a
     * read-only mount) refuse new files whatever they say. Refused, the database would fail deep inside with a
     * stack trace instead.
     */
    private static void checkWritable(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".sitrep-probe", ".tmp");
            Files.delete(probe);
        } catch (java.io.IOException | SecurityException e) {
            throw SitrepException.invalid("Cannot write to the data directory " + dir + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); pass --data-dir "
                    + "(or set SITREP_HOME) to a directory you can write to.");
        }
    }

    public static Path logs(Path dataDir) {
        return dataDir.resolve("logs");
    }
}
