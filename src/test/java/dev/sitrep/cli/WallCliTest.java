package dev.sitrep.cli;

import dev.sitrep.testing.WallProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sitrep wall}: the browser wall served by a real child process, and the native branch's refusal. */
class WallCliTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutAScreenTheNativeWallSaysSoAndPointsToTheBrowserWall() {
        CliRunner.Result r = new CliRunner(dir).run("wall");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("sitrep: the native wall needs a screen, and there is none here")
                .contains("--serve PORT");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRunner.Result r = new CliRunner(dir).run("wall", "--serve", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--serve PORT must be 0..65535");
    }

    @Test
    void servedOnLoopbackItPrintsAPlainUrlShowsTheBoardAndStopsOnSigterm() throws Exception {
        new CliRunner(dir).run("incident", "declare", "--title", "Checkout 5xx spike", "--severity", "SEV1");
        try (WallProcess wall = WallProcess.start(dir, List.of())) {
            assertThat(wall.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
            HttpResponse<String> page = get(wall.url());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Checkout 5xx spike");

            assertThat(wall.stop(10)).as("ends by itself on SIGTERM").isTrue();
        }
    }

    @Test
    void boundBeyondLoopbackItPrintsTheTokenAndRefusesRequestsWithoutIt() throws Exception {
        new CliRunner(dir).run("incident", "declare", "--title", "Checkout 5xx spike", "--severity", "SEV1");
        try (WallProcess wall = WallProcess.start(dir, List.of(), "--bind", "0.0.0.0")) {
            String query = wall.url().getRawQuery();
            assertThat(query).matches("token=[A-Za-z0-9_-]{43}");

            assertThat(get(wall.loopback("/")).statusCode()).isEqualTo(401);
            assertThat(get(wall.loopback("/events")).statusCode()).isEqualTo(401);
            HttpResponse<String> page = get(wall.loopback("/?" + query));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Checkout 5xx spike");
            assertThat(wall.output()).anyMatch(l -> l.contains("every request needs the token"));
        }
    }
}
