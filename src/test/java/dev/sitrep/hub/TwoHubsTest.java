package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.hub.HubClient.Answer;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.event;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.push;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub processes' worth of servers on one PostgreSQL, consoles alternating between them (as a
 * load balancer would send them) and resending every push to the other hub (as a console whose
 * answer was lost would): every change applies once, and both hubs serve the same feed, each
 * write once, in one order.
 */
class TwoHubsTest {

    private static final String INC = "INC-20261122-1432-7QF2";
    private static TestPostgres postgres;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    @Test
    void consolesAlternatingBetweenTwoHubsConvergeAndNothingIsAppliedTwice() throws Exception {
        try (HubFixture one = HubFixture.start(postgres.jdbcUrl(), Clock.systemUTC());
             HubFixture two = HubFixture.start(postgres.jdbcUrl(), Clock.systemUTC())) {
            String token = one.addPerson("maria", Role.COMMANDER);
            URI[] hubs = {one.url(), two.url()};
            assertThat(call(two.url(), "POST", "/sitrep/v1/changes",
                    push("origin-0", incident("k-inc", INC, "maria")), token).status())
                    .as("a person added through one hub's database is known to the other").isEqualTo(200);

            int consoles = 8;
            int pushes = 25;
            ExecutorService pool = Executors.newFixedThreadPool(consoles);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < consoles; c++) {
                int console = c;
                done.add(pool.submit(() -> {
                    for (int n = 0; n < pushes; n++) {
                        String body = push("origin-" + console, event("k-" + console + "-" + n, "e-" + console + "-" + n, INC, "maria"));
                        Answer first = call(hubs[(console + n) % 2], "POST", "/sitrep/v1/changes", body, token);
                        Answer resent = call(hubs[(console + n + 1) % 2], "POST", "/sitrep/v1/changes", body, token);
                        assertThat(first.json().path("results").get(0).path("outcome").asText()).isEqualTo("applied");
                        assertThat(resent.json().path("results").get(0).path("outcome").asText()).isEqualTo("duplicate");
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            int expected = 1 + consoles * pushes;
            assertThat(one.store().changeCount()).isEqualTo(expected);
            assertThat(one.store().events(INC)).hasSize(consoles * pushes);
            List<String> fromOne = feed(one.url(), token);
            List<String> fromTwo = feed(two.url(), token);
            assertThat(fromOne).hasSize(expected).doesNotHaveDuplicates().isEqualTo(fromTwo);
            Map<String, Integer> applied = new HashMap<>();
            for (int c = 0; c < consoles; c++) {
                for (int n = 0; n < pushes; n++) {
                    applied.put("k-" + c + "-" + n, one.store().timesApplied("k-" + c + "-" + n));
                }
            }
            assertThat(applied.values()).as("each key applied exactly once").allMatch(times -> times == 1);
        }
    }

    /** The whole feed read page by page (small pages, so cursors cross between pushes), as entity:id. */
    private static List<String> feed(URI hub, String token) throws Exception {
        List<String> entries = new ArrayList<>();
        String cursor = "";
        long lastSeq = 0;
        for (int page = 0; page < 1000; page++) {
            JsonNode answer = call(hub, "GET", "/sitrep/v1/changes?limit=17&since=" + cursor, null, token).json();
            for (JsonNode e : answer.path("changes")) {
                assertThat(e.path("seq").asLong()).as("feed order").isGreaterThan(lastSeq);
                lastSeq = e.path("seq").asLong();
                entries.add(e.path("entity").asText() + ":" + e.path("id").asText());
            }
            cursor = answer.path("cursor").asText();
            if (!answer.path("more").asBoolean()) {
                return entries;
            }
        }
        throw new AssertionError("the feed did not end in 1000 pages");
    }
}
