package dev.sitrep.store;

import dev.sitrep.core.SitrepException;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.core.Incident;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreTest {

    @TempDir
    Path dir;

    private static IncidentService service(Store store) {
        return TestServices.on(store, "maria").random(new Random(3)).build().incidents();
    }

    @Test
    void migrationsCreateTheSchemaInAnEmptyDirectory() throws Exception {
        try (Store store = Store.open(dir.resolve("fresh"))) {
            try (Connection c = store.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(String.valueOf(Store.SCHEMA_VERSION));
            }
            int count = store.read(tx -> tx.incidents().count());
            assertThat(count).isZero();
        }
        assertThat(Store.databaseFile(dir.resolve("fresh"))).exists();
        assertThat(DataDirectory.logs(dir.resolve("fresh"))).isDirectory();
    }

    @Test
    void aWorkspaceFromAnOlderVersionIsUpgradedAndKeepsItsData() throws Exception {
        org.flywaydb.core.Flyway.configure().dataSource(Store.url(dir), "sa", "").locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(Store.url(dir), "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO workspace_setting VALUES ('theme', 'light', CURRENT_TIMESTAMP, 'old')");
        }
        try (Store store = Store.open(dir)) {
            java.util.Optional<String> theme = store.read(tx -> tx.settings().get("theme"));
            java.util.List<dev.sitrep.core.PlatformProfile> profiles = store.read(tx -> tx.profiles().list());
            assertThat(theme).contains("light");
            assertThat(profiles).isEmpty();
        }
    }

    @Test
    void schemaVersionConstantMatchesTheNewestMigration() throws Exception {
        Path migrations = Path.of("src/main/resources/db/migration");
        int newest;
        try (var files = Files.list(migrations)) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertThat(Store.SCHEMA_VERSION).as("Store.SCHEMA_VERSION must name the newest migration").isEqualTo(newest);
    }

    @Test
    void everythingWrittenIsFoundAfterCloseAndReopen() {
        Incident declared;
        try (Store store = Store.open(dir)) {
            IncidentService incidents = service(store);
            declared = incidents.declare(Declaration.titled("Checkout 5xx spike"));
            incidents.note(declared.id(), "Pool at 100%", null);
        }
        try (Store store = Store.open(dir)) {
            var record = service(store).show(declared.id());
            assertThat(record.incident()).isEqualTo(declared);
            assertThat(record.timeline()).extracting(e -> e.text()).contains("Pool at 100%");
        }
    }

    @Test
    void timelineRowsCannotBeUpdatedOrDeletedEvenWithRawSql() throws Exception {
        try (Store store = Store.open(dir)) {
            Incident i = service(store).declare(Declaration.titled("Queue stuck"));
            try (Connection c = store.connection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE timeline_event SET text = 'rewritten'"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM timeline_event"))
                        .hasMessageContaining("append-only");
            }
            assertThat(service(store).show(i.id()).timeline()).hasSize(1);
        }
    }

    @Test
    void changeFeedReportsEachCommittedChange() {
        try (Store store = Store.open(dir)) {
            ChangeFeed feed = TestServices.on(store, "maria").build().changes();
            long before = feed.latest();
            Incident i = service(store).declare(Declaration.titled("Latency spike"));
            service(store).note(i.id(), "p99 at 4 s", null);
            assertThat(feed.latest()).isGreaterThan(before);
            assertThat(feed.since(before, 100)).extracting(ChangeFeed.Entry::entityId).containsOnly(i.id().value()).hasSize(2);
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "hello");
        assertThatThrownBy(() -> Store.open(file))
                .isInstanceOf(SitrepException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is a file")
                .extracting(e -> ((SitrepException) e).kind()).isEqualTo(SitrepException.Kind.INVALID_INPUT);
        assertThat(Files.readString(file)).isEqualTo("hello");
    }

    @Test
    void aCorruptDatabaseIsNamedAndLeftUntouched() throws Exception {
        Path db = Store.databaseFile(dir);
        byte[] garbage = new byte[64 * 1024];
        new Random(11).nextBytes(garbage);
        Files.write(db, garbage);
        String before = sha256(db);
        assertThatThrownBy(() -> Store.open(dir))
                .isInstanceOf(SitrepException.class)
                .hasMessageContaining(db.toString()).hasMessageContaining("left untouched")
                .hasMessageContaining("sitrep restore");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void aTruncatedDatabaseIsNamedAndLeftUntouched() throws Exception {
        try (Store store = Store.open(dir)) {
            service(store).declare(Declaration.titled("Before the crash"));
        }
        Path db = Store.databaseFile(dir);
        byte[] all = Files.readAllBytes(db);
        byte[] half = java.util.Arrays.copyOf(all, 6000);
        Files.write(db, half);
        String before = sha256(db);
        assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(SitrepException.class).hasMessageContaining(db.toString());
        assertThat(sha256(db)).isEqualTo(before);
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
