package dev.sitrep.runbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestTest {

    @Test
    void aSwapOfTwoLettersIsOneEdit() {
        assertThat(Suggest.distance("titel", "title")).isEqualTo(1);
        assertThat(Suggest.closest("titel", List.of("id", "title", "summary"))).contains("title");
    }

    @Test
    void nothingIsSuggestedWhenNoOptionIsClose() {
        assertThat(Suggest.closest("colour", List.of("id", "title", "steps"))).isEmpty();
    }

    @Test
    void longListsAreCutAfterTen() {
        List<String> many = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12");
        assertThat(Suggest.listed(many)).isEqualTo("a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, ... (12 in all)");
    }
}
