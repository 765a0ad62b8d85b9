package dev.sitrep.testing;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database of one's own on the machine's PostgreSQL: made, used, and dropped, even while still in use. */
class TestPostgresTest {

    @Test
    void aDatabaseOfItsOwnHoldsTablesAndIsDroppedOnClose() throws Exception {
        TestPostgres db = TestPostgres.create();
        try (TestPostgres other = TestPostgres.create()) {
            assertThat(db.name()).matches("hub_[a-z0-9]{12}").isNotEqualTo(other.name());
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/" + db.name() + "?user=postgres");
            assertThat(db.jdbcUrlThrough(6543)).isEqualTo("jdbc:postgresql://127.0.0.1:6543/" + db.name() + "?user=postgres");
        }

        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE incident (id BIGINT PRIMARY KEY, title TEXT NOT NULL)");
            s.execute("INSERT INTO incident VALUES (1, 'checkout latency')");
            try (ResultSet r = s.executeQuery("SELECT current_database(), title FROM incident")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(db.name());
                assertThat(r.getString(2)).isEqualTo("checkout latency");
            }
        }
        assertThat(exists(db.name())).as("the database before close").isTrue();

        db.close();

        assertThat(exists(db.name())).as("the database after close").isFalse();
        db.close();
    }

    @Test
    void closeEndsConnectionsStillOpenAndDropsTheDatabase() throws Exception {
        TestPostgres db = TestPostgres.create();
        try (Connection held = DriverManager.getConnection(db.jdbcUrl())) {
            held.createStatement().execute("CREATE TABLE t (x INT)");

            db.close();

            assertThat(exists(db.name())).isFalse();
            assertThatThrownBy(() -> held.createStatement().executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void withNoPostgresItFailsNamingWhatToStartAndNeverSkips() throws Exception {
        // A port that is bound but not listening refuses connections, and nothing can listen on it meanwhile.
        try (Socket reserved = new Socket()) {
            reserved.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = reserved.getLocalPort();

            long start = System.nanoTime();
            assertThatThrownBy(() -> TestPostgres.create(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("PostgreSQL must listen on 127.0.0.1:" + port + " with trust authentication; "
                            + ".ci/run installs and starts it on a bare machine (README: Tests)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static boolean exists(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
             PreparedStatement q = admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            q.setString(1, database);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1) == 1;
            }
        }
    }
}
