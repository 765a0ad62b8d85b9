package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitsTest {

    @Test
    void titleIsTrimmed() {
        assertThat(Limits.title("  Checkout 5xx spike ")).isEqualTo("Checkout 5xx spike");
    }

    @Test
    void emptyTitleIsRefusedWithAnExample() {
        assertThatThrownBy(() -> Limits.title("   ")).hasMessageContaining("title is empty");
    }

    @Test
    void tenThousandCharacterTitleIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> Limits.title("x".repeat(10_000)))
                .hasMessageContaining("10000 characters").hasMessageContaining("limit is 200");
    }

    @Test
    void multiLineTitleIsRefused() {
        assertThatThrownBy(() -> Limits.title("a\nb")).hasMessageContaining("one line");
    }

    @Test
    void blankOptionalNameIsAbsent() {
        assertThat(Limits.optionalName("service", "  ")).isNull();
    }

    @Test
    void missingReasonNamesTheFlag() {
        assertThatThrownBy(() -> Limits.reason("severity change", null)).isInstanceOfSatisfying(SitrepException.class,
                e -> assertThat(e.field()).isEqualTo("reason"));
    }
}
