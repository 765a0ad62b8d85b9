package dev.sitrep.hub;

import dev.sitrep.hub.HubClient.Answer;
import dev.sitrep.testing.TcpProxy;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.event;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.push;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What goes wrong around a hub on PostgreSQL: the database goes away (a real TCP proxy in front of
 * it is cut) and comes back; bad pushes; a stop while a push is in flight.
 */
class HubFaultsTest {

    private static final String ORIGIN = "c0a8017e-0000-4000-8000-00000000000a";
    private static final String INC = "INC-20261122-1432-7QF2";
    private static TestPostgres postgres;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private TcpProxy proxy;
    private HubFixture hub;
    private String maria;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    @BeforeEach
    void start() throws Exception {
        proxy = TcpProxy.start("127.0.0.1", 5432);
        hub = HubFixture.start(postgres.jdbcUrlThrough(proxy.port()), clock);
        hub.wipe();
        maria = hub.addPerson("maria", Role.COMMANDER);
    }

    @AfterEach
    void stop() {
        hub.close();
        proxy.close();
    }

    @Test
    void theDatabaseDownIs503DatabaseUnavailableAndTheHubServesAgainWhenItIsBack() throws Exception {
        assertThat(call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, incident("k1", INC, "maria")), maria).status())
                .isEqualTo(200);

        proxy.cut();
        long start = System.nanoTime();
        Answer push = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, event("k2", "e1", INC, "maria")), maria);
        Answer pull = call(hub.url(), "GET", "/sitrep/v1/changes", null, maria);
        Answer ready = call(hub.url(), "GET", "/readyz", null, null);
        Answer alive = call(hub.url(), "GET", "/healthz", null, null);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(push.status()).isEqualTo(503);
        assertThat(push.error()).startsWith("database unavailable").contains("Nothing was applied").doesNotContain("postgres?user");
        assertThat(pull.status()).isEqualTo(503);
        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.json().path("database").asText()).isEqualTo("unavailable");
        assertThat(alive.status()).as("the process itself is alive").isEqualTo(200);
        assertThat(took).as("answered promptly, not after a TCP timeout").isLessThan(Duration.ofSeconds(15));

        proxy.restore();
        Answer again = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, event("k2", "e1", INC, "maria")), maria);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("results").get(0).path("outcome").asText()).isEqualTo("applied");
        assertThat(hub.store().events(INC)).containsOnlyKeys("e1");
        assertThat(call(hub.url(), "GET", "/readyz", null, null).status()).isEqualTo(200);
    }

    @Test
    void badPushesAre4xxNamingTheProblemAndNothingIsHalfApplied() throws Exception {
        call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, incident("k1", INC, "maria")), maria);
        int before = hub.store().changeCount();

        Answer garbage = call(hub.url(), "POST", "/sitrep/v1/changes", "{\"origin\": \"x\", \"changes\": [", maria);
        Answer oversized = call(hub.url(), "POST", "/sitrep/v1/changes",
                push(ORIGIN, event("k2", "e1", INC, "maria"), event("k3", "e2", INC, "x".repeat(5 << 20))), maria);
        Answer secondBad = call(hub.url(), "POST", "/sitrep/v1/changes",
                push(ORIGIN, event("k4", "e3", INC, "maria"), "{\"key\": \"k5\", \"entity\": \"event\"}"), maria);

        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.error()).contains("not JSON");
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.error()).contains("MiB");
        assertThat(secondBad.status()).isEqualTo(400);
        assertThat(secondBad.error()).contains("change 2 (counted from 1)");
        assertThat(hub.store().changeCount()).as("nothing of any of them applied").isEqualTo(before);
    }

    @Test
    void aStopLetsThePushInFlightFinishAndAnswersNewRequests503() throws Exception {
        call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, incident("k1", INC, "maria")), maria);
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight;
        CompletableFuture<Void> stopping;
        try (Connection holder = java.sql.DriverManager.getConnection(postgres.jdbcUrl())) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT id FROM hub_write_lock WHERE id = 1 FOR UPDATE").close();
            }
            inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(hub.url() + "/sitrep/v1/changes"))
                    .header("Authorization", "Bearer " + maria)
                    .POST(HttpRequest.BodyPublishers.ofString(push(ORIGIN, event("k2", "e1", INC, "maria")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (hub.server().inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(hub.server().inFlight()).as("the push waits on the database's write lock").isEqualTo(1);
            stopping = CompletableFuture.runAsync(() -> hub.server().close());
            Thread.sleep(200);

            Answer late = call(hub.url(), "GET", "/sitrep/v1/changes", null, maria);

            assertThat(late.status()).isEqualTo(503);
            assertThat(late.error()).contains("the hub is stopping");
            holder.rollback();
        }
        HttpResponse<String> finished = inFlight.get();
        stopping.get();

        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).contains("\"applied\"");
        assertThat(hub.store().events(INC)).containsOnlyKeys("e1");
    }
}
