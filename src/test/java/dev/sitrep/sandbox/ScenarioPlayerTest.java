package dev.sitrep.sandbox;

import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.powernode.PowernodeConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The player against a real sandbox on loopback, watched through the Powernode connector. */
class ScenarioPlayerTest {

    private Drill drill;

    @BeforeEach
    void start() throws Exception {
        drill = new Drill();
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    private static String scenario(String steps) {
        return "{\"version\":1,\"name\":\"t\",\"steps\":[" + steps + "]}";
    }

    @Test
    void aStepHappensWhenTheClockReachesItsOffsetAndNotBefore() {
        ScenarioPlayer player = drill.play(scenario("{\"at\":\"PT30S\",\"action\":\"health\",\"value\":\"degraded\"}"));
        PowernodeConnector pn = drill.commander();
        drill.after(Duration.ofSeconds(29), player);
        assertThat(pn.health().status()).isEqualTo(Health.Status.HEALTHY);
        assertThat(drill.played).isEmpty();

        drill.after(Duration.ofSeconds(1), player);

        assertThat(pn.health().status()).isEqualTo(Health.Status.DEGRADED);
        assertThat(drill.played).singleElement().satisfies(p -> {
            assertThat(p.at()).isEqualTo(drill.clock.instant());
            assertThat(p.what()).isEqualTo("health: degraded");
        });
        assertThat(player.done()).isDone();
    }

    @Test
    void aLateTickPlaysEveryDueStepInTheirOrder() {
        ScenarioPlayer player = drill.play(scenario("""
                {"at":"PT2M","action":"health","value":"healthy"},
                {"at":"PT30S","action":"health","value":"degraded"},
                {"at":"PT1M","action":"health","value":"unhealthy"}"""));

        drill.after(Duration.ofMinutes(10), player);

        assertThat(drill.lines()).containsExactly("health: degraded", "health: unhealthy", "health: healthy");
        assertThat(drill.played).extracting(p -> p.step().number()).containsExactly(2, 3, 1);
        assertThat(drill.played).extracting(ScenarioPlayer.Played::offset)
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2));
    }

    @Test
    void theNextWakeUpIsTheNextStepsTime() {
        var start = drill.clock.instant();
        ScenarioPlayer player = drill.play(scenario("""
                {"at":"PT0S","action":"health","value":"degraded"},
                {"at":"PT45S","action":"health","value":"healthy"}"""));
        assertThat(drill.lines()).as("offset zero plays at start").containsExactly("health: degraded");
        assertThat(player.nextDue()).isEqualTo(start.plusSeconds(45));
    }

    @Test
    void unhealthyMakesTheConnectorSeeTheDatabaseDownAndNotReady() {
        ScenarioPlayer player = drill.play(scenario("{\"at\":\"PT1S\",\"action\":\"health\",\"value\":\"unhealthy\"}"));
        drill.after(Duration.ofSeconds(1), player);
        Health health = drill.commander().health();
        assertThat(health.status()).isEqualTo(Health.Status.UNHEALTHY);
        assertThat(health.checks()).containsEntry("database", "down");
    }

    @Test
    void failServesTheFaultForTheNextNRequestsThenAnswersAgain() {
        PowernodeConnector pn = drill.commander();
        ScenarioPlayer player = drill.play(scenario("{\"at\":\"PT10S\",\"action\":\"fail\",\"fault\":\"SERVER_ERROR\",\"times\":2}"));
        drill.after(Duration.ofSeconds(10), player);

        assertThatThrownBy(pn::health).isInstanceOf(PlatformException.class).hasMessageContaining("HTTP 500");
        assertThatThrownBy(pn::health).isInstanceOf(PlatformException.class).hasMessageContaining("HTTP 500");
        assertThat(pn.health().status()).isEqualTo(Health.Status.HEALTHY);
        assertThat(drill.lines()).containsExactly("fail: the next 2 requests get HTTP 500");
    }

    @Test
    void slowMakesTheNextAnswerWaitItsDelay() {
        PowernodeConnector pn = drill.commander();
        drill.play(scenario("{\"at\":\"PT0S\",\"action\":\"slow\",\"times\":1,\"delay\":\"PT0.4S\"}"));

        long began = System.nanoTime();
        assertThat(pn.health().status()).isEqualTo(Health.Status.HEALTHY);
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        assertThat(tookMillis).isGreaterThanOrEqualTo(400);
        assertThat(drill.lines()).containsExactly("slow: the next request waits 400 ms before answering");
    }

    @Test
    void anErrorBurstFailsItsFractionOfRequestsUntilItEnds() throws Exception {
        ScenarioPlayer player = drill.play(scenario(
                "{\"at\":\"PT0S\",\"action\":\"error-burst\",\"fraction\":0.5,\"for\":\"PT1M\"}"));
        List<Integer> during = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            during.add(drill.status("/api/v1/health"));
        }
        assertThat(during).containsExactly(200, 500, 200, 500, 200, 500);

        drill.after(Duration.ofMinutes(1), player);

        for (int i = 0; i < 4; i++) {
            assertThat(drill.status("/api/v1/health")).isEqualTo(200);
        }
        assertThat(drill.lines()).containsExactly("error-burst: 50% of requests get HTTP 500 for 60 s",
                "error-burst over: requests answer normally again");
    }

    @Test
    void misbehavingAgentsShowInDetailedHealthAndInTheHaltsImpact() {
        PowernodeConnector pn = drill.commander();
        ScenarioPlayer player = drill.play(scenario(
                "{\"at\":\"PT20S\",\"action\":\"agents\",\"value\":\"misbehaving\",\"count\":4}"));
        assertThat(pn.health().checks()).containsEntry("agents", "ok");
        drill.after(Duration.ofSeconds(20), player);

        assertThat(pn.health().checks()).containsEntry("agents", "misbehaving");
        pn.halt("agents repeating refunds", "maria");

        assertThat(pn.health().checks()).as("halting pauses them").containsEntry("agents", "paused");
        assertThat(pn.killSwitchEvents(1).get(0).impact()).contains("\"agents_misbehaving\":4")
                .contains("\"agents_paused\":12");
    }

    @Test
    void misbehavingAgentsShowInTheKillSwitchStatusImpactNumbers() throws Exception {
        drill.play(scenario("{\"at\":\"PT0S\",\"action\":\"agents\",\"value\":\"misbehaving\",\"count\":3}"));
        var status = drill.killSwitchStatusJson();

        assertThat(status.path("data").path("impact").path("agents_misbehaving").asInt()).isEqualTo(3);
        assertThat(status.path("data").path("impact").path("agents_running").asInt()).isEqualTo(SandboxServer.AGENTS);
    }

    @Test
    void agentsBackToNormalClearTheCheck() {
        ScenarioPlayer player = drill.play(scenario("""
                {"at":"PT0S","action":"agents","value":"misbehaving"},
                {"at":"PT1M","action":"agents","value":"normal"}"""));
        drill.after(Duration.ofMinutes(1), player);
        assertThat(drill.commander().health().checks()).containsEntry("agents", "ok");
        assertThat(drill.lines()).containsExactly("agents: misbehaving (4 acting up)", "agents: normal");
    }

    @Test
    void theScenariosHaltIsTriggeredBySystemWithItsReason() {
        ScenarioPlayer player = drill.play(scenario(
                "{\"at\":\"PT6M\",\"action\":\"halt\",\"reason\":\"automatic safety: spend limit\"}"));
        drill.after(Duration.ofMinutes(6), player);

        KillSwitchState state = drill.commander().killSwitchStatus();

        assertThat(state.halted()).isTrue();
        assertThat(state.by()).isEqualTo("system");
        assertThat(state.reason()).isEqualTo("automatic safety: spend limit");
        assertThat(state.since()).isEqualTo(drill.clock.instant());
    }

    @Test
    void aHaltWhenTheCommanderAlreadyHaltedChangesNothingAndSaysSo() {
        PowernodeConnector pn = drill.commander();
        ScenarioPlayer player = drill.play(scenario("{\"at\":\"PT6M\",\"action\":\"halt\",\"reason\":\"safety\"}"));
        pn.halt("agents acting up", "maria");

        drill.after(Duration.ofMinutes(6), player);

        assertThat(pn.killSwitchStatus().reason()).isEqualTo("agents acting up");
        assertThat(drill.lines()).singleElement().asString().contains("already halted").contains("nothing changed");
    }

    @Test
    void repeatPlaysEachRoundAtItsOffsetThenFinishes() {
        var start = drill.clock.instant();
        ScenarioPlayer player = drill.play("""
                {"version":1,"name":"r","steps":[{"at":"PT10S","action":"fail","fault":"MALFORMED"}],
                 "repeat":{"every":"PT1M","times":2}}""");
        drill.after(Duration.ofSeconds(10), player);
        assertThat(player.nextDue()).isEqualTo(start.plusSeconds(70));
        drill.after(Duration.ofSeconds(59), player);
        assertThat(drill.played).hasSize(1);
        drill.after(Duration.ofSeconds(1), player);

        assertThat(drill.played).extracting(ScenarioPlayer.Played::round).containsExactly(1, 2);
        assertThat(drill.played).extracting(ScenarioPlayer.Played::at)
                .containsExactly(start.plusSeconds(10), start.plusSeconds(70));
        assertThat(player.done()).isDone();
    }

    @Test
    void aScenarioWithoutStepsIsDoneAtStart() {
        ScenarioPlayer player = drill.play(scenario(""));
        assertThat(player.done()).isDone();
        assertThat(player.nextDue()).isNull();
    }

    @Test
    void afterCloseNothingMorePlays() {
        ScenarioPlayer player = drill.play(scenario("{\"at\":\"PT1S\",\"action\":\"health\",\"value\":\"degraded\"}"));
        player.close();
        drill.after(Duration.ofMinutes(1), player);
        assertThat(drill.played).isEmpty();
    }

    @Test
    void onARealClockTheSchedulerWakesThePlayerForEachStep() throws Exception {
        Scenario scenario = ScenarioReader.parse(scenario("""
                {"at":"PT0.1S","action":"health","value":"degraded"},
                {"at":"PT0.2S","action":"health","value":"healthy"}"""), "real.json", "real");
        List<ScenarioPlayer.Played> played = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScenarioPlayer player = new ScenarioPlayer(scenario, drill.sandbox, Clock.systemUTC(), drill.scheduler, played::add);

        player.start();

        player.done().get(5, TimeUnit.SECONDS);
        assertThat(played).extracting(ScenarioPlayer.Played::what).containsExactly("health: degraded", "health: healthy");
    }
}
