package dev.sitrep.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(new Random(5));

    @Test
    void aReachablePlatformKeepsItsInterval() {
        assertThat(backoff.next(0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void failuresDoubleFromFiveSecondsWithJitter() {
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.next(1, Duration.ofSeconds(30))).isBetween(Duration.ofMillis(2500), Duration.ofMillis(7500));
            assertThat(backoff.next(3, Duration.ofSeconds(30))).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }

    @Test
    void theWaitIsCappedAtFiveMinutesPlusJitter() {
        for (int i = 0; i < 50; i++) {
            assertThat(backoff.next(40, Duration.ofSeconds(30))).isBetween(Duration.ofSeconds(150), Duration.ofSeconds(450));
        }
    }
}
