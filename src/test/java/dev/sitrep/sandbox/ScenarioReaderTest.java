package dev.sitrep.sandbox;

import dev.sitrep.core.SitrepException;
import dev.sitrep.sandbox.SandboxServer.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading scenario files: what a good one gives, and one line naming file, step and problem for a bad one. */
class ScenarioReaderTest {

    @TempDir
    Path tmp;

    private static Scenario parse(String json) {
        return ScenarioReader.parse(json, "drill.json", "drill");
    }

    private static String withSteps(String steps) {
        return "{\"version\":1,\"name\":\"d\",\"steps\":[" + steps + "]}";
    }

    /** The message of the refusal {@code json} gets; it must be one line, exit 2, no Java in it. */
    private static String refusal(String json) {
        try {
            parse(json);
        } catch (SitrepException e) {
            assertThat(e.kind().exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").startsWith("scenario drill.json");
            return e.getMessage();
        }
        throw new AssertionError("expected a refusal for " + json);
    }

    @Test
    void aGoodFileGivesEveryActionWithItsFields() {
        Scenario s = parse("""
                {"version": 1, "name": "all", "description": "every action",
                 "steps": [
                   {"at": "PT30S", "action": "health", "value": "degraded", "note": "memory"},
                   {"at": "PT1M", "action": "fail", "fault": "server-error", "times": 5},
                   {"at": "PT1M", "action": "slow", "times": 2, "delay": "PT3S"},
                   {"at": "PT2M", "action": "error-burst", "fraction": 0.25, "for": "PT1M"},
                   {"at": "PT2M", "action": "agents", "value": "misbehaving", "count": 6},
                   {"at": "PT5M", "action": "halt", "reason": "spend limit"}
                 ]}""");
        assertThat(s.name()).isEqualTo("all");
        assertThat(s.description()).isEqualTo("every action");
        assertThat(s.steps()).extracting(Scenario.Step::action).containsExactly(
                new ScenarioAction.Health("degraded"), new ScenarioAction.Fail(Fault.SERVER_ERROR, 5),
                new ScenarioAction.Slow(2, Duration.ofSeconds(3)),
                new ScenarioAction.ErrorBurst(Fault.SERVER_ERROR, 0.25, Duration.ofMinutes(1)),
                new ScenarioAction.Agents(6), new ScenarioAction.Halt("spend limit"));
        assertThat(s.steps().get(0).note()).isEqualTo("memory");
        assertThat(s.length()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.repeat()).isNull();
    }

    @Test
    void leftOutFieldsTakeTheirDefaults() {
        Scenario s = parse(withSteps("""
                {"at": "PT0S", "action": "fail", "fault": "MALFORMED"},
                {"at": "PT0S", "action": "slow"},
                {"at": "PT0S", "action": "agents", "value": "misbehaving"}"""));
        assertThat(s.steps()).extracting(Scenario.Step::action).containsExactly(new ScenarioAction.Fail(Fault.MALFORMED, 1),
                new ScenarioAction.Slow(1, Duration.ofSeconds(15)), new ScenarioAction.Agents(4));
    }

    @Test
    void theNameDefaultsToTheFileName() throws Exception {
        Path file = Files.writeString(tmp.resolve("friday-drill.json"), "{\"version\":1,\"steps\":[]}");
        assertThat(ScenarioReader.read(file).name()).isEqualTo("friday-drill");
    }

    @Test
    void anUnknownActionNamesTheFileTheStepAndTheActions() {
        assertThat(refusal(withSteps("""
                {"at": "PT1S", "action": "health", "value": "healthy"},
                {"at": "PT2S", "action": "explode"}""")))
                .isEqualTo("scenario drill.json, step 2: unknown action \"explode\"; use one of health, fail, slow, "
                        + "error-burst, agents, halt");
    }

    @Test
    void aBadDurationNamesTheFieldAndShowsHowToWriteOne() {
        assertThat(refusal(withSteps("{\"at\": \"30s\", \"action\": \"health\", \"value\": \"healthy\"}")))
                .startsWith("scenario drill.json, step 1: bad duration \"30s\" for \"at\"").contains("\"PT30S\"");
    }

    @Test
    void aNegativeDurationIsRefused() {
        assertThat(refusal(withSteps("{\"at\": \"-PT5S\", \"action\": \"health\", \"value\": \"healthy\"}")))
                .contains("step 1").contains("negative");
    }

    @Test
    void anUnknownFaultListsTheKnownOnes() {
        assertThat(refusal(withSteps("{\"at\": \"PT1S\", \"action\": \"fail\", \"fault\": \"TIMEOUT\"}")))
                .isEqualTo("scenario drill.json, step 1: unknown fault \"TIMEOUT\"; use one of SERVER_ERROR, UNAUTHORIZED, "
                        + "SLOW, MALFORMED, RATE_LIMITED");
    }

    @Test
    void aMissingValueIsNamedWithAnExample() {
        assertThat(refusal(withSteps("{\"at\": \"PT1S\", \"action\": \"health\"}")))
                .isEqualTo("scenario drill.json, step 1: missing \"value\"; add e.g. \"value\": \"healthy\"");
    }

    @Test
    void aHealthOutsideTheThreeIsRefused() {
        assertThat(refusal(withSteps("{\"at\": \"PT1S\", \"action\": \"health\", \"value\": \"on fire\"}")))
                .contains("step 1").contains("use one of healthy, degraded, unhealthy");
    }

    @Test
    void aHaltWithoutReasonIsRefused() {
        assertThat(refusal(withSteps("{\"at\": \"PT1S\", \"action\": \"halt\"}")))
                .contains("step 1: missing \"reason\"");
    }

    @Test
    void aMissingAtIsRefused() {
        assertThat(refusal(withSteps("{\"action\": \"slow\"}"))).contains("step 1: missing \"at\"");
    }

    @Test
    void aMisspelledFieldIsNamed() {
        assertThat(refusal(withSteps("{\"at\": \"PT1S\", \"action\": \"fail\", \"fault\": \"SLOW\", \"time\": 3}")))
                .contains("step 1: unknown field \"time\"").contains("times");
    }

    @Test
    void aFractionOutsideZeroToOneIsRefused() {
        assertThat(refusal(withSteps("{\"at\": \"PT1S\", \"action\": \"error-burst\", \"fraction\": 30, \"for\": \"PT1M\"}")))
                .contains("step 1: \"fraction\" is 30").contains("0.3");
    }

    @Test
    void moreMisbehavingAgentsThanTheSandboxHasIsRefused() {
        assertThat(refusal(withSteps("{\"at\": \"PT1S\", \"action\": \"agents\", \"value\": \"misbehaving\", \"count\": 50}")))
                .contains("step 1: \"count\" is 50").contains("from 1 to 12");
    }

    @Test
    void aMissingVersionSaysWhatToAdd() {
        assertThat(refusal("{\"steps\": []}")).isEqualTo("scenario drill.json: has no \"version\"; add \"version\": 1 at the top");
    }

    @Test
    void aNewerVersionIsRefusedByName() {
        assertThat(refusal("{\"version\": 2, \"steps\": []}")).contains("has version 2").contains("reads version 1");
    }

    @Test
    void brokenJsonGivesLineAndColumn() {
        assertThat(refusal("{\"version\": 1,\n \"steps\": [ {\"at\": \"PT1S\",, } ]}"))
                .startsWith("scenario drill.json is not valid JSON (line 2, column");
    }

    @Test
    void aRepeatNotLongerThanOneRoundIsRefused() {
        assertThat(refusal("""
                {"version": 1, "steps": [{"at": "PT1M", "action": "error-burst", "fraction": 0.5, "for": "PT2M"}],
                 "repeat": {"every": "PT2M"}}""")).isEqualTo("scenario drill.json, repeat: \"every\" PT2M is not longer than "
                + "one round, which ends at PT3M; make it longer");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = tmp.resolve("nope.json");
        assertThatThrownBy(() -> ScenarioReader.read(missing)).isInstanceOf(SitrepException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aBadFileIsNamedByItsPath() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.json"), withSteps("{\"at\": \"PT1S\", \"action\": \"nap\"}"));
        assertThatThrownBy(() -> ScenarioReader.read(file))
                .hasMessageStartingWith("scenario " + file + ", step 1: unknown action \"nap\"");
    }

    @Test
    void stepsPlayInTimeOrderAndSameTimeStepsKeepTheFilesOrder() {
        Scenario s = parse(withSteps("""
                {"at": "PT2M", "action": "health", "value": "healthy"},
                {"at": "PT1M", "action": "health", "value": "unhealthy"},
                {"at": "PT1M", "action": "health", "value": "degraded"}"""));
        assertThat(s.steps()).extracting(Scenario.Step::number).containsExactly(2, 3, 1);
    }
}
