package dev.sitrep.ui.shell;

import dev.sitrep.ui.common.Page;
import dev.sitrep.core.IncidentId;
import dev.sitrep.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:37:05Z"));
    private final ShellViewModel model = new ShellViewModel(clock, ZoneId.of("Europe/Berlin"), "/data", "maria");

    @Test
    void ctrlDigitsShowTheSidebarPagesInOrder() {
        model.showNumber(2);
        assertThat(model.pageProperty().get()).isEqualTo(Page.TRIAGE);
        model.showNumber(6);
        assertThat(model.pageProperty().get()).isEqualTo(Page.SETTINGS);
        model.showNumber(7);
        assertThat(model.pageProperty().get()).as("7 is not a sidebar page").isEqualTo(Page.SETTINGS);
    }

    @Test
    void openingAnIncidentAndEscapeGoBackToTheBoard() {
        IncidentId id = IncidentId.parse("INC-20261122-1432-7QF2");
        model.openIncident(id);
        assertThat(model.pageProperty().get()).isEqualTo(Page.INCIDENT);
        model.back();
        assertThat(model.pageProperty().get()).isEqualTo(Page.BOARD);
        assertThat(model.openIncidentProperty().get()).isEqualTo(id);
    }

    @Test
    void theIncidentPageNeedsAnIncident() {
        model.show(Page.INCIDENT);
        assertThat(model.pageProperty().get()).isEqualTo(Page.BOARD);
    }

    @Test
    void clocksShowUtcAndLocalWithTheDate() {
        assertThat(model.utcClockProperty().get()).isEqualTo("14:37 UTC");
        assertThat(model.localClockProperty().get()).isEqualTo("15:37 CET · Sun 22 Nov");
        clock.advance(Duration.ofMinutes(30));
        model.tick();
        assertThat(model.utcClockProperty().get()).isEqualTo("15:07 UTC");
    }

    @Test
    void aUtcMachineShowsOnlyTheDateBesideTheUtcClock() {
        ShellViewModel utc = new ShellViewModel(clock, ZoneOffset.UTC, "/data", "maria");
        assertThat(utc.localClockProperty().get()).isEqualTo("Sun 22 Nov");
    }


    private static dev.sitrep.core.PlatformStatus escalated(String name, dev.sitrep.core.Escalation.Level level, String why,
                                                            Boolean halted) {
        return dev.sitrep.core.PlatformStatus.unknown(name).withEscalation(new dev.sitrep.core.Escalation(level, why,
                Instant.parse("2026-11-22T14:02:00Z")));
    }

    private static dev.sitrep.core.PlatformProfile profile(String name) {
        return new dev.sitrep.core.PlatformProfile(name, dev.sitrep.core.PlatformKind.POWERNODE, "https://x", null, "e",
                dev.sitrep.core.PlatformProfile.Environment.PRODUCTION, null, java.util.List.of(), Duration.ofSeconds(30));
    }

    @Test
    void anEscalationShowsABannerThatDismissUntilItRisesOrSpreads() {
        var kill = dev.sitrep.core.Escalation.Level.KILL_SWITCH;
        model.setPlatforms(java.util.List.of(profile("pn"), profile("wv")),
                java.util.Map.of("pn", escalated("pn", kill, "1 failed health check in a row on production", null)),
                java.util.Map.of());
        assertThat(model.escalationBannerProperty().get())
                .isEqualTo("ESCALATION: pn since 14:02 UTC: 1 failed health check in a row on production");
        assertThat(model.escalatedPlatforms()).containsExactly("pn");

        model.dismissEscalation();
        assertThat(model.escalationBannerProperty().get()).isEmpty();
        model.setPlatforms(java.util.List.of(profile("pn"), profile("wv")),
                java.util.Map.of("pn", escalated("pn", kill, "2 failed health checks in a row on production", null)),
                java.util.Map.of());
        assertThat(model.escalationBannerProperty().get()).as("the same level, more checks: still dismissed").isEmpty();

        model.setPlatforms(java.util.List.of(profile("pn"), profile("wv")), java.util.Map.of(
                "pn", escalated("pn", dev.sitrep.core.Escalation.Level.ROLLBACK, "3 of the last 5 failed", null)),
                java.util.Map.of());
        assertThat(model.escalationBannerProperty().get()).as("a rollback proposal comes back").contains("3 of the last 5");
    }
}
