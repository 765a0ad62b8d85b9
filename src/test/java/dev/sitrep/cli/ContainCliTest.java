package dev.sitrep.cli;

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
        assertThat(cli.run("incident", "show", incident).out()).contains("Contained on cul: revoked org acme, certificate 0a1b2c");
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
    void aPlatformWithoutContainmentSaysSo() {
        cli.run("platform", "add", "pn", "--kind", "powernode", "--url", "http://127.0.0.1:9", "--email", "e@x");
        CliRunner.Result r = cli.run("contain", "revoke-cert", "--platform", "pn", "--org", "acme", "--serial", "0a",
                "--reason", "leak", "--yes");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not support containment");
    }
}
