package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.testing.HeadlessChromium;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.push;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The war-room TV on the hub alone: a real headless Chromium opens the hub's /wall with a viewer's
 * token in the URL (a hub on PostgreSQL, incidents pushed through the contract as consoles push
 * them) and shows each incident's id, title and severity; an incident pushed later appears on the
 * open page within a few seconds, carried by the page's own event stream; a wrong or revoked token
 * gets the 401 page saying what to do.
 */
class HubWallBrowserTest {

    private static final String ORIGIN = "c0a8017e-0000-4000-8000-00000000000b";
    private static final String FIRST = "INC-20261122-1432-7QF2";
    private static final String SECOND = "INC-20261122-1440-9XK4";
    private static TestPostgres postgres;
    private HubFixture hub;
    private String lee;
    private String tv;

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
        hub = HubFixture.start(postgres.jdbcUrl(), Clock.systemUTC());
        hub.wipe();
        lee = hub.addPerson("lee", Role.RESPONDER);
        tv = hub.addPerson("war-room-tv", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private void pushAsLee(String change) throws Exception {
        HubClient.Answer a = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, change), lee);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().path("results").get(0).path("outcome").asText()).isEqualTo("applied");
    }

    private static String wallText(HeadlessChromium chromium) throws Exception {
        return chromium.evaluate("document.getElementById('wall') ? document.getElementById('wall').innerText : "
                + "document.body.innerText", Duration.ofSeconds(5)).asText();
    }

    @Test
    void aViewersTokenShowsTheHubsIncidentsAndANewPushAppearsLive() throws Exception {
        pushAsLee(incident("k1", FIRST, "lee", "Checkout 5xx <b>spike</b>", "SEV1"));

        try (HeadlessChromium chromium = HeadlessChromium.open(hub.url() + "/wall?token=" + tv)) {
            assertThat(chromium.evaluate("document.title", Duration.ofSeconds(5)).asText()).isEqualTo("Sitrep wall");
            String shown = wallText(chromium);
            assertThat(shown).contains(FIRST).contains("Checkout 5xx <b>spike</b>").contains("SEV1");
            assertThat(chromium.evaluate("document.querySelector('#wall .chip').textContent", Duration.ofSeconds(5))
                    .asText()).isEqualTo("SEV1");
            assertThat(chromium.evaluate("document.querySelectorAll('#wall b').length", Duration.ofSeconds(5)).asInt())
                    .as("a title is text, never markup").isZero();
            assertThat(chromium.evaluate("document.documentElement.outerHTML.includes('" + tv + "')",
                    Duration.ofSeconds(5)).asBoolean()).as("the token is never written into the page").isFalse();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hub.server().openWalls() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(hub.server().openWalls()).as("the page's script opened /wall/events with the token").isEqualTo(1);

            CompletableFuture<JsonNode> seen = chromium.evaluateAsync("new Promise(r => {"
                    + " const wall = document.getElementById('wall');"
                    + " const check = () => { if (wall.textContent.includes('" + SECOND + "')) r(Date.now()); };"
                    + " new MutationObserver(check).observe(wall, {childList: true, subtree: true, characterData: true});"
                    + " check(); })");
            Thread.sleep(500);
            long pushedAt = System.currentTimeMillis();
            pushAsLee(incident("k2", SECOND, "lee", "Search latency in eu-west", "SEV3"));
            long shownAt = seen.get(5, TimeUnit.SECONDS).asLong();
            System.out.println("hub wall: push -> text in Chromium's DOM: " + (shownAt - pushedAt) + " ms");
            assertThat(shownAt - pushedAt).isBetween(0L, 5000L);

            String after = wallText(chromium);
            assertThat(after).contains("Search latency in eu-west").contains("SEV3").contains("2 active");
            assertThat(after.indexOf(FIRST)).as("most severe first").isLessThan(after.indexOf(SECOND));
        }
        assertThat(hub.accessLog()).contains("war-room-tv GET /wall 200").contains("war-room-tv GET /wall/events 200")
                .doesNotContain(tv);
    }

    @Test
    void aWrongOrRevokedTokenGetsThe401PageSayingWhatToDo() throws Exception {
        pushAsLee(incident("k1", FIRST, "lee", "Checkout 5xx spike", "SEV1"));
        String guess = "sitrep_hub_not-a-token-this-hub-gave";
        try (HeadlessChromium chromium = HeadlessChromium.open(hub.url() + "/wall?token=" + guess)) {
            String text = wallText(chromium);
            assertThat(text).startsWith("Wrong token: this hub knows no one by it.")
                    .contains("/wall?token=YOUR-TOKEN").contains("sitrep hub person add war-room-tv --role viewer")
                    .doesNotContain(guess).doesNotContain("Checkout");
        }
        assertThat(hub.revoke("war-room-tv")).isTrue();
        try (HeadlessChromium chromium = HeadlessChromium.open(hub.url() + "/wall?token=" + tv)) {
            assertThat(wallText(chromium)).startsWith("This token was revoked (war-room-tv's, on ")
                    .contains("sitrep hub person add NAME --role viewer").doesNotContain("Checkout");
        }
    }
}
