package dev.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** sitrep runbook import, in-process, against real files in a temporary data directory. */
class RunbookImportCliTest {

    @TempDir
    Path tmp;
    private CliRunner cli;
    private Path dataDir;
    private Path source;

    @BeforeEach
    void setUp() throws Exception {
        dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir.resolve("runbooks"));
        cli = new CliRunner(dataDir);
        source = tmp.resolve("confluence-paste.txt");
        try (InputStream in = getClass().getResourceAsStream("/import/confluence-paste.txt")) {
            Files.write(source, in.readAllBytes());
        }
    }

    @Test
    void withoutOutTheRunbookGoesToStdoutAndTheReportToStderr() throws Exception {
        CliRunner.Result r = cli.run("runbook", "import", source.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode runbook = Json.MAPPER.readTree(r.out());
        assertThat(runbook.get("id").asText()).isEqualTo("broker-outage-runbook");
        assertThat(runbook.get("sections")).hasSize(3);
        assertThat(r.err().lines().toList()).contains(source + ":1: navigation before the title; left out: Skip to content")
                .last().asString().startsWith("Imported \"Broker outage runbook\" as broker-outage-runbook: 17 sections, "
                        + "25 steps (12 with a command), 1 table");
    }

    @Test
    void withOutTheFileIsWrittenAndValidates() {
        Path out = dataDir.resolve("runbooks/broker.json");
        CliRunner.Result r = cli.run("runbook", "import", source.toString(), "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).last().asString().startsWith("Wrote " + out + ": Imported ");
        assertThat(r.err()).isEmpty();
        CliRunner.Result validated = cli.run("runbook", "validate", out.toString());
        assertThat(validated.code()).as(validated.toString()).isZero();
        assertThat(validated.out()).contains("valid runbook \"broker-outage-runbook\"");
    }

    @Test
    void anExistingOutIsNotReplacedWithoutForce() throws Exception {
        Path out = Files.writeString(tmp.resolve("existing.json"), "keep me");
        CliRunner.Result r = cli.run("runbook", "import", source.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sitrep: " + out + " already exists; give another --out, or add --force to "
                + "replace it");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(cli.run("runbook", "import", source.toString(), "--out", out.toString(), "--force").code()).isZero();
        assertThat(Files.readString(out)).startsWith("{");
    }

    @Test
    void reimportingOverTheSameTeamFileKeepsItsId() {
        Path out = dataDir.resolve("runbooks/broker.json");
        assertThat(cli.run("runbook", "import", source.toString(), "--out", out.toString()).code()).isZero();
        CliRunner.Result again = cli.run("runbook", "import", source.toString(), "--out", out.toString(), "--force",
                "--json-report");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("\"id\":\"broker-outage-runbook\"");
    }

    @Test
    void theJsonReportHasTheCountsNotesAndAdjustments() throws Exception {
        Path out = tmp.resolve("broker.json");
        CliRunner.Result r = cli.run("runbook", "import", source.toString(), "--out", out.toString(), "--json-report");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("file").asText()).isEqualTo(source.toString());
        assertThat(report.get("out").asText()).isEqualTo(out.toString());
        assertThat(report.get("counts").get("sections").asInt()).isEqualTo(17);
        assertThat(report.get("counts").get("commands").asInt()).isEqualTo(12);
        assertThat(report.get("notes")).isEmpty();
        assertThat(report.get("adjustments").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(report.get("adjustments").get(0).get("text").asText()).isEqualTo("Skip to content");
    }

    @Test
    void aJsonReportWithoutOutIsAUsageError() {
        CliRunner.Result r = cli.run("runbook", "import", source.toString(), "--json-report");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sitrep: --json-report prints the report on stdout, where the runbook goes "
                + "without --out; add --out FILE");
    }

    @Test
    void aBinaryFileIsRefusedWithItsLineOnOneLine() throws Exception {
        Path binary = Files.write(tmp.resolve("image.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        CliRunner.Result r = cli.run("runbook", "import", binary.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("sitrep: " + binary + ":3: holds a NUL byte").contains("binary");
    }

    @Test
    void anIdThatATeamRunbookUsesIsRefusedAndNothingIsWritten() throws Exception {
        Path out = tmp.resolve("broker.json");
        assertThat(cli.run("runbook", "import", source.toString(), "--out", dataDir.resolve("runbooks/first.json").toString(),
                "--id", "broker").code()).isZero();
        CliRunner.Result r = cli.run("runbook", "import", source.toString(), "--out", out.toString(), "--id", "broker");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("the id \"broker\" is already used by").contains("give it another id with --id");
        assertThat(out).doesNotExist();
    }

    @Test
    void aClashOverAnExistingFileLeavesThatFileAsItWas() throws Exception {
        assertThat(cli.run("runbook", "import", source.toString(), "--out", dataDir.resolve("runbooks/first.json").toString(),
                "--id", "broker").code()).isZero();
        Path out = Files.writeString(tmp.resolve("old.json"), "the old file");
        CliRunner.Result r = cli.run("runbook", "import", source.toString(), "--out", out.toString(), "--force", "--id", "broker");
        assertThat(r.code()).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("the old file");
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        CliRunner.Result r = cli.run("runbook", "import", tmp.resolve("nope.md").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sitrep: " + tmp.resolve("nope.md") + ":1: does not exist; check the path");
    }

    @Test
    void aTableOf1000ColumnsIsAClearResultNotAStackTrace() throws Exception {
        StringBuilder md = new StringBuilder("# Wide table\n\n## Hosts\n\n");
        for (String row : new String[]{"host", "---", "value"}) {
            for (int c = 1; c <= 1000; c++) {
                md.append("| ").append(row.equals("---") ? "---" : row + c).append(' ');
            }
            md.append("|\n");
        }
        Path wide = Files.writeString(tmp.resolve("wide.md"), md);
        CliRunner.Result r = cli.run("runbook", "import", wide.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Json.MAPPER.readTree(r.out()).get("sections").get(0).get("steps").get(0).asText())
                .startsWith("host1: value1; host2: value2;");
        assertThat(r.err()).contains(wide + ":5: a table kept as 1 steps of section \"Hosts\"")
                .contains("Imported \"Wide table\" as wide-table: 1 section, 1 step");
    }
}
