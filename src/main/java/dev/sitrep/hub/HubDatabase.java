package dev.sitrep.hub;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sitrep.core.SitrepException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The hub's database: PostgreSQL ({@code --db jdbc:postgresql://HOST/DB}) or, for a trial or a
 * small team, an H2 file under the data directory; pooled by HikariCP and migrated by Flyway
 * ({@code db/hub}) when opened. Several hub processes (and {@code sitrep hub person}) may open the
 * same database at once: Flyway takes the database's own lock to migrate, and an H2 file is shared
 * through H2's automatic server mode.
 */
public final class HubDatabase implements AutoCloseable {

    /** The environment variables that carry the database user and password (else they come from the URL). */
    public static final String ENV_USER = "SITREP_HUB_DB_USER";
    public static final String ENV_PASSWORD = "SITREP_HUB_DB_PASSWORD";

    static {
        // HikariCP lends a connection used in the last 500 ms without checking it. After the database
        // restarts (or the network between them breaks) that lends a dead connection, and the request
        // on it fails although the database is back. Checking every lend costs one round trip and
        // lets the pool replace a dead connection within the same lend.
        if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) {
            System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
        }
    }

    /** How long a request waits for a connection before the hub answers 503 "database unavailable". */
    static final Duration CONNECTION_WAIT = Duration.ofSeconds(3);

    private final HikariDataSource pool;
    private final String shown;

    private HubDatabase(HikariDataSource pool, String shown) {
        this.pool = pool;
        this.shown = shown;
    }

    /** The JDBC URL of the embedded default: an H2 file under {@code dataDir}/hub, shared by the hub's processes. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("hub").resolve("hub").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    /**
     * Opens and migrates the database at {@code url} with the pool size given. A database that
     * cannot be reached or migrated is a {@link SitrepException} naming it and what to check.
     */
    public static HubDatabase open(String url, Map<String, String> env, int poolSize) {
        if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
            throw SitrepException.invalid("--db " + masked(url) + " is not a PostgreSQL JDBC URL; give "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE (or leave --db out for the embedded H2 file under --data-dir)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        String user = env.get(ENV_USER);
        if (user != null && !user.isBlank()) {
            config.setUsername(user);
            config.setPassword(env.getOrDefault(ENV_PASSWORD, ""));
        }
        config.setPoolName("sitrep-hub-db");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
        config.setValidationTimeout(Math.min(2_000, CONNECTION_WAIT.toMillis() - 500));
        config.setInitializationFailTimeout(-1);
        if (url.startsWith("jdbc:postgresql:")) {
            // A database that stops answering must not hold a request for the OS's TCP timeout.
            config.addDataSourceProperty("connectTimeout", "3");
            config.addDataSourceProperty("socketTimeout", "30");
            config.addDataSourceProperty("ApplicationName", "sitrep-hub");
        }
        HikariDataSource pool = new HikariDataSource(config);
        HubDatabase db = new HubDatabase(pool, masked(url));
        try {
            db.migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return db;
    }

    private void migrate() {
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/hub").table("hub_schema_history")
                    .baselineOnMigrate(false).load().migrate();
        } catch (FlywayException e) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "The hub's database " + shown + " cannot be reached or "
                    + "prepared: " + firstLine(e) + ". Check that it runs and that the URL, " + ENV_USER + " and "
                    + ENV_PASSWORD + " are right.", e);
        }
    }

    /**
     * Whether the database answers now and its migrations are all applied. Flyway's history table
     * and its columns are named in lower case, quoted on H2, so they are quoted here too (unquoted,
     * H2 would look for HUB_SCHEMA_HISTORY and never find it).
     */
    boolean ready() {
        try (Connection c = pool.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM \"hub_schema_history\" WHERE \"success\" = FALSE")) {
            return rs.next() && rs.getInt(1) == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The database as shown to people: the URL without credentials. */
    public String shown() {
        return shown;
    }

    /** {@code text} with every {@code user=} and {@code password=} value hidden: a URL, or a driver's message quoting one. */
    static String masked(String text) {
        return text.replaceAll("(?i)(password|user)=[^&;\\s]*", "$1=***");
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    @Override
    public void close() {
        pool.close();
    }
}
