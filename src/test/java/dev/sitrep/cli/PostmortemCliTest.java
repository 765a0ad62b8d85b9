package dev.sitrep.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sitrep postmortem export}: the saved postmortem, or a draft, with the action items, on stdout or to a new file. */
class PostmortemCliTest {

    @TempDir
    Path tmp;
    private CliRunner cli;
    private String id;

    @BeforeEach
    void declare() {
        cli = new CliRunner(tmp.resolve("data"));
        CliRunner.Result declared = cli.run("incident", "declare", "--title", "Checkout 5xx", "--severity", "SEV2",
                "--service", "checkout");
        assertThat(declared.code()).as(declared.toString()).isZero();
        id = declared.firstWord();
        assertThat(cli.run("followup", "add", id, "--action", "Alert on pool saturation", "--owner", "maria", "--due",
                "2026-12-01").code()).isZero();
    }

    @Test
    void markdownOfTheDraftWithItsActionItemsGoesToStdout() {
        CliRunner.Result r = cli.run("postmortem", "export", id, "--format", "md");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("# Incident 2026-11-22: Checkout 5xx\n")
                .contains("| Incident | " + id + " |")
                .contains("| Alert on pool saturation | maria | 2026-12-01 | open |");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void htmlGoesToANewFileAndTheByteCountIsPrinted() throws Exception {
        Path file = tmp.resolve("postmortem.html");
        CliRunner.Result r = cli.run("postmortem", "export", id, "--format", "html", "--to", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        byte[] written = Files.readAllBytes(file);
        assertThat(r.out()).isEqualTo("Wrote " + file + " (" + written.length + " bytes)\n");
        assertThat(new String(written, StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
                .contains("<title>Incident 2026-11-22: Checkout 5xx</title>")
                .contains("<td>Alert on pool saturation</td>");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("postmortem.md"), "the team's notes");
        CliRunner.Result r = cli.run("postmortem", "export", id, "--format", "md", "--to", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("sitrep: " + file + " already exists and was left as it is; give a new file "
                + "name with --to.\n");
        assertThat(Files.readString(file)).isEqualTo("the team's notes");
    }

    @Test
    void anUnknownIncidentIsExit2() {
        CliRunner.Result r = cli.run("postmortem", "export", "INC-20261122-1432-ZZZZ", "--format", "md");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("sitrep: No incident INC-20261122-1432-ZZZZ;");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFormatOtherThanMdOrHtmlIsAUsageError() {
        CliRunner.Result r = cli.run("postmortem", "export", id, "--format", "pdf");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format").contains("pdf");
    }
}
