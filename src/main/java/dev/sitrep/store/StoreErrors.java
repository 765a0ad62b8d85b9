package dev.sitrep.store;

import dev.sitrep.core.SitrepException;
import org.h2.api.ErrorCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What the store's failures mean to the commander. Contention (another process has the database
 * for now) is waited out and, past the wait, reported as a busy data directory; only a file that
 * H2 cannot read is called corrupt, and only then is a restore advised.
 */
final class StoreErrors {

    private StoreErrors() {
    }

    /**
     * H2 refused to open because another process holds its lock or is taking it (its lock-file
     * protocol), or the process that served the database went away meanwhile: worth waiting for.
     */
    static boolean isContention(SQLException e) {
        int code = e.getErrorCode();
        return code == ErrorCode.ERROR_OPENING_DATABASE_1 || code == ErrorCode.DATABASE_ALREADY_OPEN_1
                || code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                || code == ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE;
    }

    /** A live program holds the database (as opposed to H2 still sorting out its lock file). */
    static boolean heldOpen(SQLException e) {
        return e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
    }

    /** A transaction cut off by a vanished host or a lock: worth one more try. */
    static boolean isTransient(SQLException e) {
        int code = e.getErrorCode();
        String state = e.getSQLState();
        return code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                || code == ErrorCode.LOCK_TIMEOUT_1 || code == ErrorCode.DEADLOCK_1
                || code == ErrorCode.OBJECT_CLOSED || (state != null && state.startsWith("08"));
    }

    /** Waited {@code waitedNanos} and the data directory is still taken: by a Sitrep process, or by what H2 last named. */
    static SitrepException busy(Path dir, SQLException lastRefusal, long waitedNanos) {
        String who = lastRefusal == null ? "another Sitrep process" + named(DirectoryLock.holder(dir))
                : "another program holds the database: " + firstLine(lastRefusal.getMessage());
        return new SitrepException(SitrepException.Kind.FAILURE, "The data directory " + dir + " is busy (" + who
                + "); waited " + Math.max(1, Math.round(waitedNanos / 1e9)) + " s. Nothing was changed; try again when "
                + "it has finished.", lastRefusal);
    }

    private static String named(String holder) {
        return holder == null ? "" : ": " + holder;
    }

    /** Opening failed for a reason other than contention. */
    static SitrepException openFailure(Path dir, SQLException e) {
        Path file = Store.databaseFile(dir);
        if (Files.exists(file)) {
            return new SitrepException(SitrepException.Kind.FAILURE, "The database file " + file + " cannot be read ("
                    + firstLine(e.getMessage()) + "). It is corrupt or not a Sitrep database, and was left untouched: move it "
                    + "away and run 'sitrep restore --from BACKUP' into an empty directory, or use another --data-dir.", e);
        }
        return new SitrepException(SitrepException.Kind.FAILURE, "Cannot open the database in " + dir + ": "
                + firstLine(e.getMessage()) + ".", e);
    }

    /** A transaction failed; {@code whileCommitting}: the connection went while a write was being committed. */
    static SitrepException failure(Path dir, SQLException e, boolean whileCommitting) {
        Path file = Store.databaseFile(dir);
        if (e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1) {
            return new SitrepException(SitrepException.Kind.FAILURE, "The database " + file
                    + " is busy: another Sitrep process holds a lock. Nothing was changed; try again.", e);
        }
        if (whileCommitting) {
            return new SitrepException(SitrepException.Kind.FAILURE, "The database " + file + " went away while a change "
                    + "was being saved (" + firstLine(e.getMessage()) + "); it may or may not have been saved: look "
                    + "before trying again.", e);
        }
        return new SitrepException(SitrepException.Kind.FAILURE, "Database error in " + file + ": "
                + firstLine(e.getMessage()) + ". Nothing was changed; see " + DataDirectory.logs(dir) + ".", e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return firstLine(t.getMessage() == null ? t.toString() : t.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }
}
