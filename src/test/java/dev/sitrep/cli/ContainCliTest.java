package dev.sitrep.cli;

import dev.sitrep.testing.FaultyCullis;
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

import static org.assertj.core.api.Assertions.assertThat;

/** sitrep contain revoke-cert against a scripted Cullis broker on loopback. */
class ContainCliTest {

    @TempDir
    Path tmp;
    private MockWebServer cullis;
    private CliRunner cli;
    private String incident;

    @BeforeEach
    void start() throws Exception {
        cullis = new MockWebServer();
        cullis.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!"s3cret".equals(request.getHeader("x-admin-secret"))) {
                    return new MockResponse().setResponseCode(403).setBody("{\"detail\":\"Invalid admin secret\"}");
                }
                return new MockResponse().setBody("{\"serial_hex\":\"0a1b2c\",\"org_id\":\"acme\",\"revoked_at\":"
                        + "\"2026-11-22T14:40:00Z\",\"agent_id\":\"agent-7\",\"reason\":\"leak\",\"message\":\"revoked\"}");
            }
        });
        cullis.start(InetAddress.getLoopbackAddress(), 0);
        cli = new CliRunner(tmp.resolve("data"));
        cli.run("platform", "add", "cul", "--kind", "cullis", "--url", cullis.url("/").toString());
        incident = cli.run("incident", "declare", "--title", "Agent key leaked", "--platform", "cul").firstWord();
    }

    @AfterEach
    void stop() throws Exception {
        cullis.shutdown();
    }

    @Test
    void aRevocationIsConfirmedAuditedAndOnTheTimeline() throws Exception {
        cli.env.put("SITREP_SECRET_CUL", "s3cret");
        CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "cul", "--org", "acme", "--serial", "0a1b2c",
                "--reason", "agent key leaked in a log", "--yes");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("revoked certificate 0a1b2c of acme");
        assertThat(cullis.takeRequest().getBody().readUtf8()).contains("\"serial_hex\":\"0a1b2c\"").contains("\"org_id\":\"acme\"");
        assertThat(cli.run("audit", "export").out()).contains("CONTAINED reason=\"agent key leaked in a log\"");
        assertThat(cli.run("incident", "show", incident).out()).contains("Contained on cul: revoked certificate 0a1b2c of acme (confirmed by the platform)");
    }

    @Test
    void aWrongSecretIsExit3WithTheBrokersWordsAndTheFallback() {
        cli.env.put("SITREP_SECRET_CUL", "wrong-one");
        CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "cul", "--org", "acme", "--serial", "0a1b2c",
                "--reason", "leak", "--yes");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("Invalid admin secret");
        assertThat(r.out()).contains("x-admin-secret: $SITREP_SECRET_CUL").doesNotContain("wrong-one");
        assertThat(cli.run("audit", "export").out()).contains("FAILED");
    }

    @Test
    void withoutYesNothingIsSent() {
        cli.env.put("SITREP_SECRET_CUL", "s3cret");
        CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "cul", "--org", "acme", "--serial", "0a1b2c",
                "--reason", "leak");
        assertThat(r.code()).isEqualTo(2);
        assertThat(cullis.getRequestCount()).isZero();
    }

    @Test
    void aFiveThousandCharacterOrgIsRefusedNamingTheLimitBeforeAnythingIsSent() {
        cli.env.put("SITREP_SECRET_CUL", "s3cret");
        CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "cul", "--org", "o".repeat(5000), "--serial",
                "0a1b2c", "--reason", "leak", "--yes");
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("(5000 characters)' is not a Cullis organisation id").contains("at most 128 characters")
                .hasSizeLessThan(400);
        assertThat(cullis.getRequestCount()).isZero();
        assertThat(cli.run("audit", "export").out()).isEmpty();
    }

    @Test
    void aLongRefusalIsAuditedCutShortWithTheManualRequest() throws Exception {
        try (FaultyCullis broker = FaultyCullis.start()) {
            cli.run("platform", "add", "fc", "--kind", "cullis", "--url", broker.url());
            cli.env.put("SITREP_SECRET_FC", FaultyCullis.SECRET);
            broker.errorText("Forbidden: " + "x".repeat(10_240));
            broker.next(FaultyPlatform.Fault.REFUSED_403);
            CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "fc", "--org", "acme", "--serial", "0a1b2c",
                    "--reason", "leak", "--yes");
            assertThat(r.code()).as(r.toString()).isEqualTo(3);
            assertThat(r.err()).contains("fc refused (HTTP 403): Forbidden: xxx").contains("characters in all)")
                    .hasSizeLessThan(700);
            assertThat(r.out()).contains("fc: FAILED, nothing was revoked").contains("Did not go through. Do it by hand:")
                    .contains("x-admin-secret: $SITREP_SECRET_FC");
            assertThat(cli.run("audit", "export").out()).contains("FAILED reason=\"leak\"");
        }
    }

    @Test
    void aRevocationCarriedOutThenAnswered500SaysRevokedAndExitsZero() throws Exception {
        try (FaultyCullis broker = FaultyCullis.start()) {
            cli.run("platform", "add", "fc", "--kind", "cullis", "--url", broker.url());
            cli.env.put("SITREP_SECRET_FC", FaultyCullis.SECRET);
            broker.next(FaultyPlatform.Fault.CARRIED_OUT_THEN_500);
            CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "fc", "--org", "acme", "--serial", "0a1b2c",
                    "--reason", "leak", "--yes");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("fc: revoked certificate 0a1b2c of acme (confirmed by read-back after: fc "
                    + "answered HTTP 500");
            assertThat(broker.isRevoked("0a1b2c")).isTrue();
            assertThat(cli.run("audit", "export").out()).contains("CONTAINED reason=\"leak\"").doesNotContain("FAILED");
        }
    }

    @Test
    void anUnknownRevocationIsExit4AndTheNextRefreshRecordsWhatTheBrokerLists() throws Exception {
        try (FaultyCullis broker = FaultyCullis.start()) {
            cli.run("platform", "add", "fc", "--kind", "cullis", "--url", broker.url());
            cli.env.put("SITREP_SECRET_FC", FaultyCullis.SECRET);
            String onFc = cli.run("incident", "declare", "--title", "Key leaked at fc", "--platform", "fc").firstWord();
            broker.next(FaultyPlatform.Fault.CARRIED_OUT_THEN_500);
            broker.listingFails(true);
            CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "fc", "--org", "acme", "--serial", "0a1b2c",
                    "--reason", "leak", "--yes");
            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.out()).startsWith("fc: UNKNOWN, checking: fc answered HTTP 500")
                    .contains("'sitrep platform status --refresh'").doesNotContain("nothing was");
            broker.listingFails(false);
            assertThat(cli.run("platform", "status", "--refresh").code()).isZero();
            assertThat(cli.run("incident", "show", onFc).out()).contains("Contained on fc: revoked certificate 0a1b2c of "
                    + "acme (confirmed by read-back at 14:32 UTC; the outcome had been unknown, audit #1 (entry ");
            assertThat(cli.run("audit", "export", "--format", "jsonl").out().lines()
                    .filter(l -> l.contains("\"platform\":\"fc\"")).map(l -> l.replaceAll(
                    ".*\"action\":\"(\\w+)\".*", "$1")).toList()).containsExactly("UNKNOWN", "CONTAINED");
        }
    }

    @Test
    void aPlatformWithoutContainmentSaysSo() {
        cli.run("platform", "add", "pn", "--kind", "powernode", "--url", "http://127.0.0.1:9", "--email", "e@x");
        CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "pn", "--org", "acme", "--serial", "0a",
                "--reason", "leak", "--yes");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not support containment");
    }
}
