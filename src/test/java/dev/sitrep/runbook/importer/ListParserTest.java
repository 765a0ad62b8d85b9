package dev.sitrep.runbook.importer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListParserTest {

    private static ListParser.Marker marker(String line) {
        return ListParser.marker(Line.of(1, line));
    }

    @Test
    void bulletsOfEveryStyleAreItems() {
        for (String bullet : new String[]{"-", "*", "+", "\u2022", "\u25CF", "\u25E6", "\u25AA", "\u2023", "\u00B7", "\u2013"}) {
            assertThat(marker(bullet + " Check the pool")).as(bullet).isNotNull()
                    .satisfies(m -> assertThat(m.text()).isEqualTo("Check the pool"));
        }
        assertThat(marker("o\tWord's bullet")).satisfies(m -> assertThat(m.text()).isEqualTo("Word's bullet"));
    }

    @Test
    void numbersLettersRomanNumeralsAndStepsAreOrderedItems() {
        for (String line : new String[]{"1. Do it", "12) Do it", "(3) Do it", "a. Do it", "(b) Do it", "iv. Do it",
            "C) Do it", "Step 3: Do it", "Step 4 - Do it", "#2 Do it"}) {
            ListParser.Marker m = marker(line);
            assertThat(m).as(line).isNotNull();
            assertThat(m.ordered()).isTrue();
            assertThat(m.text()).isEqualTo("Do it");
        }
    }

    @Test
    void checkBoxesAreItemsThatSaySo() {
        assertThat(marker("- [ ] Readiness is ok").checkbox()).isTrue();
        assertThat(marker("[x] Done").text()).isEqualTo("Done");
        assertThat(marker("\u2610 Root cause identified").checkbox()).isTrue();
    }

    @Test
    void aMarkerAloneIsAnItemWaitingForItsText() {
        assertThat(marker("1.").alone()).isTrue();
        assertThat(marker("\u2022").alone()).isTrue();
        assertThat(marker("Step 2").alone()).isTrue();
    }

    @Test
    void numbersFlagsRulesAndVersionsAreNoItems() {
        assertThat(marker("1.5 GB is the limit")).isNull();
        assertThat(marker("--force replaces it")).isNull();
        assertThat(marker("-5% error rate")).isNull();
        assertThat(marker("---")).isNull();
        assertThat(marker("2.1 Recovery")).isNull();
        assertThat(marker("*Note*: emphasis")).isNull();
    }

    @Test
    void theContentColumnIsWhereTheTextStarts() {
        assertThat(marker("   10. text").contentIndent()).isEqualTo(7);
    }
}
