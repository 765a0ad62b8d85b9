package dev.sitrep.ui.common;

import dev.sitrep.core.Escalation;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformSummaryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T14:37:00Z");

    private static PlatformProfile profile(String name) {
        return new PlatformProfile(name, PlatformKind.POWERNODE, "https://x", null, "e", PlatformProfile.Environment.PRODUCTION,
                null, List.of(), Duration.ofSeconds(30));
    }

    private static PlatformStatus status(String name, String health, Boolean halted, Instant at, Instant offline) {
        return new PlatformStatus(name, health, null, null, Map.of(), at, halted, null, null, null, at, null,
                offline == null ? null : "down", offline, offline, offline == null ? 0 : 2, null, null, null);
    }

    @Test
    void noPlatformsSaysSo() {
        assertThat(PlatformSummary.of(List.of(), Map.of(), NOW)).isEqualTo("No platforms connected");
    }

    @Test
    void eachPlatformShowsItsStateInWordsWithItsAge() {
        String text = PlatformSummary.of(List.of(profile("pn"), profile("wv"), profile("cul"), profile("new")), Map.of(
                "pn", status("pn", "healthy", false, NOW.minusSeconds(12), null),
                "wv", status("wv", "healthy", true, NOW.minusSeconds(5), null),
                "cul", status("cul", "healthy", null, NOW.minusSeconds(600), Instant.parse("2026-11-22T14:02:00Z"))), NOW);
        assertThat(text).isEqualTo("pn ● healthy, checked 12 s ago · wv ● HALTED, checked 5 s ago · cul ○ offline since 14:02 UTC · new ○ connecting…");
    }

    @Test
    void theHaltBannerSaysWhenTheStateCannotBeReconfirmed() {
        PlatformStatus halted = new PlatformStatus("pn", "healthy", null, null, Map.of(), NOW.minusSeconds(600), true,
                Instant.parse("2026-11-22T14:20:00Z"), "maria", "agents looping", NOW.minusSeconds(600), null, "down",
                NOW.minusSeconds(120), Instant.parse("2026-11-22T14:35:00Z"), 3, null, null, null);
        assertThat(PlatformSummary.halted(List.of(profile("pn")), Map.of("pn", halted), Map.of())).isEqualTo(
                "HALTED: pn since 14:20 UTC by maria (platform account): agents looping (as last confirmed; offline since "
                        + "14:35 UTC)");
        assertThat(PlatformSummary.halted(List.of(profile("pn")), Map.of("pn", status("pn", "healthy", false, NOW, null)),
                Map.of())).isEmpty();
    }

    @Test
    void theHaltBannerNamesThePlatformsAccountAndWhoHaltedItThroughSitrep() {
        PlatformStatus byCommander = new PlatformStatus("pn", "healthy", null, null, Map.of(), NOW, true,
                Instant.parse("2026-11-22T14:20:00Z"), "Drill Commander", "agents looping", NOW, null, null, null, null, 0,
                null, null, null);
        PlatformStatus flagOnly = new PlatformStatus("wv", "healthy", null, null, Map.of(), NOW, true, null, null, null,
                NOW, null, null, null, null, 0, null, null, null);
        assertThat(PlatformSummary.halted(List.of(profile("pn"), profile("wv")), Map.of("pn", byCommander, "wv", flagOnly),
                Map.of("pn", "root", "wv", "maria"))).isEqualTo("HALTED: pn since 14:20 UTC by Drill Commander (platform "
                + "account) · via Sitrep by root: agents looping · wv via Sitrep by maria");
    }

    @Test
    void anOldAnswerIsMarkedOld() {
        assertThat(PlatformSummary.of(List.of(profile("pn")), Map.of("pn", status("pn", "degraded", false,
                NOW.minusSeconds(180), null)), NOW)).isEqualTo("pn ● degraded, checked 3 min ago (old)");
    }

    @Test
    void aHaltedPlatformProposesNoMoreKillSwitchButStillARollback() {
        Escalation kill = new Escalation(Escalation.Level.KILL_SWITCH, "1 failed", NOW);
        Escalation rollback = new Escalation(Escalation.Level.ROLLBACK, "3 of 5 failed", NOW.minusSeconds(60));
        Map<String, PlatformStatus> states = Map.of(
                "pn", status("pn", "unhealthy", true, NOW, null).withEscalation(kill),
                "wv", status("wv", "unhealthy", false, NOW, null).withEscalation(kill),
                "cul", status("cul", "unhealthy", true, NOW, null).withEscalation(rollback),
                "so", status("so", "healthy", false, NOW, null));
        List<PlatformStatus> escalated = PlatformSummary.escalated(List.of(profile("pn"), profile("wv"), profile("cul"),
                profile("so")), states);
        assertThat(escalated).extracting(PlatformStatus::name).containsExactly("cul", "wv");
        assertThat(PlatformSummary.escalationText(escalated))
                .isEqualTo("ESCALATION: cul since 14:36 UTC: 3 of 5 failed · wv since 14:37 UTC: 1 failed");
        assertThat(PlatformSummary.escalationText(List.of())).isEmpty();
    }
}
