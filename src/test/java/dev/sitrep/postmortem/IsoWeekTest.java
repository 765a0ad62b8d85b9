package dev.sitrep.postmortem;

import dev.sitrep.core.SitrepException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ISO weeks as the digest reads them: strict {@code YYYY-Www}, Monday 00:00 UTC to the next Monday. */
class IsoWeekTest {

    @Test
    void aWeekRunsFromMondayMidnightUtcToTheNextMonday() {
        IsoWeek w = IsoWeek.parse("2026-W47");
        assertThat(w.start()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(w.days()).isEqualTo("16 Nov - 22 Nov 2026");
        assertThat(w).hasToString("2026-W47");
    }

    @Test
    void weekOneCanStartInDecemberOfTheYearBefore() {
        IsoWeek w = IsoWeek.parse("2026-W01");
        assertThat(w.monday()).isEqualTo(LocalDate.parse("2025-12-29"));
        assertThat(w.days()).isEqualTo("29 Dec 2025 - 4 Jan 2026");
        assertThat(w.minusWeeks(1)).hasToString("2025-W52");
    }

    @Test
    void aYearWithFiftyThreeWeeksHasAWeek53() {
        assertThat(IsoWeek.parse("2026-W53").days()).isEqualTo("28 Dec 2026 - 3 Jan 2027");
    }

    @Test
    void week53OfAFiftyTwoWeekYearIsRefusedNamingTheLastWeek() {
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).isInstanceOf(SitrepException.class)
                .hasMessage("2025-W53 does not exist: 2025 has 52 ISO weeks; give a week from 2025-W01 to 2025-W52.");
    }

    @Test
    void weekZeroIsRefused() {
        assertThatThrownBy(() -> IsoWeek.parse("2026-W00")).isInstanceOf(SitrepException.class)
                .hasMessageStartingWith("2026-W00 does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-47", "2026-w47", "2026-W7", "2026W47", " 2026-W47", "2026-W47-1", "26-W47", ""})
    void anythingButYyyyWwwIsRefusedNamingTheForm(String text) {
        assertThatThrownBy(() -> IsoWeek.parse(text)).isInstanceOf(SitrepException.class)
                .hasMessage("'" + text + "' is not an ISO week; give it as YYYY-Www, e.g. 2026-W47.");
    }
}
