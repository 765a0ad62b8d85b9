package dev.sitrep.sync;

import dev.sitrep.core.PlatformProfile.Environment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sitrep.core.Escalation.Level.KILL_SWITCH;
import static dev.sitrep.core.Escalation.Level.NONE;
import static dev.sitrep.core.Escalation.Level.ROLLBACK;
import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private static dev.sitrep.core.Escalation.Level decide(Environment e, Boolean... checks) {
        return EscalationPolicy.decide(e, List.of(checks)).level();
    }

    @Test
    void productionEscalatesOnTheFirstFailure() {
        assertThat(decide(Environment.PRODUCTION, true, true, true)).isEqualTo(NONE);
        assertThat(decide(Environment.PRODUCTION, true, true, false)).isEqualTo(KILL_SWITCH);
    }

    @Test
    void stagingNeedsTwoInARow() {
        assertThat(decide(Environment.STAGING, true, false, true, false)).isEqualTo(NONE);
        assertThat(decide(Environment.STAGING, true, true, false, false)).isEqualTo(KILL_SWITCH);
    }

    @Test
    void developmentNeedsThreeInARow() {
        assertThat(decide(Environment.DEVELOPMENT, true, true, false, false)).isEqualTo(NONE);
        assertThat(decide(Environment.DEVELOPMENT, true, true, false, false, false)).isEqualTo(ROLLBACK);
    }

    @Test
    void rollbackNeedsThreeFailuresInTheLastFiveAboveTheRate() {
        assertThat(decide(Environment.PRODUCTION, false, true, false, true, true)).isEqualTo(NONE);
        assertThat(decide(Environment.PRODUCTION, false, true, false, true, false)).isEqualTo(ROLLBACK);
        assertThat(decide(Environment.STAGING, false, true, false, true, false)).isEqualTo(ROLLBACK);
        // development: 3 of 5 is 60%, above 50%
        assertThat(decide(Environment.DEVELOPMENT, false, true, false, true, false)).isEqualTo(ROLLBACK);
    }

    @Test
    void onlyTheLastFiveChecksCount() {
        assertThat(decide(Environment.STAGING, false, false, false, true, true, true, true, true)).isEqualTo(NONE);
    }

    @Test
    void theReasonSaysWhatAndWhat() {
        assertThat(EscalationPolicy.decide(Environment.PRODUCTION, List.of(true, false)).why())
                .isEqualTo("1 failed health check in a row on production: consider the kill switch");
        assertThat(EscalationPolicy.decide(Environment.PRODUCTION, List.of(false, false, false)).why())
                .contains("3 of the last 3").contains("rolling back");
    }
}
