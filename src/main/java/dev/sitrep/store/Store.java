package dev.sitrep.store;

import dev.sitrep.core.SitrepException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The local H2 database in a data directory. Every process (desktop app, CLI, wall) opens the
 * same URL with AUTO_SERVER, so whichever opened it first serves the others over loopback, and
 * WRITE_DELAY=0 so that an acknowledged commit survives a kill. Work runs in short transactions
 * through {@link #write} and {@link #read}; a transaction cut off by a vanished host is retried once
 * (never a write whose commit was under way: it may have been saved).
 *
 * <p>Processes on one data directory take turns to open and to close the database (the
 * {@link DirectoryLock}): one that opens while another opens or closes waits for it, as it does
 * while H2 says its file is held, up to {@link #WAIT}; then the directory is reported busy, never
 * corrupt. A process that serves the database lets the ones it serves finish their work before it
 * closes, so that none of them loses a transaction to its exit.
 */
public final class Store implements AutoCloseable {

    public static final String DB_NAME = "sitrep";
    /** The newest migration in db/migration; a test keeps the two in step. */
    static final int SCHEMA_VERSION = 10;
    /** How long a process waits for the others on its data directory before it says the directory is busy. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** A served process idle this long rests between uses (a console, a wall): closing need not wait for it. */
    private static final Duration RESTING = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(Store.class.getName());

    private final Path dataDir;
    private final JdbcDataSource dataSource;
    private final String holder;
    private final Consumer<String> notice;
    private final Duration wait;
    /** Holds the database open in this process; one whose host went away is replaced before the next transaction. */
    private Connection keeper;

    /** What a unit of work does inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private Store(Path dataDir, JdbcDataSource dataSource, String holder, Consumer<String> notice, Duration wait) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
        this.holder = holder;
        this.notice = notice;
        this.wait = wait;
    }

    /** Opens (creating when absent) the workspace in {@code dataDir} and brings its schema up to date. */
    public static Store open(Path dataDir) {
        return open(dataDir, "sitrep", line -> { });
    }

    /**
     * Opens the workspace in {@code dataDir}, waiting for other processes on it up to {@link #WAIT}.
     *
     * @param holder what this process is, for one that has to wait for it ("sitrep incident note", "the console")
     * @param notice gets one line, on another thread, when opening takes over a second: what it waits for or does
     */
    public static Store open(Path dataDir, String holder, Consumer<String> notice) {
        return open(dataDir, holder, notice, WAIT);
    }

    static Store open(Path dataDir, String holder, Consumer<String> notice, Duration wait) {
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
        Store store = new Store(dir, ds, holder, notice, wait);
        store.keeper = store.connectKeeper(true);
        LOG.info(() -> "opened " + databaseFile(dir));
        return store;
    }

    /** Connects this process to the database, in turn with the others, and (when {@code migrate}) brings it up to date. */
    private Connection connectKeeper(boolean migrate) {
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        OpenProgress progress = OpenProgress.watch(dataDir, notice);
        try (DirectoryLock.Held held = lock(deadline)) {
            if (held == null) {
                throw StoreErrors.busy(dataDir, null, System.nanoTime() - started);
            }
            progress.lockTaken();
            Connection c = connect(started, deadline, progress);
            try {
                if (migrate && !isCurrent(c)) {
                    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
                }
                c.setAutoCommit(false); // then H2 never reconnects it behind this class's back
                return c;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                throw new SitrepException(SitrepException.Kind.FAILURE, "Cannot bring the database " + databaseFile()
                        + " up to date: " + StoreErrors.rootMessage(e) + ". It was left as it was; see "
                        + DataDirectory.logs(dataDir) + ".", e);
            }
        } finally {
            progress.done();
        }
    }

    private DirectoryLock.Held lock(long deadline) {
        try {
            return DirectoryLock.acquire(dataDir, holder, deadline);
        } catch (IOException e) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "Cannot lock " + dataDir.resolve(DirectoryLock.LOCK_FILE)
                    + ": " + e.getMessage() + "; check that the data directory is writable.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitrepException(SitrepException.Kind.FAILURE, "Stopped while waiting for " + dataDir + ".", e);
        }
    }

    /** A connection, waiting out contention until the deadline (with jitter, so that waiting processes do not retry in step). */
    private Connection connect(long started, long deadline, OpenProgress progress) {
        for (int attempt = 0; ; attempt++) {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                if (!StoreErrors.isContention(e)) {
                    throw StoreErrors.openFailure(dataDir, e);
                }
                progress.contended(e);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw StoreErrors.busy(dataDir, e, System.nanoTime() - started);
                }
                LOG.fine(() -> "waiting: " + StoreErrors.firstLine(e.getMessage()));
                long base = 25L << Math.min(attempt, 4);
                sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1,
                        ThreadLocalRandom.current().nextLong(base / 2, base * 3 / 2)));
            }
        }
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

    /** H2's own lock file: there while a process has the database open, and left behind by one that was killed. */
    static Path h2LockFile(Path dataDir) {
        return dataDir.resolve(DB_NAME + ".lock.db");
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
        while (true) {
            keepConnected();
            Connection c = null;
            boolean committing = false;
            try {
                c = dataSource.getConnection();
                c.setAutoCommit(false);
                Tx tx = new Tx(c);
                T result = work.run(tx);
                if (!readOnly) {
                    tx.flushChanges();
                    committing = true;
                }
                c.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c);
                boolean lost = StoreErrors.isTransient(e);
                if (first != null || committing || !lost) {
                    throw StoreErrors.failure(dataDir, e, committing && lost);
                }
                first = e;
                LOG.warning(() -> "retrying after " + e.getMessage());
            } catch (RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                closeQuietly(c);
            }
        }
    }

    /** Replaces the keeper when the process that served this one the database went away (crashed, or closed it). */
    private synchronized void keepConnected() {
        try {
            if (keeper == null || keeper.isValid(0)) {
                return;
            }
        } catch (SQLException e) {
            LOG.fine(() -> "keeper: " + e.getMessage());
        }
        LOG.info("the process serving the database went away; connecting again");
        closeQuietly(keeper);
        keeper = null;
        keeper = connectKeeper(false);
    }

    private static void rollbackQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction went with it
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection
        }
    }

    /** Opens a plain connection for work that manages its own statements (backup). */
    Connection connection() throws SQLException {
        keepConnected();
        return dataSource.getConnection();
    }

    /**
     * Lets go of the database. When this process serves it to others, it first lets them finish
     * (up to {@link #WAIT}; one that rests between uses, such as a console, is not waited for), with
     * the directory locked so that no one starts to open it meanwhile, then closes it for all.
     */
    @Override
    public synchronized void close() {
        Connection c = keeper;
        if (c == null) {
            return;
        }
        keeper = null;
        try {
            if (servesAlone(c)) {
                handOver(c);
            }
        } catch (SQLException e) {
            LOG.fine(() -> "closing: " + e.getMessage());
        } finally {
            closeQuietly(c);
        }
    }

    /** This process serves the database, and no other store in it uses it. */
    private static boolean servesAlone(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT (SELECT SERVER IS NULL FROM "
                + "INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()), COUNT(*) FILTER (WHERE SERVER IS NULL) "
                + "FROM INFORMATION_SCHEMA.SESSIONS")) {
            return rs.next() && rs.getBoolean(1) && rs.getInt(2) == 1;
        }
    }

    private void handOver(Connection c) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (DirectoryLock.Held held = lock(deadline)) {
            c.setAutoCommit(true); // a fresh CURRENT_TIMESTAMP for each look (this keeper is local: nothing reconnects it)
            if (held == null || awaitNone(c, "NOT (SESSION_STATE = 'SLEEP' AND NOT CONTAINS_UNCOMMITTED AND SLEEP_SINCE < "
                    + "DATEADD(MILLISECOND, -" + RESTING.toMillis() + ", CURRENT_TIMESTAMP))", deadline) == 0) {
                return; // closing the keeper closes the database: it serves no one
            }
            // What is left rests (or outstayed the wait): hold every new statement, let those under way end, close.
            try (var s = c.createStatement()) {
                s.execute("SET EXCLUSIVE 1");
                awaitNone(c, "EXECUTING_STATEMENT IS NOT NULL", deadline);
                LOG.info("closing the database under other processes' connections; they connect again");
                s.execute("SHUTDOWN");
            }
        }
    }

    /**
     * Waits until no other process's connection matches {@code condition} or the deadline passes.
     *
     * @return how many connections other processes still have
     */
    private static int awaitNone(Connection c, String condition, long deadline) throws SQLException {
        try (var ps = c.prepareStatement("SELECT COUNT(*), COUNT(*) FILTER (WHERE " + condition + ") "
                + "FROM INFORMATION_SCHEMA.SESSIONS WHERE SERVER IS NOT NULL")) {
            while (true) {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(2) == 0 || System.nanoTime() >= deadline) {
                        return rs.getInt(1);
                    }
                }
                sleep(25);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SitrepException(SitrepException.Kind.FAILURE, "Stopped while waiting for the database.", e);
        }
    }
}
