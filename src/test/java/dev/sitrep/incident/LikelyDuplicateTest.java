package dev.sitrep.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentService.IfDuplicate;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declaring what is likely already declared: the same title (case and spacing aside) within 30 minutes, not over. */
class LikelyDuplicateTest {

    @TempDir
    Path dir;
    private Store store;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private IncidentService incidents;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        incidents = TestServices.on(store, "maria").clock(clock).random(new Random(7)).build().incidents();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TimelineEvent declaredEntry(Incident i) {
        return incidents.show(i.id()).timeline().get(0);
    }

    @Test
    void twentyNineMinutesFiftyNineSecondsLaterTheSameTitleIsALikelyDuplicate() {
        Incident first = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        Incident second = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        assertThat(declaredEntry(second).data()).containsEntry("likelyDuplicateOf", first.id().value());
        assertThat(declaredEntry(second).text()).endsWith("; declared despite a likely duplicate: " + first.id()
                + " \"Checkout 5xx spike\" (investigating), declared 29m ago");
    }

    @Test
    void thirtyMinutesOneSecondLaterItIsNot() {
        incidents.declare(Declaration.titled("Checkout 5xx spike"));
        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        Incident second = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        assertThat(declaredEntry(second).data()).doesNotContainKey("likelyDuplicateOf");
        assertThat(declaredEntry(second).text()).doesNotContain("duplicate");
    }

    @Test
    void titlesAreComparedIgnoringCaseAndSpacing() {
        Incident first = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        clock.advance(Duration.ofMinutes(3));
        assertThat(declaredEntry(incidents.declare(Declaration.titled("  checkout\t5XX   Spike ")))
                .data()).containsEntry("likelyDuplicateOf", first.id().value());
        assertThat(declaredEntry(incidents.declare(Declaration.titled("Checkout 5xx spikes"))).data())
                .as("another title").doesNotContainKey("likelyDuplicateOf");
        assertThat(LikelyDuplicate.normalised(" A \u00a0 b\nC ")).isEqualTo("a b c");
    }

    @Test
    void refusedDeclaringStoresNothingAndNamesTheIncidentAndTheFix() {
        Incident first = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        clock.advance(Duration.ofMinutes(12));
        assertThatThrownBy(() -> incidents.declare(Declaration.titled("CHECKOUT 5xx spike"), IfDuplicate.REFUSE))
                .isInstanceOfSatisfying(LikelyDuplicate.Refused.class, r -> {
                    assertThat(r.duplicate().incident().id()).isEqualTo(first.id());
                    assertThat(r.duplicate().ago()).isEqualTo(Duration.ofMinutes(12));
                    assertThat(r.message(input -> "--" + input)).isEqualTo("Likely a duplicate of " + first.id()
                            + " \"Checkout 5xx spike\" (investigating), declared 12m ago; nothing was declared. Work on "
                            + first.id() + ", or declare anyway with --anyway.");
                });
        assertThat(incidents.count()).isEqualTo(1);
        assertThat(incidents.declare(Declaration.titled("Checkout 5xx spike"), IfDuplicate.DECLARE_ANYWAY).title())
                .isEqualTo("Checkout 5xx spike");
        assertThat(incidents.count()).isEqualTo(2);
    }

    @Test
    void anIncidentThatIsOverIsNoDuplicate() {
        Incident declined = incidents.declare(Declaration.titled("Checkout 5xx spike"));
        incidents.setStatus(declined.id(), IncidentStatus.DECLINED, "false alarm", null);
        clock.advance(Duration.ofMinutes(1));
        Incident again = incidents.declare(Declaration.titled("Checkout 5xx spike"), IfDuplicate.REFUSE);
        assertThat(declaredEntry(again).data()).doesNotContainKey("likelyDuplicateOf");
    }
}
