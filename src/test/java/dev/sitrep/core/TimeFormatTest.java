package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TimeFormatTest {

    @Test
    void stampShowsUtcThenLocalWithTheDate() {
        assertThat(TimeFormat.stamp(Instant.parse("2026-11-22T14:32:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("14:32 UTC (15:32 CET) · 22 Nov 2026");
    }

    @Test
    void stampLeavesOutLocalWhenLocalIsUtc() {
        assertThat(TimeFormat.stamp(Instant.parse("2026-11-22T14:32:00Z"), ZoneOffset.UTC))
                .isEqualTo("14:32 UTC · 22 Nov 2026");
    }

    @Test
    void stampNamesTheLocalDayWhenItDiffers() {
        assertThat(TimeFormat.stamp(Instant.parse("2026-11-22T23:30:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("23:30 UTC (00:30 CET, 23 Nov) · 22 Nov 2026");
    }

    @Test
    void elapsedReadsAsHoursAndPaddedMinutes() {
        assertThat(TimeFormat.elapsed(Duration.ofSeconds(38))).isEqualTo("38s");
        assertThat(TimeFormat.elapsed(Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(TimeFormat.elapsed(Duration.ofMinutes(67))).isEqualTo("1h 07m");
        assertThat(TimeFormat.elapsed(Duration.ofHours(51))).isEqualTo("2d 03h");
    }

    @Test
    void countdownGoesNegativeWhenOverdue() {
        assertThat(TimeFormat.countdown(Duration.ofSeconds(252))).isEqualTo("04:12");
        assertThat(TimeFormat.countdown(Duration.ofSeconds(-130))).isEqualTo("-02:10");
        assertThat(TimeFormat.countdown(Duration.ofSeconds(3852))).isEqualTo("1:04:12");
    }
}
