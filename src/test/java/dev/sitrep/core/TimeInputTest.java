package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeInputTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T14:40:00Z"), ZoneOffset.UTC);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant parse(String text) {
        return TimeInput.parse(text, NOW, BERLIN);
    }

    @Test
    void isoInstantsAndOffsetsAreExact() {
        assertThat(parse("2026-11-22T14:32:00Z")).isEqualTo(Instant.parse("2026-11-22T14:32:00Z"));
        assertThat(parse("2026-11-22T15:32+01:00")).isEqualTo(Instant.parse("2026-11-22T14:32:00Z"));
    }

    @Test
    void aTimeOfDayIsLocalUnlessMarkedUtc() {
        assertThat(parse("15:32")).isEqualTo(Instant.parse("2026-11-22T14:32:00Z"));
        assertThat(parse("14:32 UTC")).isEqualTo(Instant.parse("2026-11-22T14:32:00Z"));
        assertThat(parse("14:32Z")).isEqualTo(Instant.parse("2026-11-22T14:32:00Z"));
    }

    @Test
    void aTimeOfDayLaterThanNowMeansYesterday() {
        assertThat(parse("23:50 UTC")).isEqualTo(Instant.parse("2026-11-21T23:50:00Z"));
    }

    @Test
    void dateAndTimeAreLocalUnlessMarkedUtc() {
        assertThat(parse("2026-11-22 9:05")).isEqualTo(Instant.parse("2026-11-22T08:05:00Z"));
        assertThat(parse("2026-11-22 09:05 UTC")).isEqualTo(Instant.parse("2026-11-22T09:05:00Z"));
    }

    @Test
    void relativeTimesCountBackFromNow() {
        assertThat(parse("-15m")).isEqualTo(Instant.parse("2026-11-22T14:25:00Z"));
        assertThat(parse("1h30m ago")).isEqualTo(Instant.parse("2026-11-22T13:10:00Z"));
        assertThat(parse("now")).isEqualTo(NOW.instant());
    }

    @Test
    void unparsableTimesNameTheAcceptedForms() {
        assertThatThrownBy(() -> parse("yesterday-ish"))
                .isInstanceOf(SitrepException.class)
                .hasMessageContaining("yesterday-ish").hasMessageContaining("14:32 UTC");
        assertThatThrownBy(() -> parse("25:99")).hasMessageContaining("Cannot read the time");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
    }

    @Test
    void futureTimesAreRefused() {
        assertThatThrownBy(() -> parse("2026-11-22T16:00:00Z")).hasMessageContaining("in the future");
    }
}
