package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.team.SitrepContractTest;
import dev.sitrep.team.TeamView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sitrep contract on the sandbox, and what only the sandbox does: health and halts on cue, a lost answer, seeding. */
class SandboxContractTest extends SitrepContractTest {

    private SandboxServer sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxServer.start(0, clock, Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Override
    protected URI url() {
        return sandbox.url();
    }

    @Override
    protected String token() {
        return SandboxServer.TEAM_TOKEN;
    }

    @Override
    protected TeamView team() {
        return sandbox.team();
    }

    @Override
    protected String platformName() {
        return "sandbox";
    }

    @Test
    void aHaltThroughTheContractShowsInThePowernodeView() throws Exception {
        post("kill-switch/halt", "{\"reason\": \"agents looping\", \"actor\": \"maria\"}");
        assertThat(sandbox.halted()).isTrue();

        post("kill-switch/resume", "{\"mode\": \"full\", \"actor\": \"maria\"}");
        assertThat(sandbox.halted()).isFalse();
    }

    @Test
    void healthIsTheSandboxsOwnAndA503WhileUnhealthy() throws Exception {
        sandbox.setHealth("unhealthy");

        HttpResponse<String> health = get("health");

        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json(health).path("status").asText()).isEqualTo("unhealthy");
        assertThat(json(health).path("detail").asText()).isNotBlank();
    }

    @Test
    void aHaltBySystemShowsInTheSitrepView() throws Exception {
        sandbox.haltBySystem("automatic safety");

        JsonNode state = json(get("kill-switch"));

        assertThat(state.path("halted").asBoolean()).isTrue();
        assertThat(state.path("by").asText()).isEqualTo("system");
        assertThat(state.path("reason").asText()).isEqualTo("automatic safety");
    }

    @Test
    void aPushWhoseAnswerWasLostToATimeoutIsAppliedOnceWhenSentAgain() throws Exception {
        createIncident(A, "k1");
        String body = pushBody(A, List.of(change("k2", "event", "e1", 0, event(INC, "slow"))));
        sandbox.setSlowDelay(Duration.ofMillis(500));
        sandbox.misbehave(SandboxServer.Fault.SLOW, 1);
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(sandbox.url() + "/sitrep/v1/changes"))
                .timeout(Duration.ofMillis(100)).header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        assertThatThrownBy(() -> http.send(impatient, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sandbox.team().timesApplied("k2") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        JsonNode resent = push(A, change("k2", "event", "e1", 0, event(INC, "slow"))).get(0);

        assertThat(resent.path("outcome").asText()).isEqualTo("duplicate");
        assertThat(sandbox.team().timesApplied("k2")).isEqualTo(1);
        assertThat(sandbox.team().events(INC)).hasSize(1);
    }

    @Test
    void tenThousandSeededIncidentsWithTenEventsEachPageWhole() throws Exception {
        long started = System.nanoTime();
        List<String> seeded = sandbox.team().seed(10_000, 10, 42);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(seeded).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(sandbox.team().events(seeded.get(0))).hasSize(10);
        int pages = 0;
        long seen = 0;
        long lastSeq = 0;
        Set<String> incidents = new HashSet<>();
        String cursor = "";
        boolean more = true;
        while (more) {
            JsonNode page = feed("?since=" + cursor + "&limit=1000");
            for (JsonNode c : page.path("changes")) {
                assertThat(c.path("seq").asLong()).isEqualTo(lastSeq + 1);
                assertThat(c.path("origin").asText()).isEqualTo(TeamStore.SEED_ORIGIN);
                lastSeq = c.path("seq").asLong();
                if (c.path("entity").asText().equals("incident")) {
                    incidents.add(c.path("id").asText());
                }
                seen++;
            }
            cursor = page.path("cursor").asText();
            more = page.path("more").asBoolean();
            pages++;
        }
        assertThat(seen).isEqualTo(110_000);
        assertThat(pages).isEqualTo(110);
        assertThat(incidents).isEqualTo(Set.copyOf(seeded));
        assertThat(seeded.stream().map(id -> id.substring(0, 17)).collect(Collectors.toSet()))
                .as("one incident a minute").hasSize(10_000);
    }
}
