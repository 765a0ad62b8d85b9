package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.PlatformUrl;
import dev.sitrep.platform.powernode.PowernodeConnector;
import dev.sitrep.testing.TestClock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A sandbox on loopback, a hand-moved clock, a scheduler whose wake-ups never come during a test
 * (they are as far away in real time as the steps are in scenario time), the commander's
 * Powernode connector, and the lines the player reported.
 */
final class Drill implements AutoCloseable {

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    final SandboxServer sandbox;
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final List<ScenarioPlayer.Played> played = new ArrayList<>();
    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Drill() throws IOException {
        sandbox = SandboxServer.start(0, clock, Duration.ofHours(12));
    }

    ScenarioPlayer player(Scenario scenario) {
        return new ScenarioPlayer(scenario, sandbox, clock, scheduler, played::add);
    }

    ScenarioPlayer play(String json) {
        ScenarioPlayer player = player(ScenarioReader.parse(json, "test.json", "test"));
        player.start();
        return player;
    }

    /** Moves the clock on and lets the player catch up, as its scheduler would. */
    void after(Duration d, ScenarioPlayer player) {
        clock.advance(d);
        player.tick();
    }

    PowernodeConnector commander() {
        JsonHttp http = new JsonHttp("pn", PlatformUrl.parse(sandbox.url().toString()),
                JsonHttp.client(null, Duration.ofSeconds(5)), PowernodeConnector::errorMessage);
        return new PowernodeConnector("pn", http, SandboxServer.EMAIL, () -> SandboxServer.PASSWORD, clock);
    }

    /** The HTTP status of a plain GET, for counting which requests a fault hits. */
    int status(String path) throws IOException, InterruptedException {
        return raw.send(HttpRequest.newBuilder(URI.create(sandbox.url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** GET /api/v1/ai/kill_switch/status as the commander, the whole answer: the connector keeps only part of it. */
    JsonNode killSwitchStatusJson() throws IOException, InterruptedException {
        String login = "{\"email\":\"" + SandboxServer.EMAIL + "\",\"password\":\"" + SandboxServer.PASSWORD + "\"}";
        String token = Json.MAPPER.readTree(raw.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("data").path("access_token").asText();
        return Json.MAPPER.readTree(raw.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/api/v1/ai/kill_switch/status"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    List<String> lines() {
        return played.stream().map(ScenarioPlayer.Played::what).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        sandbox.close();
    }
}
