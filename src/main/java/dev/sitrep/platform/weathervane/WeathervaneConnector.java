package dev.sitrep.platform.weathervane;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.NamedConnector;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.core.PlatformKind;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteOpenMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * WeatherVane has no API: its kill switch is the flag {@code DISABLE_NEW} ('1' halts, '0' is
 * normal) in its own SQLite file, usually {@code state/orchestrator.db}, table
 * {@code settings(key, val, updated_at, metadata)} with {@code updated_at} in epoch milliseconds.
 * While it is '1' WeatherVane's poller reverts every other flag to its default; work already running goes on.
 *
 * <p>Sitrep writes the flag exactly as WeatherVane's own code does (the same upsert), and never
 * creates the file or the table: a wrong path must be a clear refusal, not a fresh empty database
 * the platform never reads. Each call opens and closes its own connection, so Sitrep holds no lock
 * between calls; a platform holding the write lock makes a call wait up to the busy timeout.
 *
 * <p>WeatherVane records neither who halted nor why: {@link KillSwitchState#by()} and
 * {@link KillSwitchState#reason()} are always {@code null} here (the kill-switch service fills
 * them from Sitrep's own audit), and {@code since} is the row's {@code updated_at}.
 */
public final class WeathervaneConnector extends NamedConnector {

    static final String FLAG = "DISABLE_NEW";
    static final String UPSERT = "INSERT INTO settings (key, val, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO "
            + "UPDATE SET val = excluded.val, updated_at = excluded.updated_at";
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.KILL_SWITCH_STATUS,
            Capability.KILL_SWITCH_HALT, Capability.KILL_SWITCH_RESUME);

    private final Path databaseFile;
    private final Clock clock;
    private final Duration busyTimeout;

    /** @param databaseFile WeatherVane's {@code state/orchestrator.db} */
    public WeathervaneConnector(String name, Path databaseFile, Clock clock) {
        this(name, databaseFile, clock, BUSY_TIMEOUT);
    }

    /** With a shorter wait for a held write lock, for tests. */
    WeathervaneConnector(String name, Path databaseFile, Clock clock, Duration busyTimeout) {
        super(name, PlatformKind.WEATHERVANE, CAPABILITIES);
        this.databaseFile = databaseFile;
        this.clock = clock;
        this.busyTimeout = busyTimeout;
    }

    /**
     * The statement a commander can paste into {@code sqlite3 state/orchestrator.db} when Sitrep
     * cannot reach the file: the same upsert WeatherVane runs, with the time in epoch milliseconds.
     */
    public static String manualSql(boolean halt) {
        return "INSERT INTO settings (key, val, updated_at) VALUES ('" + FLAG + "', '" + (halt ? "1" : "0")
                + "', CAST(strftime('%s', 'now') AS INTEGER) * 1000) "
                + "ON CONFLICT(key) DO UPDATE SET val = excluded.val, updated_at = excluded.updated_at;";
    }

    /** Reads {@code DISABLE_NEW}: halted when it is '1'; no row means WeatherVane runs normally. */
    @Override
    public KillSwitchState killSwitchStatus() {
        try (Connection db = open()) {
            return read(db);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Sets {@code DISABLE_NEW} to '1' ({@code reason} and {@code actor} go to Sitrep's audit, not here). */
    @Override
    public KillSwitchState halt(String reason, String actor) {
        return write("1");
    }

    /** Sets {@code DISABLE_NEW} to '0' (WeatherVane has no resume modes). */
    @Override
    public KillSwitchState resume(String mode, String actor) {
        return write("0");
    }

    private KillSwitchState write(String val) {
        try (Connection db = open()) {
            try (PreparedStatement upsert = db.prepareStatement(UPSERT)) {
                upsert.setString(1, FLAG);
                upsert.setString(2, val);
                upsert.setLong(3, clock.millis());
                upsert.executeUpdate();
            }
            return read(db);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private KillSwitchState read(Connection db) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT val, updated_at FROM settings WHERE key = ?")) {
            q.setString(1, FLAG);
            try (ResultSet row = q.executeQuery()) {
                if (!row.next()) {
                    return new KillSwitchState(name(), false, null, null, null, clock.instant());
                }
                String val = row.getString(1) == null ? "" : row.getString(1).strip();
                if (!val.equals("1") && !val.equals("0")) {
                    throw PlatformException.unreachable(name(), FLAG + " in " + databaseFile + " holds '" + val
                            + "', neither '1' (halted) nor '0' (normal); halt or resume to set it to a value "
                            + "WeatherVane knows", null);
                }
                boolean halted = val.equals("1");
                Instant since = halted ? Instant.ofEpochMilli(row.getLong(2)) : null;
                return new KillSwitchState(name(), halted, since, null, null, clock.instant());
            }
        }
    }

    /** Opens the existing file (never creating it) and checks it has WeatherVane's settings table. */
    private Connection open() throws SQLException {
        if (!Files.isRegularFile(databaseFile)) {
            throw PlatformException.refused(name(), "there is no WeatherVane database at " + databaseFile + "; point "
                    + SitrepException.input("path") + " at WeatherVane's state/orchestrator.db.");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE); // read-write when allowed, never create
        config.setBusyTimeout((int) busyTimeout.toMillis());
        String url = "jdbc:sqlite:" + databaseFile.toAbsolutePath();
        Connection db = DriverManager.getConnection(url, config.toProperties());
        try (PreparedStatement q = db.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'");
             ResultSet row = q.executeQuery()) {
            if (!row.next()) {
                throw PlatformException.refused(name(), databaseFile + " has no settings table, so it is not "
                        + "WeatherVane's state database; point " + SitrepException.input("path") + " at WeatherVane's state/orchestrator.db.");
            }
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private PlatformException failure(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return PlatformException.unreachable(name(), "WeatherVane holds the database " + databaseFile + " (it stayed "
                    + "locked for writing for " + busyTimeout.toMillis() + " ms); try again in a moment, or use the "
                    + "manual SQL if it stays locked", e);
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return PlatformException.refused(name(), databaseFile + " cannot be opened as a SQLite database ("
                    + e.getMessage() + "); point " + SitrepException.input("path") + " at WeatherVane's state/orchestrator.db.");
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return PlatformException.refused(name(), databaseFile + " is read-only for Sitrep (" + e.getMessage()
                    + "); run Sitrep as a user who may write WeatherVane's state directory.");
        }
        return PlatformException.unreachable(name(), "reading " + databaseFile + " failed (" + e.getMessage() + ")", e);
    }
}
