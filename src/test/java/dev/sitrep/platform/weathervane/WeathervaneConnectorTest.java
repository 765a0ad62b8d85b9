package dev.sitrep.platform.weathervane;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The WeatherVane connector on a real SQLite file laid out as WeatherVane lays it out. */
class WeathervaneConnectorTest {

    private static final Instant START = Instant.parse("2026-11-22T14:32:00Z");
    private final TestClock clock = new TestClock(START);
    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void createWeathervanesDatabase() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        db = dir.resolve("state/orchestrator.db");
        sql(db, "CREATE TABLE settings (key TEXT PRIMARY KEY, val TEXT NOT NULL, updated_at INTEGER NOT NULL, "
                + "metadata JSON)");
    }

    private static void sql(Path file, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private String[] row(String key) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement q = c.prepareStatement("SELECT val, updated_at, metadata FROM settings WHERE key = ?")) {
            q.setString(1, key);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? new String[] {r.getString(1), r.getString(2), r.getString(3)} : null;
            }
        }
    }

    private WeathervaneConnector weathervane(Path file) {
        return new WeathervaneConnector("wv", file, clock);
    }

    @Test
    void offersTheKillSwitchOnly() {
        assertThat(weathervane(db).capabilities()).containsExactlyInAnyOrder(Capability.KILL_SWITCH_STATUS,
                Capability.KILL_SWITCH_HALT, Capability.KILL_SWITCH_RESUME);
    }

    @Test
    void noDisableNewRowMeansRunningNormally() {
        KillSwitchState state = weathervane(db).killSwitchStatus();
        assertThat(state.halted()).isFalse();
        assertThat(state.since()).isNull();
        assertThat(state.readAt()).isEqualTo(START);
    }

    @Test
    void haltInsertsTheRowWhenItIsAbsent() throws Exception {
        KillSwitchState state = weathervane(db).halt("agents looping", "maria");
        assertThat(row("DISABLE_NEW")).containsExactly("1", String.valueOf(START.toEpochMilli()), null);
        assertThat(state.halted()).isTrue();
        assertThat(state.since()).isEqualTo(START);
    }

    @Test
    void haltUpdatesAnExistingRowAndItsTimeKeepingTheMetadata() throws Exception {
        sql(db, "INSERT INTO settings (key, val, updated_at, metadata) VALUES ('DISABLE_NEW', '0', 1000, '{\"by\":\"ops\"}')");
        clock.advance(Duration.ofMinutes(3));
        weathervane(db).halt("agents looping", "maria");
        assertThat(row("DISABLE_NEW")).containsExactly("1", String.valueOf(START.plusSeconds(180).toEpochMilli()),
                "{\"by\":\"ops\"}");
    }

    @Test
    void statusOfAHaltedPlatformHasSinceButNoWhoOrWhy() {
        weathervane(db).halt("agents looping", "maria");
        clock.advance(Duration.ofMinutes(10));
        KillSwitchState state = weathervane(db).killSwitchStatus();
        assertThat(state.halted()).isTrue();
        assertThat(state.since()).isEqualTo(START);
        assertThat(state.by()).isNull();
        assertThat(state.reason()).isNull();
        assertThat(state.readAt()).isEqualTo(START.plusSeconds(600));
    }

    @Test
    void resumeSetsTheFlagBackToZero() throws Exception {
        WeathervaneConnector wv = weathervane(db);
        wv.halt("drill", "maria");
        clock.advance(Duration.ofMinutes(1));
        KillSwitchState state = wv.resume(null, "maria");
        assertThat(state.halted()).isFalse();
        assertThat(state.since()).isNull();
        assertThat(row("DISABLE_NEW")).containsExactly("0", String.valueOf(START.plusSeconds(60).toEpochMilli()), null);
    }

    @Test
    void otherSettingsAreLeftAlone() throws Exception {
        sql(db, "INSERT INTO settings (key, val, updated_at) VALUES ('NEW_PLANNER', '1', 5)");
        weathervane(db).halt("drill", "maria");
        assertThat(row("NEW_PLANNER")).containsExactly("1", "5", null);
    }

    @Test
    void aMissingFileIsRefusedAndNeverCreated() {
        Path missing = dir.resolve("elsewhere/orchestrator.db");
        assertThatThrownBy(() -> weathervane(missing).halt("drill", "maria"))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining(missing.toString())
                .isInstanceOfSatisfying(dev.sitrep.core.SitrepException.class, e -> assertThat(e.message(n -> "--" + n))
                        .contains("point --path at WeatherVane's state/orchestrator.db"))
                .satisfies(e -> assertThat(((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED));
        assertThatThrownBy(() -> weathervane(missing).killSwitchStatus()).isInstanceOf(PlatformException.class);
        assertThat(missing).doesNotExist();
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void aFileWithoutTheSettingsTableIsRefusedAndLeftWithoutOne() throws Exception {
        Path other = dir.resolve("other.db");
        sql(other, "CREATE TABLE jobs (id INTEGER PRIMARY KEY)");
        assertThatThrownBy(() -> weathervane(other).halt("drill", "maria"))
                .hasMessageContaining(other + " has no settings table")
                .isInstanceOfSatisfying(dev.sitrep.core.SitrepException.class, e -> assertThat(e.message(n -> "--" + n))
                        .contains("point --path at WeatherVane's state/orchestrator.db"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
             ResultSet r = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE name = 'settings'")) {
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.db"), "this is not a database, just some notes about it\n"
                .repeat(20));
        assertThatThrownBy(() -> weathervane(text).killSwitchStatus())
                .hasMessageContaining(text.toString())
                .satisfies(e -> assertThat(((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.PLATFORM_REFUSED));
    }

    @Test
    void aWriteLockHeldPastTheBusyTimeoutSaysThePlatformHoldsTheDatabase() throws Exception {
        WeathervaneConnector wv = new WeathervaneConnector("wv", db, clock, Duration.ofMillis(200));
        try (Connection platform = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = platform.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(() -> wv.halt("drill", "maria"))
                    .isInstanceOf(PlatformException.class)
                    .hasMessageContaining("WeatherVane holds the database " + db)
                    .satisfies(e -> assertThat(((SitrepException) e).kind())
                            .isEqualTo(SitrepException.Kind.PLATFORM_UNREACHABLE));
            s.execute("ROLLBACK");
        }
        assertThat(row("DISABLE_NEW")).isNull();
    }

    @Test
    void aValueWeathervaneNeverWritesIsNamedNotGuessed() throws Exception {
        sql(db, "INSERT INTO settings (key, val, updated_at) VALUES ('DISABLE_NEW', 'yes', 1)");
        assertThatThrownBy(() -> weathervane(db).killSwitchStatus()).hasMessageContaining("holds 'yes'");
    }

    @Test
    void theManualSqlUsesTheRealColumnAndWorksInSqlite() throws Exception {
        assertThat(WeathervaneConnector.manualSql(true)).contains("val").doesNotContain("value")
                .contains("'DISABLE_NEW', '1'").contains("ON CONFLICT(key) DO UPDATE SET val = excluded.val");
        sql(db, WeathervaneConnector.manualSql(true));
        assertThat(weathervane(db).killSwitchStatus().halted()).isTrue();
        sql(db, WeathervaneConnector.manualSql(false));
        assertThat(row("DISABLE_NEW")[0]).isEqualTo("0");
        long written = Long.parseLong(row("DISABLE_NEW")[1]);
        assertThat(Instant.ofEpochMilli(written)).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1));
    }
}
