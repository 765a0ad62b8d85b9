package dev.sitrep.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input the CLI cannot use is refused with exit 2 and one line naming the problem and the fix,
 * before anything starts or is stored: never exit 1 ("unexpected failure") and never a stack
 * trace. Each case once went wrong.
 */
class BadInputExitCodesTest {

    @TempDir
    Path tmp;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(tmp.resolve("data"));
    }

    private static void assertRefused(CliRunner.Result r, String... fragments) {
        assertThat(r.code()).as(r.toString()).isEqualTo(2);
        assertThat(r.err().strip()).as(r.toString()).startsWith("sitrep: ").doesNotContain("\n")
                .doesNotContain("Exception").doesNotContain("unexpected failure");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void aSandboxPortOutOfRangeIsRefusedNotAnUnexpectedFailure() {
        assertRefused(cli.run("sandbox", "--port", "99999"), "--port PORT must be 0..65535", "not 99999");
        assertRefused(cli.run("sandbox", "--port", "-1"), "--port PORT must be 0..65535");
    }

    @Test
    void verifyingABundleThatIsNotThereIsBadInputNotAFailedVerification() throws Exception {
        assertRefused(cli.run("evidence", "verify", tmp.resolve("nonexistent.zip").toString()), "No bundle at",
                "sitrep evidence export");
        Files.createDirectories(tmp.resolve("a-folder.zip"));
        assertRefused(cli.run("evidence", "verify", tmp.resolve("a-folder.zip").toString()), "it is a directory");
    }

    @Test
    void aDataDirectoryNothingCanBeWrittenToIsNamedWithTheFixNotADatabaseStackTrace() {
        CliRunner.Result r = cli.run("--data-dir", "/proc/1", "incident", "list");
        assertRefused(r, "Cannot write to the data directory /proc/1", "--data-dir");
        assertThat(Files.exists(Path.of("/proc/1/sitrep.mv.db"))).isFalse();
    }

    @Test
    void aPlatformUrlWithAUserOrPasswordIsRefusedAndNeverStoredOrPrinted() {
        CliRunner.Result r = cli.run("platform", "add", "pn", "--kind", "powernode", "--url",
                "http://ops:hunter2@127.0.0.1:8080", "--email", "ops@example.com");
        assertRefused(r, "--url must not carry a user or password", "sitrep platform secret");
        assertThat(r.err()).doesNotContain("hunter2");
        CliRunner.Result list = cli.run("platform", "list", "--json");
        assertThat(list.out()).doesNotContain("hunter2").doesNotContain("127.0.0.1:8080");
        assertRefused(cli.run("platform", "add", "pn", "--kind", "powernode", "--url", "https://token@pn.example.com",
                "--email", "ops@example.com"), "must not carry a user or password");
    }
}
