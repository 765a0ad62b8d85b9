package dev.sitrep.store;

import dev.sitrep.core.SitrepException;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The local H2 database in a data directory. Every process (desktop app, CLI, wall) opens the
 * same URL with AUTO_SERVER, so whichever opened it first serves the others over loopback, and
 * WRITE_DELAY=0 so that an acknowledged commit survives a kill. Work runs in short transactions
 * through {@link #write} and {@link #read}; a transaction cut off by a vanished host is retried once.
 */
public final class Store implements AutoCloseable {

    public static final String DB_NAME = "sitrep";
    /** The newest migration in db/migration; a test keeps the two in step. */
    static final int SCHEMA_VERSION = 9;
    private static final Logger LOG = Logger.getLogger(Store.class.getName());

    private final Path dataDir;
    private final JdbcDataSource dataSource;
    private Connection keeper;

    /** What a unit of work does inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private Store(Path dataDir, JdbcDataSource dataSource, Connection keeper) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
        this.keeper = keeper;
    }

    /** Opens (creating when absent) the workspace in {@code dataDir} and brings its schema up to date. */
    public static Store open(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        DataDirectory.checkUsable(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "Cannot create the data directory " + dir + ": "
                    + e.getMessage() + "; choose another with --data-dir or SITREP_HOME.", e);
        }
        LogFiles.configure(dir);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url(dir));
        ds.setUser("sa");
        ds.setPassword("");
        Connection keeper;
        try {
            keeper = ds.getConnection();
        } catch (SQLException e) {
            throw openFailure(dir, e);
        }
        try {
            if (!isCurrent(keeper)) {
                Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            }
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw new SitrepException(SitrepException.Kind.FAILURE, "Cannot bring the database " + databaseFile(dir)
                    + " up to date: " + rootMessage(e) + ". It was left as it was; see " + DataDirectory.logs(dir) + ".", e);
        }
        LOG.info(() -> "opened " + databaseFile(dir));
        return new Store(dir, ds, keeper);
    }

    /**
     * True when the schema history says every migration up to {@link #SCHEMA_VERSION} succeeded and
     * none failed: then Flyway (a heavy start-up) is not needed. Any doubt runs Flyway.
     */
    private static boolean isCurrent(Connection c) {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)), "
                + "SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END) FROM \"flyway_schema_history\"")) {
            return rs.next() && rs.getInt(1) == SCHEMA_VERSION && rs.getInt(2) == 0;
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(DB_NAME) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public static Path databaseFile(Path dataDir) {
        return dataDir.resolve(DB_NAME + ".mv.db");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path databaseFile() {
        return databaseFile(dataDir);
    }

    /** Runs {@code work} in one transaction and commits it. */
    public <T> T write(Work<T> work) {
        return inTransaction(work, false);
    }

    /** Runs {@code work} in a read-only transaction. */
    public <T> T read(Work<T> work) {
        return inTransaction(work, true);
    }

    private <T> T inTransaction(Work<T> work, boolean readOnly) {
        SQLException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Tx tx = new Tx(c);
                    T result = work.run(tx);
                    if (!readOnly) {
                        tx.flushChanges();
                    }
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                if (first == null && isTransient(e)) {
                    first = e;
                    LOG.warning(() -> "retrying after " + e.getMessage());
                    continue;
                }
                throw failure(e);
            }
        }
        throw failure(first);
    }

    private static boolean isTransient(SQLException e) {
        int code = e.getErrorCode();
        String state = e.getSQLState();
        return code == ErrorCode.CONNECTION_BROKEN_1 || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN
                || code == ErrorCode.LOCK_TIMEOUT_1 || code == ErrorCode.DEADLOCK_1
                || code == ErrorCode.OBJECT_CLOSED || (state != null && state.startsWith("08"));
    }

    private SitrepException failure(SQLException e) {
        if (e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1) {
            return new SitrepException(SitrepException.Kind.FAILURE, "The database " + databaseFile()
                    + " is busy: another Sitrep process holds a lock. Nothing was changed; try again.", e);
        }
        return new SitrepException(SitrepException.Kind.FAILURE, "Database error in " + databaseFile() + ": "
                + firstLine(e.getMessage()) + ". Nothing was changed; see " + DataDirectory.logs(dataDir) + ".", e);
    }

    private static SitrepException openFailure(Path dir, SQLException e) {
        Path file = databaseFile(dir);
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return new SitrepException(SitrepException.Kind.FAILURE, "The database " + file + " is locked by a program that "
                    + "did not open it in shared mode (an H2 console or an old Sitrep?); close that program and try again.", e);
        }
        if (Files.exists(file)) {
            return new SitrepException(SitrepException.Kind.FAILURE, "The database file " + file + " cannot be read ("
                    + firstLine(e.getMessage()) + "). It is corrupt or not a Sitrep database, and was left untouched: move it "
                    + "away and run 'sitrep restore --from BACKUP' into an empty directory, or use another --data-dir.", e);
        }
        return new SitrepException(SitrepException.Kind.FAILURE, "Cannot open the database in " + dir + ": "
                + firstLine(e.getMessage()) + ".", e);
    }

    private static String rootMessage(Throwable e) {
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

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction went with it
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }

    /** Opens a plain connection for work that manages its own statements (backup). */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public synchronized void close() {
        if (keeper != null) {
            closeQuietly(keeper);
            keeper = null;
        }
    }
}
