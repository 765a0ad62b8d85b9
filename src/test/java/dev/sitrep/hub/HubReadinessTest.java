package dev.sitrep.hub;

import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static dev.sitrep.hub.HubClient.call;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub whose database answers and is migrated says so on {@code /readyz} and in the contract's
 * health, on both databases: Flyway names its history table in lower case and, on H2, quotes it,
 * so the readiness query must name it exactly as Flyway does.
 */
class HubReadinessTest {

    @TempDir
    Path dataDir;

    @Test
    void aHubOnTheEmbeddedH2FileIsReadyAndHealthy() throws Exception {
        try (HubFixture hub = HubFixture.start(HubDatabase.embeddedUrl(dataDir), Clock.systemUTC())) {
            assertReadyAndHealthy(hub);
        }
    }

    @Test
    void aHubOnPostgresqlIsReadyAndHealthy() throws Exception {
        try (TestPostgres postgres = TestPostgres.create();
             HubFixture hub = HubFixture.start(postgres.jdbcUrl(), Clock.systemUTC())) {
            assertReadyAndHealthy(hub);
        }
    }

    private static void assertReadyAndHealthy(HubFixture hub) throws Exception {
        String token = hub.addPerson("vic", Role.VIEWER);
        HubClient.Answer ready = call(hub.url(), "GET", "/readyz", null, null);
        HubClient.Answer health = call(hub.url(), "GET", "/sitrep/v1/health", null, token);

        assertThat(ready.status()).as(ready.json().toString()).isEqualTo(200);
        assertThat(ready.json().path("ready").asBoolean()).isTrue();
        assertThat(health.status()).as(health.json().toString()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("healthy");
    }
}
