package dev.sitrep.cli;

import dev.sitrep.sandbox.BuiltInScenarios;
import dev.sitrep.sandbox.Scenario;
import dev.sitrep.sandbox.ScenarioAction;
import dev.sitrep.sandbox.ScenarioPlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** sitrep sandbox --list-scenarios / --scenario, in-process. */
class SandboxScenarioCliTest {

    @TempDir
    Path tmp;

    private CliRunner cli() {
        return new CliRunner(tmp.resolve("data"));
    }

    private static void assertRefused(CliRunner.Result r, String... fragments) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("sitrep: ").doesNotContain("Exception");
        assertThat(r.err()).contains(fragments);
        assertThat(r.out()).as("nothing started").doesNotContain("Sandbox platform");
    }

    @Test
    void listScenariosShowsEachBuiltInWithItsDescription() {
        CliRunner.Result r = cli().run("sandbox", "--list-scenarios");
        assertThat(r.code()).as(r.toString()).isZero();
        for (Scenario s : BuiltInScenarios.all()) {
            assertThat(r.out()).contains("  " + s.name() + "  (").contains(s.description());
        }
        assertThat(r.out()).contains("flaky-network  (03:30, 3 rounds of 04:00)");
    }

    @Test
    void aBadScenarioFileIsExit2WithOneLineNamingTheFileTheStepAndTheProblem() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.json"), """
                {"version": 1, "name": "bad", "steps": [
                  {"at": "PT10S", "action": "health", "value": "degraded"},
                  {"at": "PT20S", "action": "fail", "fault": "TEAPOT", "times": 3}
                ]}""");
        assertRefused(cli().run("sandbox", "--scenario", file.toString()),
                "scenario " + file + ", step 2: unknown fault \"TEAPOT\"; use one of SERVER_ERROR");
    }

    @Test
    void anUnknownScenarioNameIsExit2ListingTheBuiltInOnes() {
        assertRefused(cli().run("sandbox", "--scenario", "meltdown"), "'meltdown'", "calm, degrading-then-failing");
    }

    @Test
    void aMissingScenarioFileIsExit2NamingIt() {
        assertRefused(cli().run("sandbox", "--scenario", "drills/missing.json"), "drills/missing.json", "does not exist");
    }

    @Test
    void listAndPlayTogetherIsExit2() {
        assertRefused(cli().run("sandbox", "--list-scenarios", "--scenario", "calm"), "--scenario alone");
    }

    @Test
    void aPlayedStepIsOneLineWithOffsetTimesStepAndNote() {
        Instant start = Instant.parse("2026-11-22T14:32:00Z");
        var step = new Scenario.Step(2, Duration.ofSeconds(90), new ScenarioAction.Health("degraded"), "memory runs high");
        var played = new ScenarioPlayer.Played(start.plusSeconds(90), Duration.ofSeconds(90), 1, step, "health: degraded");

        assertThat(SandboxCommand.line(played, start, ZoneId.of("Europe/Berlin"), false))
                .isEqualTo("+01:30  14:33:30 UTC (15:33:30 local)  step 2  health: degraded - memory runs high");
        assertThat(SandboxCommand.line(played, start, ZoneOffset.UTC, true))
                .isEqualTo("+01:30  14:33:30 UTC  round 1  step 2  health: degraded - memory runs high");
    }
}
