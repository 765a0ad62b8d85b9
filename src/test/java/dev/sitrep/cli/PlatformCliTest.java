package dev.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** sitrep platform ... against the sandbox on loopback. */
class PlatformCliTest {

    @TempDir
    Path tmp;
    private SandboxServer sandbox;
    private CliRunner cli;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        cli = new CliRunner(tmp.resolve("data"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private CliRunner.Result addSandbox(String name) {
        return cli.run("platform", "add", name, "--kind", "powernode", "--url", sandbox.url().toString(),
                "--email", SandboxServer.EMAIL, "--environment", "development");
    }

    private static void assertRefused(CliRunner.Result r, int code, String... fragments) {
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("sitrep: ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void addListTestRemoveRoundTrip() throws Exception {
        assertThat(addSandbox("pn-drill").code()).isZero();
        assertThat(cli.run("platform", "list").out()).contains("pn-drill").contains("powernode").contains("development");
        JsonNode list = Json.MAPPER.readTree(cli.run("platform", "list", "--json").out());
        assertThat(list.get(0).get("email").asText()).isEqualTo(SandboxServer.EMAIL);
        cli.env.put("SITREP_SECRET_PN_DRILL", SandboxServer.PASSWORD);
        CliRunner.Result test = cli.run("platform", "test", "pn-drill");
        assertThat(test.code()).as(test.toString()).isZero();
        assertThat(test.out()).contains("Capabilities: health checks, read the kill-switch state, halt automation")
                .contains("Health: healthy (version sandbox-1.0)").contains("Kill switch: running")
                .contains("New AI work stops");
        assertThat(cli.run("platform", "remove", "pn-drill").code()).isZero();
        assertThat(cli.run("platform", "list").out()).contains("No platforms");
    }

    @Test
    void statusShowsTheCachedStateAndRefreshPullsIt() throws Exception {
        addSandbox("pn");
        cli.env.put("SITREP_SECRET_PN", SandboxServer.PASSWORD);
        assertThat(cli.run("platform", "status").out()).contains("never pulled");
        assertThat(cli.run("platform", "status", "--refresh").out()).contains("healthy").contains("running");
        cli.run("platform", "test", "pn");
        new dev.sitrep.platform.powernode.PowernodeConnector("pn", new dev.sitrep.platform.http.JsonHttp("pn",
                dev.sitrep.platform.http.PlatformUrl.parse(sandbox.url().toString()),
                dev.sitrep.platform.http.JsonHttp.client(null, Duration.ofSeconds(5)),
                dev.sitrep.platform.powernode.PowernodeConnector::errorMessage), SandboxServer.EMAIL,
                () -> SandboxServer.PASSWORD, Clock.systemUTC()).halt("drill halt", "sam");
        JsonNode status = Json.MAPPER.readTree(cli.run("platform", "status", "pn", "--refresh", "--json").out()).get(0);
        assertThat(status.get("platform").asText()).isEqualTo("pn");
        assertThat(status.get("halted").asBoolean()).isTrue();
        assertThat(status.get("by").asText()).isEqualTo("Drill Commander");
        assertThat(status.get("reason").asText()).isEqualTo("drill halt");
        sandbox.close();
        cli.run("platform", "status", "--refresh");
        CliRunner.Result offline = cli.run("platform", "status", "--refresh");
        assertThat(offline.code()).isZero();
        assertThat(offline.out()).contains("HALTED").contains("OFFLINE since");
    }

    @Test
    void aWrongPasswordIsExit3WithThePlatformsWords() {
        addSandbox("pn");
        cli.env.put("SITREP_SECRET_PN", "wrong");
        assertRefused(cli.run("platform", "test", "pn"), 3, "Invalid email or password");
    }

    @Test
    void aMissingSecretWithNoTerminalIsExit2NamingTheVariable() {
        addSandbox("pn-prod");
        assertRefused(cli.run("platform", "test", "pn-prod"), 2, "SITREP_SECRET_PN_PROD");
    }

    @Test
    void anUnreachableHostIsExit4() {
        cli.run("platform", "add", "gone", "--kind", "powernode", "--url", "http://127.0.0.1:9", "--email", "a@b.c");
        cli.env.put("SITREP_SECRET_GONE", "x");
        assertRefused(cli.run("platform", "test", "gone"), 4, "cannot reach");
    }

    @Test
    void aPlatformAnswering500IsExit4() {
        addSandbox("pn");
        cli.env.put("SITREP_SECRET_PN", SandboxServer.PASSWORD);
        sandbox.misbehave(SandboxServer.Fault.SERVER_ERROR, 1);
        assertRefused(cli.run("platform", "test", "pn"), 4, "HTTP 500");
    }

    @Test
    void badProfilesAreRefusedWithTheFix() throws Exception {
        assertRefused(cli.run("platform", "add", "x", "--kind", "mainframe", "--url", "https://a"), 2, "powernode, cullis");
        assertRefused(cli.run("platform", "add", "x", "--kind", "powernode", "--url", "not a url", "--email", "e"), 2,
                "is not a URL");
        assertRefused(cli.run("platform", "add", "x", "--kind", "powernode", "--url", "http://pn.example.com",
                "--email", "e"), 2, "https://");
        assertRefused(cli.run("platform", "add", "x", "--kind", "powernode", "--url", "https://pn.example.com"), 2,
                "--email");
        assertRefused(cli.run("platform", "add", "Bad Name", "--kind", "powernode", "--url", "https://a"), 2,
                "not a usable platform name");
        assertRefused(cli.run("platform", "add", "wv", "--kind", "weathervane", "--url", "https://a"), 2, "--path");
        assertRefused(cli.run("platform", "add", "so", "--kind", "so1", "--url", "https://a"), 2, "--flag");
        Path notCa = Files.writeString(tmp.resolve("ca.pem"), "hello");
        assertRefused(cli.run("platform", "add", "x", "--kind", "powernode", "--url", "https://a", "--email", "e",
                "--ca-cert", notCa.toString()), 2, "is not a certificate");
        assertThat(cli.run("platform", "list").out()).contains("No platforms");
    }

    @Test
    void aDuplicateNameIsRefusedAndTheFirstKept() {
        addSandbox("pn");
        assertRefused(addSandbox("pn"), 2, "already exists");
        assertThat(cli.run("platform", "list").out()).contains("pn");
    }

    @Test
    void removingAnUnknownPlatformIsExit2() {
        assertRefused(cli.run("platform", "remove", "nothing"), 2, "No platform named nothing");
    }

    @Test
    void noSecretIsLeftInTheDataDirectoryOrLogs() throws Exception {
        addSandbox("pn");
        cli.env.put("SITREP_SECRET_PN", SandboxServer.PASSWORD);
        cli.run("platform", "test", "pn");
        cli.env.put("SITREP_SECRET_PN", "wrong-" + SandboxServer.PASSWORD);
        cli.run("platform", "test", "pn");
        try (Stream<Path> files = Files.walk(tmp.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = read(f);
                assertThat(content).as("contents of %s", f).doesNotContain(SandboxServer.PASSWORD);
            }
        }
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    }
}
