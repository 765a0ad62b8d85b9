package dev.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.testing.FaultyPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

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
    void aPlatformThatCannotHaltSaysSo() {
        cli.run("platform", "add", "cul", "--kind", "cullis", "--url", "http://127.0.0.1:9");
        assertRefused(cli.run("kill-switch", "halt", "--platform", "cul", "--reason", "x", "--yes"), 2,
                "does not support halt automation");
    }
}
