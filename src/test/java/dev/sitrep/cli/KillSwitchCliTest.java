package dev.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.testing.FaultyPlatform;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** sitrep kill-switch and sitrep audit against the sandbox over loopback and a real WeatherVane SQLite file. */
class KillSwitchCliTest {

    @TempDir
    Path tmp;
    private SandboxServer sandbox;
    private CliRunner cli;
    private String incident;

    @BeforeEach
    void start() {
        try {
            sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        cli = new CliRunner(tmp.resolve("data"));
        assertThat(cli.run("platform", "add", "pn", "--kind", "powernode", "--url", sandbox.url().toString(), "--email",
                SandboxServer.EMAIL).code()).isZero();
        cli.env.put("SITREP_SECRET_PN", SandboxServer.PASSWORD);
        incident = cli.run("incident", "declare", "--title", "Agents looping", "--platform", "pn").firstWord();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static void assertRefused(CliRunner.Result r, int code, String... fragments) {
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("sitrep: ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void haltIsConfirmedAuditedAndOnTheTimeline() throws Exception {
        CliRunner.Result r = cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "agents looping", "--yes");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("pn: HALTED").contains("agents looping").contains("confirmed by the platform");
        assertThat(sandbox.halted()).isTrue();
        JsonNode status = Json.MAPPER.readTree(cli.run("kill-switch", "status", "--platform", "pn", "--json").out());
        assertThat(status.get("platform").asText()).isEqualTo("pn");
        assertThat(status.get("halted").asBoolean()).isTrue();
        assertThat(status.get("by").asText()).isEqualTo("Drill Commander");
        assertThat(status.get("reason").asText()).isEqualTo("agents looping");
        assertThat(status.has("since")).isTrue();
        assertThat(cli.run("incident", "show", incident).out()).contains("Kill switch HALTED on pn (confirmed by the platform)");
        assertThat(cli.run("audit", "verify").out()).contains("intact: 1 entries");
        assertThat(cli.run("audit", "export").out()).matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ACTIVATED "
                + "reason=\"agents looping\" actor=\"osuser\" platform=\"pn\"\\R");
    }

    @Test
    void thePullLoopDoesNotWriteSitrepsOwnHaltTwice() {
        cli.run("platform", "status", "--refresh");
        cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "agents looping", "--yes");
        cli.run("platform", "status", "--refresh");
        String show = cli.run("incident", "show", incident).out();
        assertThat(show).contains("Kill switch HALTED on pn").doesNotContain("pn kill switch HALTED by");
    }

    @Test
    void withoutYesNothingIsSent() {
        assertRefused(cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "x"), 2, "--yes", "nothing was sent");
        assertThat(sandbox.halted()).isFalse();
        assertThat(cli.run("audit", "export").out()).isEmpty();
    }

    @Test
    void haltingTwiceShowsHaltedNotAnError() {
        cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "first", "--yes");
        CliRunner.Result again = cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "second", "--yes");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("HALTED").contains("first");
    }

    @Test
    void resumeNeedsTheGateAndIsAuditedWithTheApprover() {
        cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "looping", "--yes");
        assertRefused(cli.run("kill-switch", "resume", "--platform", "pn", "--summary", "fixed", "--approver", "sam"), 2,
                "--yes");
        assertRefused(cli.run("kill-switch", "resume", "--platform", "pn", "--summary", " ", "--approver", "sam", "--yes"), 2,
                "remediation summary");
        CliRunner.Result r = cli.run("kill-switch", "resume", "--platform", "pn", "--summary", "retry key added",
                "--approver", "sam", "--mode", "minimal", "--yes");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("running");
        assertThat(sandbox.halted()).isFalse();
        assertThat(cli.run("audit", "export").out()).contains("RESET reason=\"retry key added\" actor=\"osuser\" "
                + "approver=\"sam\" platform=\"pn\"");
        assertThat(cli.run("incident", "show", incident).out()).contains("watched for 30 minutes before they may be resolved")
                .contains("Resume watch: pn resumed");
        CliRunner.Result early = cli.run("incident", "set", incident, "--status", "resolved");
        assertThat(early.code()).as(early.toString()).isEqualTo(2);
        assertThat(early.err()).contains("cannot be resolved yet").contains("watch until");
        // resuming what runs is a state, not an error
        assertThat(cli.run("kill-switch", "resume", "--platform", "pn", "--summary", "again", "--approver", "sam",
                "--mode", "full", "--yes").code()).isZero();
    }

    @Test
    void aPermissionRefusalIsExit3AuditedWithTheManualFallback() {
        cli.run("platform", "add", "viewer", "--kind", "powernode", "--url", sandbox.url().toString(), "--email",
                SandboxServer.VIEWER_EMAIL);
        cli.env.put("SITREP_SECRET_VIEWER", SandboxServer.PASSWORD);
        CliRunner.Result r = cli.run("kill-switch", "halt", "--platform", "viewer", "--reason", "looping", "--yes");
        assertRefused(r, 3, "Permission denied: ai.kill_switch.manage");
        assertThat(r.out()).contains("Did not go through").contains("curl -sS -X POST")
                .contains("/api/v1/ai/kill_switch/halt").contains("$SITREP_SECRET_VIEWER").doesNotContain(SandboxServer.PASSWORD);
        assertThat(cli.run("audit", "export").out()).contains("FAILED").contains("platform=\"viewer\"");
        assertThat(sandbox.halted()).isFalse();
    }

    @Test
    void aServerErrorIsExit4AndAudited() {
        sandbox.misbehave(SandboxServer.Fault.SERVER_ERROR, 3);
        assertRefused(cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "looping", "--yes"), 4, "HTTP 500");
        assertThat(cli.run("audit", "export", "--format", "jsonl").out()).contains("\"action\":\"FAILED\"");
    }

    @Test
    void aMalformedAnswerIsExit4() {
        sandbox.misbehave(SandboxServer.Fault.MALFORMED, 3);
        assertRefused(cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "looping", "--yes"), 4, "not JSON");
    }

    @Test
    void anOverlongReasonOrAnUnknownIncidentSendsNothing() {
        assertRefused(cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "x".repeat(201), "--yes"), 2,
                "at most 200");
        assertRefused(cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "x", "--incident",
                "INC-20261122-1432-AAAA", "--yes"), 2, "No incident");
        assertThat(sandbox.halted()).isFalse();
    }

    @Test
    void weathervaneIsHaltedInItsOwnSqliteFileAndWhoComesFromTheAudit() throws Exception {
        Path db = tmp.resolve("orchestrator.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, val TEXT NOT NULL, updated_at INTEGER NOT NULL, "
                    + "metadata JSON)");
        }
        cli.run("platform", "add", "wv", "--kind", "weathervane", "--path", db.toString());
        assertThat(cli.run("kill-switch", "halt", "--platform", "wv", "--reason", "bad rollout", "--yes").code()).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT val FROM settings WHERE key = 'DISABLE_NEW'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
        }
        JsonNode status = Json.MAPPER.readTree(cli.run("kill-switch", "status", "--platform", "wv", "--json").out());
        assertThat(status.get("halted").asBoolean()).isTrue();
        assertThat(status.get("by").asText()).isEqualTo("osuser (per Sitrep's audit)");
        assertThat(status.get("reason").asText()).isEqualTo("bad rollout");
    }

    @Test
    void aResumeCarriedOutThenAnswered500SaysResumedAndExitsZero() throws Exception {
        try (FaultyPlatform faulty = FaultyPlatform.start()) {
            cli.run("platform", "add", "fp", "--kind", "powernode", "--url", faulty.url(), "--email", SandboxServer.EMAIL);
            cli.env.put("SITREP_SECRET_FP", SandboxServer.PASSWORD);
            String onFp = cli.run("incident", "declare", "--title", "Refunds doubled", "--platform", "fp").firstWord();
            cli.run("kill-switch", "halt", "--platform", "fp", "--reason", "looping", "--yes");
            faulty.next("resume", FaultyPlatform.Fault.CARRIED_OUT_THEN_500);
            CliRunner.Result r = cli.run("kill-switch", "resume", "--platform", "fp", "--summary", "retry key added",
                    "--approver", "sam", "--yes");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("fp: RESUMED (confirmed by read-back after: fp answered HTTP 500")
                    .contains("fp: running").doesNotContain("still halted");
            assertThat(faulty.sandbox().halted()).isFalse();
            assertThat(cli.run("incident", "show", onFp).out()).contains("Kill switch RESUMED on fp (confirmed by read-back "
                    + "after: fp answered HTTP 500");
            assertThat(cli.run("audit", "export").out()).contains("RESET reason=\"retry key added\"")
                    .doesNotContain("FAILED");
        }
    }

    @Test
    void anUnknownOutcomeIsExit4SaysUnknownAndTheNextStatusReadRecordsWhatItFinds() throws Exception {
        try (FaultyPlatform faulty = FaultyPlatform.start()) {
            cli.run("platform", "add", "fp", "--kind", "powernode", "--url", faulty.url(), "--email", SandboxServer.EMAIL);
            cli.env.put("SITREP_SECRET_FP", SandboxServer.PASSWORD);
            String onFp = cli.run("incident", "declare", "--title", "Refunds doubled", "--platform", "fp").firstWord();
            faulty.next("halt", FaultyPlatform.Fault.CARRIED_OUT_THEN_500);
            faulty.statusReadsFail(true);
            CliRunner.Result r = cli.run("kill-switch", "halt", "--platform", "fp", "--reason", "looping", "--yes");
            assertRefused(r, 4, "HTTP 500");
            assertThat(r.out()).startsWith("fp: UNKNOWN, checking: fp answered HTTP 500")
                    .contains("sitrep kill-switch status --platform fp").doesNotContain("nothing was");
            assertThat(cli.run("incident", "show", onFp).out()).contains("Kill switch halt on fp UNKNOWN, checking");
            assertThat(cli.run("audit", "export").out()).contains("UNKNOWN reason=\"looping\"").contains("detail=");

            faulty.statusReadsFail(false);
            CliRunner.Result status = cli.run("kill-switch", "status", "--platform", "fp");
            assertThat(status.code()).as(status.toString()).isZero();
            assertThat(status.out()).contains("fp: HALTED");
            assertThat(cli.run("incident", "show", onFp).out()).contains("Kill switch HALTED on fp (confirmed by read-back at "
                    + "14:32 UTC; the outcome had been unknown");
            assertThat(cli.run("audit", "export", "--format", "jsonl").out().lines().map(l -> l.replaceAll(
                    ".*\"action\":\"(\\w+)\".*", "$1")).toList()).containsExactly("UNKNOWN", "ACTIVATED");
            assertThat(cli.run("audit", "verify").out()).contains("intact: 2 entries");
        }
    }

    @Test
    void aTenKilobyteSummaryOrALongApproverIsRefusedNamingTheLimitBeforeAnythingIsSent() {
        cli.run("kill-switch", "halt", "--platform", "pn", "--reason", "looping", "--yes");
        CliRunner.Result r = cli.run("kill-switch", "resume", "--platform", "pn", "--summary", "s".repeat(10_240),
                "--approver", "sam", "--yes");
        assertRefused(r, 2, "10240 characters; the limit is 1000");
        assertThat(sandbox.halted()).as("nothing was sent").isTrue();
        r = cli.run("kill-switch", "resume", "--platform", "pn", "--summary", "retry key added", "--approver",
                "a".repeat(300), "--yes");
        assertRefused(r, 2, "300 characters; the limit is 200");
        r = cli.run("kill-switch", "resume", "--platform", "pn", "--summary", "retry key added", "--approver", "sam",
                "--mode", "full' $(id) '", "--yes");
        assertRefused(r, 2, "not a resume mode");
        assertThat(sandbox.halted()).isTrue();
        assertThat(cli.run("audit", "export", "--format", "jsonl").out().lines()).as("only the halt").hasSize(1);
    }

    @Test
    void aLongErrorFromThePlatformIsAuditedCutShortWithTheManualFallback() throws Exception {
        try (FaultyPlatform faulty = FaultyPlatform.start()) {
            cli.run("platform", "add", "fp", "--kind", "powernode", "--url", faulty.url(), "--email", SandboxServer.EMAIL);
            cli.env.put("SITREP_SECRET_FP", SandboxServer.PASSWORD);
            String onFp = cli.run("incident", "declare", "--title", "Refunds doubled", "--platform", "fp").firstWord();
            faulty.errorText("Permission denied: " + "x".repeat(10_240));
            faulty.next("halt", FaultyPlatform.Fault.REFUSED_403);
            CliRunner.Result refused = cli.run("kill-switch", "halt", "--platform", "fp", "--reason", "looping", "--yes");
            assertRefused(refused, 3, "fp refused (HTTP 403): Permission denied: xxx", "characters in all)");
            assertThat(refused.err()).hasSizeLessThan(700);
            assertThat(refused.out()).contains("FAILED, nothing was halted").contains("Did not go through. Do it by hand:")
                    .contains("/api/v1/ai/kill_switch/halt");
            faulty.next("halt", FaultyPlatform.Fault.NOT_CARRIED_OUT_500);
            CliRunner.Result failed = cli.run("kill-switch", "halt", "--platform", "fp", "--reason", "looping", "--yes");
            assertRefused(failed, 4, "fp answered HTTP 500: Permission denied");
            assertThat(failed.out()).contains("read back: running, nothing was halted").contains("curl");
            assertThat(cli.run("audit", "export", "--format", "jsonl").out().lines().map(l -> l.replaceAll(
                    ".*\"action\":\"(\\w+)\".*", "$1")).toList()).containsExactly("FAILED", "FAILED");
            assertThat(cli.run("incident", "show", onFp).out()).contains("Kill switch halt on fp FAILED, nothing was halted: "
                    + "fp refused (HTTP 403)");
            assertThat(faulty.sandbox().halted()).isFalse();
        }
    }

    @Test
    void aPartialSo1HaltNamesTheFlagsDisabledAndThoseNotEverywhere() throws Exception {
        MockWebServer so1 = new MockWebServer();
        Map<String, Boolean> enabled = new ConcurrentHashMap<>(Map.of("ai-agents", true, "auto-remediation", true));
        so1.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String flag = request.getRequestUrl().encodedPath().replace("/v1/feature-flags/", "");
                if (request.getMethod().equals("PATCH")) {
                    if (flag.equals("auto-remediation")) {
                        return new MockResponse().setResponseCode(403).setBody("{\"error\":\"Flag auto-remediation is "
                                + "locked\"}");
                    }
                    enabled.put(flag, request.getBody().readUtf8().contains("true"));
                }
                return new MockResponse().setBody("{\"name\":\"" + flag + "\",\"enabled\":" + enabled.get(flag) + "}");
            }
        });
        so1.start(InetAddress.getLoopbackAddress(), 0);
        try {
            cli.run("platform", "add", "so", "--kind", "so1", "--url", so1.url("/").toString(), "--flag", "ai-agents",
                    "--flag", "auto-remediation");
            cli.env.put("SITREP_SECRET_SO", "tok");
            String onSo = cli.run("incident", "declare", "--title", "Agents looping on so", "--platform", "so").firstWord();
            CliRunner.Result r = cli.run("kill-switch", "halt", "--platform", "so", "--reason", "looping", "--yes");
            assertRefused(r, 3, "halt incomplete: auto-remediation is still enabled (1 of 2 flags disabled: ai-agents)");
            String said = "PARTLY HALTED (flags disabled: ai-agents; still enabled: auto-remediation)";
            assertThat(r.out()).startsWith("so: " + said + ": so: halt incomplete")
                    .contains("It went through only in part. Do the rest by hand:")
                    .contains("/v1/feature-flags/auto-remediation").doesNotContain("/v1/feature-flags/ai-agents")
                    .doesNotContain("nothing was");
            assertThat(enabled).containsEntry("ai-agents", false);
            assertThat(cli.run("incident", "show", onSo).out()).contains("Kill switch halt on so " + said);
            assertThat(cli.run("audit", "export").out()).contains("FAILED").contains("read back: flags disabled: ai-agents; "
                    + "still enabled: auto-remediation");
        } finally {
            so1.shutdown();
        }
    }

    @Test
    void aPlatformThatCannotHaltSaysSo() {
        cli.run("platform", "add", "cul", "--kind", "cullis", "--url", "http://127.0.0.1:9");
        assertRefused(cli.run("kill-switch", "halt", "--platform", "cul", "--reason", "x", "--yes"), 2,
                "does not support halt automation");
    }
}
