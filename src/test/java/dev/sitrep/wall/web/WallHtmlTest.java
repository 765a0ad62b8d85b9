package dev.sitrep.wall.web;

import dev.sitrep.wall.WallSnapshot;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser wall's HTML from hand-made snapshots: escaping, banners, clocks, severities, pages, self-containment. */
class WallHtmlTest {

    private static final String EVIL = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'";

    private static WallSnapshot.Row row(String title, int ramp, List<WallSnapshot.Clock> clocks, List<String> badges) {
        return new WallSnapshot.Row("INC-20261122-1432-7QF2", ramp < 0 ? "P9" : "SEV" + ramp, ramp, title, "1h 07m",
                "maria", "investigating", clocks, badges);
    }

    private static WallSnapshot snapshot(boolean drill, String stale, List<String> halted, List<String> escalation,
                                         List<WallSnapshot.Row> rows, int page, int pages) {
        return new WallSnapshot("14:37 UTC", "15:37 CET · Sun 22 Nov", drill, stale, halted, escalation, rows,
                rows.size(), page, pages, List.of(new WallSnapshot.Platform("pn", "healthy", "12s ago")));
    }

    private static WallSnapshot quiet(List<WallSnapshot.Row> rows) {
        return snapshot(false, "", List.of(), List.of(), rows, 1, 1);
    }

    @Test
    void markupInAnyTextIsShownAsTextNeverRun() {
        WallSnapshot s = new WallSnapshot(EVIL, EVIL, false, EVIL, List.of(EVIL), List.of(EVIL),
                List.of(new WallSnapshot.Row(EVIL, EVIL, 1, EVIL, EVIL, EVIL, EVIL,
                        List.of(new WallSnapshot.Clock(EVIL, EVIL)), List.of(EVIL))),
                1, 1, 1, List.of(new WallSnapshot.Platform(EVIL, EVIL, EVIL)));

        String fragment = WallHtml.fragment(s);
        String page = WallHtml.page(s);

        assertThat(fragment).doesNotContain("<script", "<img", "\"><img", "'<").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&#39;");
        assertThat(page.split("<script", -1)).as("only the page's own script").hasSize(2);
        assertThat(page).doesNotContain("<img");
    }

    @Test
    void everyBannerKindIsShownInWordsWithItsOwnLook() {
        String h = WallHtml.fragment(snapshot(true, "stale since 14:02 UTC: database busy",
                List.of("HALTED: pn since 14:35 UTC by maria: looping"), List.of("ESCALATION: wv: error rate 31%"),
                List.of(), 1, 1));

        assertThat(h).contains("<div class=\"banner drill\">DRILL: this workspace is a drill")
                .contains("<div class=\"banner stale\">STALE: stale since 14:02 UTC: database busy</div>")
                .contains("<div class=\"banner halted\">HALTED: pn since 14:35 UTC by maria: looping</div>")
                .contains("<div class=\"banner escalation\">ESCALATION: wv: error rate 31%</div>")
                .doesNotContain("class=\"brand\"");
    }

    @Test
    void withNothingToSayTheBandShowsOnlyTheNameAndTheClocks() {
        String h = WallHtml.fragment(quiet(List.of()));

        assertThat(h).doesNotContain("class=\"banner ").contains("<div class=\"brand\">SITREP</div>")
                .contains("<div class=\"utc\">14:37 UTC</div>").contains("<div class=\"local\">15:37 CET · Sun 22 Nov</div>")
                .contains("No active incidents");
    }

    @Test
    void clocksAreColouredByStateAndSayItInWords() {
        String h = WallHtml.fragment(quiet(List.of(row("payments failing", 1, List.of(
                new WallSnapshot.Clock("ack ✓ 14:35", "met"), new WallSnapshot.Clock("1st comm in 04:12", "pending"),
                new WallSnapshot.Clock("upd in 02:00", "soon"), new WallSnapshot.Clock("upd LATE 03:10", "late"),
                new WallSnapshot.Clock("odd", "bogus\" onclick=\"x")), List.of()))));

        assertThat(h).contains("<span class=\"clock met\">ack ✓ 14:35</span>")
                .contains("<span class=\"clock pending\">1st comm in 04:12</span>")
                .contains("<span class=\"clock soon\">upd in 02:00</span>")
                .contains("<span class=\"clock late\">⚠ upd LATE 03:10</span>")
                .as("an unknown state falls back to a known class").contains("<span class=\"clock pending\">odd</span>")
                .doesNotContain("onclick");
    }

    @Test
    void severityChipsFollowTheRampAndAnUnknownSeverityIsMarkedNotGuessed() {
        String h = WallHtml.fragment(quiet(List.of(row("a", 0, List.of(), List.of()), row("b", 4, List.of(), List.of()),
                row("c", -1, List.of(), List.of()))));

        assertThat(h).contains("<section class=\"row sev0\"").contains("<div class=\"chip sev0\">SEV0</div>")
                .contains("<div class=\"chip sev4\">SEV4</div>").contains("<div class=\"chip unmapped\">P9</div>")
                .contains("<div class=\"elapsed\">1h 07m</div>").contains("maria · investigating");
    }

    @Test
    void badgesSayWhatTheyAreAndHaltedIsTheRedOne() {
        String h = WallHtml.fragment(quiet(List.of(row("a", 1, List.of(),
                List.of("HALTED pn", "wv offline", "resume watch until 15:02 UTC", "DRILL")))));

        assertThat(h).contains("<span class=\"badge halted\">HALTED pn</span>")
                .contains("<span class=\"badge caution\">wv offline</span>")
                .contains("<span class=\"badge info\">resume watch until 15:02 UTC</span>")
                .contains("<span class=\"badge drill\">DRILL</span>");
    }

    @Test
    void thePageIndicatorShowsOnlyWhenThereIsMoreThanOnePage() {
        WallSnapshot.Row r = row("a", 2, List.of(), List.of());
        String one = WallHtml.fragment(quiet(List.of(r)));
        String second = WallHtml.fragment(new WallSnapshot("14:37 UTC", "x", false, "", List.of(), List.of(), List.of(r),
                14, 2, 3, List.of()));

        assertThat(one).contains("<span class=\"page\">1 active</span>").doesNotContain("page 1 of");
        assertThat(second).contains("<span class=\"page\">page 2 of 3 · 14 active</span>")
                .contains("no platforms configured");
    }

    @Test
    void platformsShowTheirStateInWordsWithADotPickedFromAFixedSet() {
        String h = WallHtml.fragment(new WallSnapshot("t", "l", false, "", List.of(), List.of(), List.of(), 0, 1, 1, List.of(
                new WallSnapshot.Platform("pn", "healthy", "12s ago"), new WallSnapshot.Platform("wv", "halted", "1m ago"),
                new WallSnapshot.Platform("so1", "offline", "never reached"),
                new WallSnapshot.Platform("c", "degraded\" x=\"", "3s ago"))));

        assertThat(h).contains("<span class=\"platform ok\"><span class=\"dot\"></span>pn healthy <span class=\"detail\">12s ago")
                .contains("<span class=\"platform halted\">").contains("<span class=\"platform offline\">")
                .contains("<span class=\"platform warn\"><span class=\"dot\"></span>c degraded&quot; x=&quot;");
    }

    @Test
    void thePageIsSelfContainedAndItsPolicyAllowsExactlyItsOwnStyleAndScript() throws Exception {
        String page = WallHtml.page(quiet(List.of()));

        assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("http:", "https:", "url(", "@import", " src=",
                " href=", "<link", "<form", "<input");
        String csp = WallHtml.contentSecurityPolicy();
        assertThat(csp).startsWith("default-src 'none';").contains("connect-src 'self'").contains("form-action 'none'")
                .doesNotContain("unsafe");
        assertThat(csp).contains("style-src '" + sha256(between(page, "<style>", "</style>")) + "'")
                .contains("script-src '" + sha256(between(page, "<script>", "</script>")) + "'");
        assertThat(page).contains("<div id=\"wall\">" + WallHtml.fragment(quiet(List.of())) + "</div>");
    }

    private static String between(String text, String open, String close) {
        Matcher m = Pattern.compile(Pattern.quote(open) + "(.*?)" + Pattern.quote(close), Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as(open).isTrue();
        return m.group(1);
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
