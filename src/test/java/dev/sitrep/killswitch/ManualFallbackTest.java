package dev.sitrep.killswitch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manual fallback is run in a real shell, with curl and sqlite3 standing in as functions that
 * print their arguments: every value Sitrep put into it arrives as one argument, as typed, and
 * nothing in it runs.
 */
class ManualFallbackTest {

    @TempDir
    Path dir;

    /** Quotes, spaces, $() and backticks, each of which a shell would act on if it were not quoted. */
    private String nasty(String marker) {
        Path file = dir.resolve(marker);
        return "it's \"bad\"; $(touch " + file + ") `touch " + file + "` $HOME \\ end";
    }

    /** The arguments each stand-in call got, one per line, after running {@code script} in sh. */
    private List<String> run(String script) throws IOException, InterruptedException {
        String stubs = "curl() { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\n"
                + "sqlite3() { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\n";
        Process p = new ProcessBuilder("sh", "-c", stubs + script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    private static String after(List<String> args, String flag) {
        return args.get(args.lastIndexOf(flag) + 1);
    }

    private static PlatformProfile profile(PlatformKind kind, String url, Path path, String email) {
        return new PlatformProfile("pn-prod", kind, url, path, email, PlatformProfile.Environment.PRODUCTION, null,
                List.of("ai-agents"), Duration.ofSeconds(30));
    }

    @Test
    void aResumeModeIsOneArgumentAndNothingInItRuns() throws Exception {
        String mode = nasty("mode-ran");
        List<String> args = run(ManualFallback.resume(profile(PlatformKind.POWERNODE, "https://pn.example", null,
                "ops@example.com"), mode));
        JsonNode body = Json.MAPPER.readTree(after(args, "-d"));
        assertThat(body.path("mode").asText()).isEqualTo(mode);
        assertThat(after(args, "-X")).isEqualTo("POST");
        assertThat(dir.resolve("mode-ran")).doesNotExist();
    }

    @Test
    void aHaltReasonIsOneArgumentAndNothingInItRuns() throws Exception {
        String reason = nasty("reason-ran");
        for (PlatformKind kind : List.of(PlatformKind.POWERNODE, PlatformKind.SITREP)) {
            List<String> args = run(ManualFallback.halt(profile(kind, "https://pn.example", null, "ops@example.com"),
                    reason));
            assertThat(Json.MAPPER.readTree(after(args, "-d")).path("reason").asText()).as(kind.key()).isEqualTo(reason);
        }
        assertThat(dir.resolve("reason-ran")).doesNotExist();
    }

    @Test
    void aPowernodeLoginEmailAndAWeathervanePathStayText() throws Exception {
        String email = nasty("email-ran");
        List<String> login = run("sed() { cat; }\nSITREP_SECRET_PN_PROD=pw\n" + ManualFallback.halt(profile(
                PlatformKind.POWERNODE, "https://pn.example", null, email), "x").lines().findFirst().orElseThrow()
                + "\nprintf '%s\\n' \"$TOKEN\"");
        JsonNode body = Json.MAPPER.readTree(after(login, "-d"));
        assertThat(body.path("email").asText()).isEqualTo(email);
        assertThat(body.path("password").asText()).as("the secret comes from its variable").isEqualTo("pw");
        Path db = dir.resolve("it's $(touch " + dir.resolve("path-ran") + ")").resolve("orchestrator.db");
        List<String> args = run(ManualFallback.halt(profile(PlatformKind.WEATHERVANE, null, db, null), "x"));
        assertThat(args.get(0)).isEqualTo(db.toString());
        assertThat(dir.resolve("email-ran")).doesNotExist();
        assertThat(dir.resolve("path-ran")).doesNotExist();
    }

    @Test
    void aRevocationsValuesAreOneArgument() throws Exception {
        String reason = nasty("revoke-ran");
        List<String> args = run(ManualFallback.revoke(profile(PlatformKind.CULLIS, "https://broker.example", null, null),
                "acme", "0a1b2c", reason, "o'brien $(id)"));
        JsonNode body = Json.MAPPER.readTree(after(args, "-d"));
        assertThat(body.path("reason").asText()).isEqualTo(reason);
        assertThat(body.path("revoked_by").asText()).isEqualTo("o'brien $(id)");
        assertThat(args).contains("https://broker.example/v1/admin/certs/revoke");
        assertThat(dir.resolve("revoke-ran")).doesNotExist();
    }

    @Test
    void aUrlWithAQuoteStaysOneArgument() throws Exception {
        List<String> args = run(ManualFallback.halt(profile(PlatformKind.SITREP, "https://team.example/it's", null, null),
                "x"));
        assertThat(args).contains("https://team.example/it's/sitrep/v1/kill-switch/halt");
    }
}
