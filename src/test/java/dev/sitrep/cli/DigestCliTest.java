package dev.sitrep.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sitrep digest --week}: the weekly digest in Markdown, on stdout or to a new file. */
class DigestCliTest {

    @TempDir
    Path tmp;

    @Test
    void theWeeksDigestGoesToStdout() {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        cli.run("incident", "declare", "--title", "Checkout 5xx", "--severity", "SEV1", "--service", "checkout");
        CliRunner.Result r = cli.run("digest", "--week", "2026-W47");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("# Weekly digest 2026-W47 (16 Nov - 22 Nov 2026)\n")
                .contains("## Incidents declared: 1\n").contains("| checkout | 1 |")
                .contains("| SEV1 | investigating | 2026-11-22 14:32 | checkout | Checkout 5xx |");
    }

    @Test
    void toWritesANewFile() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        Path file = tmp.resolve("digest.md");
        CliRunner.Result r = cli.run("digest", "--week", "2026-W47", "--to", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("Wrote " + file + " (" + Files.size(file) + " bytes)\n");
        assertThat(Files.readString(file)).startsWith("# Weekly digest 2026-W47");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        Path file = Files.writeString(tmp.resolve("digest.md"), "last week's");
        CliRunner.Result r = cli.run("digest", "--week", "2026-W47", "--to", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(file)).isEqualTo("last week's");
    }

    @Test
    void aWeekNotWrittenYyyyWwwIsExit2NamingTheForm() {
        CliRunner.Result r = new CliRunner(tmp.resolve("data")).run("digest", "--week", "2026-47");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("sitrep: '2026-47' is not an ISO week; give it as YYYY-Www, e.g. 2026-W47.\n");
    }
}
