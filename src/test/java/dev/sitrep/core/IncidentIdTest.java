package dev.sitrep.core;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentIdTest {

    @Test
    void idCarriesTheUtcMinuteAndARandomSuffix() {
        IncidentId id = IncidentId.generate(Instant.parse("2026-11-22T14:32:59Z"), new Random(1));
        assertThat(id.value()).matches("INC-20261122-1432-[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void idsDeclaredInTheSameMinuteDiffer() {
        Random random = new Random(7);
        Instant minute = Instant.parse("2026-11-22T14:32:00Z");
        Set<IncidentId> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(IncidentId.generate(minute, random));
        }
        assertThat(ids).hasSizeGreaterThan(195);
    }

    @Test
    void parseIsCaseInsensitiveAndRejectsOtherShapes() {
        assertThat(IncidentId.parse(" inc-20261122-1432-7qf2 ").value()).isEqualTo("INC-20261122-1432-7QF2");
        assertThatThrownBy(() -> IncidentId.parse("INC-42")).hasMessageContaining("INC-20261122-1432-7QF2");
        assertThatThrownBy(() -> IncidentId.parse("INC-20261122-1432-7QFI")).isInstanceOf(SitrepException.class);
    }
}
