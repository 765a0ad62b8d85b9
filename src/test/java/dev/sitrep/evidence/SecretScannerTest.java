package dev.sitrep.evidence;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret scan on fixtures with and without secrets: every kind found, no false alarm on an ordinary log. */
class SecretScannerTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = SecretScannerTest.class.getResourceAsStream("/evidence/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anOrdinaryLogRaisesNoAlarm() throws Exception {
        assertThat(SecretScanner.scan(fixture("ordinary-log.txt"))).isEmpty();
    }

    @Test
    void eachKindOfSecretIsFoundOnItsLine() throws Exception {
        var findings = SecretScanner.scan(fixture("with-secrets-log.txt"));
        assertThat(findings).extracting(SecretScanner.Finding::line, SecretScanner.Finding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "bearer token"),
                org.assertj.core.groups.Tuple.tuple(2, "AWS access key"),
                org.assertj.core.groups.Tuple.tuple(3, "AWS secret key"),
                org.assertj.core.groups.Tuple.tuple(4, "password in a URL"),
                org.assertj.core.groups.Tuple.tuple(5, "JWT"),
                org.assertj.core.groups.Tuple.tuple(6, "API key or secret"),
                org.assertj.core.groups.Tuple.tuple(7, "private key"));
        assertThat(findings.get(3).masked()).contains("postgres://orders:[REDACTED: password in a URL]@db.internal")
                .doesNotContain("S3cr3tP4ss");
    }

    @Test
    void theRedactedCopyHoldsNoSecretAndKeepsTheRest() throws Exception {
        String redacted = SecretScanner.redact(fixture("with-secrets-log.txt"));
        assertThat(SecretScanner.scan(redacted)).isEmpty();
        assertThat(redacted).doesNotContain("AKIAIOSFODNN7EXAMPLE", "S3cr3tP4ss", "9fK2mQx7VbN3pLr8TzW4yHc6JdS1aE5u",
                        "b3BlbnNzaC1rZXktdjE")
                .contains("2026-11-22T14:30:03Z DEBUG connecting to postgres://orders:");
    }

    @Test
    void theRedactedCopyMasksKeysFilesJsonAndPasswordsToo() {
        String text = """
                -----BEGIN PRIVATE KEY-----
                MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
                -----END PRIVATE KEY-----
                {"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "password": "correct horse"}
                SecretAccessKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                DB_PASSWORD=hunter2 pwd: s3cret! NewPassword='tr0ub4dor'
                """;
        assertThat(SecretScanner.scan(text)).extracting(f -> f.line() + " " + f.kind()).containsExactly(
                "1 private key", "4 AWS secret key", "4 password", "5 AWS secret key", "6 password");
        String redacted = SecretScanner.redact(text);
        assertThat(SecretScanner.scan(redacted)).isEmpty();
        assertThat(redacted).doesNotContain("MIIEvQIBADAN", "EXAMPLEKEY", "correct horse", "hunter2", "s3cret!", "tr0ub4dor")
                .contains("\"password\": \"[REDACTED: password]\"").contains("DB_PASSWORD=[REDACTED: password]");
    }
}
