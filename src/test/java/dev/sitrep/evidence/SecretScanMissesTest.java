package dev.sitrep.evidence;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets the scan used to miss (issue 18, item 12), each through a real capture of a real
 * file: whether a file is scanned is decided by its bytes, not its name, and the patterns cover
 * the forms keys and passwords take in key files, credentials files, JSON and logs.
 */
class SecretScanMissesTest {

    private static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path dir;
    @TempDir
    Path files;
    private Store store;
    private Services services;
    private Incident incident;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(new TestClock(Instant.parse("2026-11-22T14:32:00Z")))
                .random(new Random(1)).evidenceLimit(() -> 1 << 20).build();
        incident = services.incidents().declare(Declaration.titled("Key leaked"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Adds the file as evidence the way the CLI and the console do, and answers "line kind" per secret found. */
    private List<String> found(Path file) {
        EvidenceCaptures.Captured captured = services.evidenceCaptures().addPaths(incident.id(), List.of(file), null,
                List.of(), EvidenceCaptures.Progress.NONE, () -> false);
        return captured.items().get(0).secrets().stream().map(f -> f.line() + " " + f.kind()).toList();
    }

    @Test
    void aPkcs8KeyInAPemFile() throws Exception {
        Path pem = Files.writeString(files.resolve("server.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n");
        assertThat(found(pem)).containsExactly("1 private key");
    }

    @Test
    void aKeyFile() throws Exception {
        Path key = Files.writeString(files.resolve("tls.key"), "-----BEGIN EC PRIVATE KEY-----\n"
                + "MHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n");
        assertThat(found(key)).containsExactly("1 private key");
    }

    @Test
    void aFileWithNoExtension() throws Exception {
        Path credentials = Files.writeString(files.resolve("credentials"), "[default]\n"
                + "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = " + AWS_SECRET + "\n");
        assertThat(found(credentials)).containsExactly("2 AWS access key", "3 AWS secret key");
    }

    @Test
    void aSecretAccessKeyInJson() throws Exception {
        Path json = Files.writeString(files.resolve("assume-role.json"), """
                {
                  "Credentials": {
                    "AccessKeyId": "ASIAIOSFODNN7EXAMPLE",
                    "SecretAccessKey": "%s",
                    "Expiration": "2026-11-22T15:32:00Z"
                  }
                }
                """.formatted(AWS_SECRET));
        assertThat(found(json)).containsExactly("3 AWS access key", "4 AWS secret key");
    }

    @Test
    void utf16Text() throws Exception {
        String env = "HOME=/root\r\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\r\n";
        byte[] withMark = ("\uFEFF" + env).getBytes(StandardCharsets.UTF_16LE);
        assertThat(found(Files.write(files.resolve("env-windows.txt"), withMark))).containsExactly("2 AWS access key");
        byte[] withoutMark = env.getBytes(StandardCharsets.UTF_16BE);
        assertThat(found(Files.write(files.resolve("env-big-endian.txt"), withoutMark))).containsExactly("2 AWS access key");
    }

    @Test
    void aPasswordAssignmentInALog() throws Exception {
        Path log = Files.writeString(files.resolve("app.log"),
                "2026-11-22T14:30:00Z INFO  starting\n2026-11-22T14:30:01Z DEBUG db connect user=orders password=hunter2\n");
        EvidenceCaptures.Added added = services.evidenceCaptures().addPaths(incident.id(), List.of(log), null, List.of(),
                EvidenceCaptures.Progress.NONE, () -> false).items().get(0);
        assertThat(added.secrets()).extracting(f -> f.line() + " " + f.kind()).containsExactly("2 password");
        assertThat(added.secrets().get(0).masked()).endsWith("password=[REDACTED: password]");
    }

    @Test
    void binaryContentIsNotScannedWhateverItsName() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] text = "tEXt password=hunter2".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = java.util.Arrays.copyOf(png, png.length + text.length);
        System.arraycopy(text, 0, bytes, png.length, text.length);
        Path disguised = Files.write(files.resolve("core.log"), bytes);
        assertThat(found(disguised)).isEmpty();
    }
}
