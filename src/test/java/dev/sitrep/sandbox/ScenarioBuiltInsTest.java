package dev.sitrep.sandbox;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.KillSwitchState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenarios that ship with Sitrep: each parses, says what it does, and plays to its end. */
class ScenarioBuiltInsTest {

    static final List<String> NAMES = BuiltInScenarios.NAMES;
    private Drill drill;

    @BeforeEach
    void start() throws Exception {
        drill = new Drill();
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    void theFiveAreThere() {
        assertThat(NAMES).contains("calm", "degrading-then-failing", "agents-acting-up", "auth-outage", "flaky-network");
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void parsesWithItsOwnNameAndAPlainDescription(String name) {
        Scenario s = BuiltInScenarios.load(name);
        assertThat(s.name()).isEqualTo(name);
        assertThat(s.description()).hasSizeGreaterThan(60).doesNotContain("PT");
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void playsToTheEndOnAManualClock(String name) {
        Scenario s = BuiltInScenarios.load(name);
        ScenarioPlayer player = drill.player(s);
        player.start();
        int rounds = s.repeat() == null ? 1 : s.repeat().rounds();
        Duration total = s.repeat() == null ? s.length() : s.repeat().every().multipliedBy(rounds);
        for (Duration t = Duration.ZERO; t.compareTo(total) <= 0 && !player.done().isDone(); t = t.plusSeconds(1)) {
            drill.after(Duration.ofSeconds(1), player);
        }
        assertThat(player.done()).isDone();
        long bursts = s.steps().stream().filter(st -> st.action() instanceof ScenarioAction.ErrorBurst).count();
        assertThat(drill.played).hasSize((int) (s.steps().size() + bursts) * rounds);
    }

    @Test
    void agentsActingUpHaltsItselfWhenNobodyHaltedBySixMinutes() {
        ScenarioPlayer player = drill.player(BuiltInScenarios.load("agents-acting-up"));
        player.start();
        drill.after(Duration.ofMinutes(5).plusSeconds(59), player);
        assertThat(drill.sandbox.halted()).isFalse();
        drill.after(Duration.ofSeconds(1), player);

        KillSwitchState state = drill.commander().killSwitchStatus();

        assertThat(state.halted()).isTrue();
        assertThat(state.by()).isEqualTo("system");
    }

    @Test
    void anUnknownNameListsTheBuiltInOnes() {
        assertThatThrownBy(() -> BuiltInScenarios.resolve("calmest")).isInstanceOf(SitrepException.class)
                .hasMessageContaining("'calmest'").hasMessageContaining("calm, degrading-then-failing");
    }
}
