package dev.sitrep.wall.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser wall in a real headless Chromium (Debian's package; this test fails when it is
 * missing): the page's own script, under the page's own Content-Security-Policy, shows a change
 * made in the store within 3 s. The server runs in exposed mode on loopback, so the script must
 * also carry the token on to {@code /events}.
 */
class WallBrowserTest {

    @TempDir
    Path dir;

    @Test
    void aChangeInTheStoreAppearsInThePageWithinThreeSeconds() throws Exception {
        try (WallWebFixture wall = new WallWebFixture(dir, WallAccess.randomToken(new SecureRandom()));
             HeadlessChromium chromium = HeadlessChromium.open(wall.uri("/").toString())) {
            JsonNode ready = chromium.evaluate("new Promise(r => { const t0 = Date.now(); (function wait() {"
                    + " if (document.readyState === 'complete' && document.getElementById('wall')) r(document.title);"
                    + " else if (Date.now() - t0 > 10000) r('not loaded'); else setTimeout(wait, 20); })(); })",
                    Duration.ofSeconds(15));
            assertThat(ready.asText()).isEqualTo("Sitrep wall");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (wall.server.openStreams() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(wall.server.openStreams()).as("the page's script opened /events with the token").isEqualTo(1);
            String title = "DB failover in eu-west <b>now</b>";
            assertThat(chromium.evaluate("document.getElementById('wall').textContent.includes('" + title + "')",
                    Duration.ofSeconds(5)).asBoolean()).isFalse();

            CompletableFuture<JsonNode> shown = chromium.evaluateAsync("new Promise(r => {"
                    + " const wall = document.getElementById('wall');"
                    + " const seen = () => { if (wall.textContent.includes('" + title + "')) r(Date.now()); };"
                    + " new MutationObserver(seen).observe(wall, {childList: true, subtree: true, characterData: true});"
                    + " seen(); })");
            Thread.sleep(500);
            long declaredAt = System.currentTimeMillis();
            wall.declare(title, "SEV1");
            long shownAt = shown.get(3, TimeUnit.SECONDS).asLong();

            long latency = shownAt - declaredAt;
            System.out.println("browser wall: store change -> text in Chromium's DOM: " + latency + " ms");
            assertThat(latency).isBetween(0L, 3000L);
            assertThat(chromium.evaluate("document.querySelector('#wall .title').textContent", Duration.ofSeconds(5))
                    .asText()).as("shown as text, not markup").isEqualTo(title);
            assertThat(chromium.evaluate("document.querySelectorAll('#wall b').length", Duration.ofSeconds(5)).asInt())
                    .isZero();
        }
    }
}
