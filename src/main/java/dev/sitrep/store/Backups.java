package dev.sitrep.store;

import dev.sitrep.core.SitrepException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Online backup and restore of a workspace. A backup is H2's own consistent snapshot (a zip
 * holding {@code sitrep.mv.db}) taken while other processes keep working; it never overwrites a
 * file. A restore goes only into an empty (or absent) data directory, and is checked by opening it.
 */
public final class Backups {

    private static final String DB_ENTRY = Store.DB_NAME + ".mv.db";

    private Backups() {
    }

    /** Writes a consistent backup of the open store to {@code target}, which must not exist. */
    public static void backup(Store store, Path target) {
        Path file = target.toAbsolutePath().normalize();
        if (Files.exists(file)) {
            throw SitrepException.invalid("The backup target " + file + " already exists; Sitrep never overwrites a "
                    + "backup. Choose a new file name.");
        }
        Path parent = file.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw SitrepException.invalid("The folder for the backup, " + parent + ", does not exist; create it or "
                    + "choose another --to.");
        }
        Path partial = parent.resolve("." + file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw SitrepException.invalid("The backup target " + file + " appeared while the backup ran; it was left "
                    + "as it is. Choose a new file name.");
        } catch (SQLException | IOException e) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "The backup to " + file + " failed: "
                    + StoreErrors.firstLine(e.getMessage()) + ". The workspace is unchanged.", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a stray partial file is harmless and named with a leading dot
            }
        }
    }

    /** Restores {@code backup} into {@code dataDir}, which must be empty or absent, and opens it to check it. */
    public static void restore(Path backup, Path dataDir) {
        Path zip = backup.toAbsolutePath().normalize();
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(zip)) {
            throw SitrepException.invalid("The backup " + zip + " does not exist or is not a file; give the file "
                    + "'sitrep backup --to' wrote.");
        }
        DataDirectory.checkUsable(dir);
        if (!isEmptyOrAbsent(dir)) {
            throw SitrepException.invalid("The data directory " + dir + " is not empty; restore only goes into an "
                    + "empty directory, so nothing there is overwritten. Choose a new --data-dir.");
        }
        Path db = Store.databaseFile(dir);
        try {
            Files.createDirectories(dir);
            extractDatabase(zip, db);
        } catch (IOException e) {
            deleteQuietly(db);
            throw SitrepException.invalid("The file " + zip + " is not a Sitrep backup (" + e.getMessage()
                    + "); give the file 'sitrep backup --to' wrote.");
        }
        try (Store ignored = Store.open(dir)) {
            // opening proves the restored database is readable and brings its schema up to date
        } catch (SitrepException e) {
            deleteQuietly(db);
            throw SitrepException.invalid("The backup " + zip + " holds a database Sitrep cannot open: " + e.getMessage());
        }
    }

    private static void extractDatabase(Path zip, Path db) throws IOException {
        boolean found = false;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = z.getNextEntry()) != null) {
                if (entry.getName().equals(DB_ENTRY)) {
                    Files.copy(z, db);
                    found = true;
                }
            }
        } catch (ZipException e) {
            throw new IOException("not a zip file: " + e.getMessage(), e);
        }
        if (!found) {
            throw new IOException("no " + DB_ENTRY + " inside");
        }
    }

    private static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing more to undo
        }
    }
}
