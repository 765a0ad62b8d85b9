package dev.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.testing.LargeRunbooks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** sitrep runbook list / validate / export, in-process against a data directory with team files. */
class RunbookCliTest {

    @TempDir
    Path tmp;
    private CliRunner cli;
    private Path dataDir;
    private Path team;

    private static final String TEAM_RUNBOOK = """
            {
              "version": 1,
              "id": "payments",
              "title": "Payments triage",
              "nodes": [{"id": "q", "question": "Are customers charged twice?", "answers": [
                {"text": "Yes", "outcome": "double"}, {"text": "No", "section": "lifecycle#investigate"}]}],
              "outcomes": [{"id": "double", "title": "Double charges", "severity": "SEV1",
                "open": ["rollback#kill-switch"], "actions": ["propose-kill-switch"], "contacts": "contacts#escalation"}]
            }
            """;

    @BeforeEach
    void setUp() throws Exception {
        dataDir = tmp.resolve("data");
        team = Files.createDirectories(dataDir.resolve("runbooks"));
        cli = new CliRunner(dataDir);
    }

    @Test
    void listShowsTheBuiltInsAndTheTeamFilesWithTheirProblems() throws Exception {
        Files.writeString(team.resolve("payments.json"), TEAM_RUNBOOK);
        Files.writeString(team.resolve("broken.json"), "{\"version\": 1, \"id\": \"broken\", \"titel\": \"B\"}");
        CliRunner.Result r = cli.run("runbook", "list");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("ai-triage           built-in  valid                           6         9")
                .contains("payments            team      valid                           1         1")
                .contains("broken              team      invalid: 2 problems")
                .contains("    " + team.resolve("broken.json") + ":1: the runbook has no \"title\"")
                .contains("    " + team.resolve("broken.json") + ":1: unknown key \"titel\" in the runbook (did you mean \"title\"?)")
                .contains("7 runbooks in use; 2 team files in " + team + "; 1 with problems");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void listJsonIsOneObjectPerFile() throws Exception {
        Files.writeString(team.resolve("payments.json"), TEAM_RUNBOOK.replace("SEV1", "SEV9"));
        CliRunner.Result r = cli.run("runbook", "list", "--json");
        assertThat(r.code()).isZero();
        JsonNode list = Json.MAPPER.readTree(r.out());
        assertThat(list).hasSize(7);
        JsonNode first = list.get(0);
        assertThat(first.get("id").asText()).isEqualTo("ai-triage");
        assertThat(first.get("origin").asText()).isEqualTo("built-in");
        assertThat(first.get("file").asText()).isEqualTo("runbooks/ai-triage.json");
        assertThat(first.get("valid").asBoolean()).isTrue();
        assertThat(first.get("inUse").asBoolean()).isTrue();
        assertThat(first.get("counts").get("questions").asInt()).isEqualTo(6);
        assertThat(first.get("problems")).isEmpty();
        JsonNode payments = list.get(6);
        assertThat(payments.get("origin").asText()).isEqualTo("team");
        assertThat(payments.get("valid").asBoolean()).isFalse();
        JsonNode problem = payments.get("problems").get(0);
        assertThat(problem.get("file").asText()).isEqualTo(team.resolve("payments.json").toString());
        assertThat(problem.get("line").asInt()).isEqualTo(7);
        assertThat(problem.get("message").asText()).startsWith("outcome \"double\" recommends \"SEV9\"");
    }

    @Test
    void validateAValidFileIsExit0WithItsCounts() throws Exception {
        Path file = Files.writeString(tmp.resolve("payments.json"), TEAM_RUNBOOK);
        CliRunner.Result r = cli.run("runbook", "validate", file.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().strip()).isEqualTo(file + ": valid runbook \"payments\" (1 questions, 1 outcomes, 0 sections, "
                + "0 steps, 0 tables)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validateAnInvalidFileIsExit2WithEachProblemOnStderrAsFileLineMessage() throws Exception {
        Path file = Files.writeString(tmp.resolve("payments.json"), TEAM_RUNBOOK
                .replace("\"section\": \"lifecycle#investigate\"", "\"section\": \"lifecycle#investigat\"")
                .replace("\"severity\": \"SEV1\"", "\"severity\": \"SEV1\", \"colour\": \"red\""));
        CliRunner.Result r = cli.run("runbook", "validate", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                file + ":6: answer \"No\" of question \"q\" opens section \"lifecycle#investigat\", but runbook \"lifecycle\" "
                        + "has no section \"investigat\" (did you mean \"investigate\"?); its sections are detect, declare, "
                        + "updates, investigate, verify, postmortem",
                file + ":7: unknown key \"colour\" in outcome \"double\"; the keys here are id, title, summary, severity, "
                        + "open, actions, roles, contacts",
                "sitrep: " + file + " has 2 problems; Sitrep does not use a runbook until they are fixed");
    }

    @Test
    void validateJsonPrintsTheReportAndStillExits2() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.json"), "{\"version\": 3}");
        CliRunner.Result r = cli.run("runbook", "validate", file.toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("id").isNull()).isTrue();
        assertThat(report.get("problems").get(0).get("message").asText()).isEqualTo("\"version\" is 3, but this Sitrep "
                + "reads runbook version 1 only; write \"version\": 1 (or use a newer Sitrep)");
        assertThat(r.err().strip()).isEqualTo("sitrep: " + file + " has 1 problem (listed in the JSON); Sitrep does not use "
                + "a runbook until they are fixed");
    }

    @Test
    void validateAMissingFileIsOneLineExit2() {
        CliRunner.Result r = cli.run("runbook", "validate", tmp.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sitrep: runbook file " + tmp.resolve("nope.json") + " does not exist; give "
                + "the path of a .json runbook file");
    }

    @Test
    void exportedBuiltInFilledInAndDroppedInTheTeamFolderReplacesTheBuiltIn() throws Exception {
        CliRunner.Result exported = cli.run("runbook", "export", "contacts");
        assertThat(exported.code()).isZero();
        String filled = exported.out().replaceFirst("\"name\": \"\", \"contact\": \"\"", "\"name\": \"Maria\", \"contact\": "
                + "\"+49 170 0000000\"");
        Path file = Files.writeString(team.resolve("contacts.json"), filled);
        CliRunner.Result validated = cli.run("runbook", "validate", file.toString());
        assertThat(validated.code()).as(validated.toString()).isZero();
        assertThat(validated.out()).contains("in the team folder it replaces the built-in runbook of the same id");
        CliRunner.Result list = cli.run("runbook", "list");
        assertThat(list.out()).contains("contacts            built-in  valid, replaced")
                .contains("contacts            team      valid");
        assertThat(cli.run("runbook", "export", "contacts").out()).contains("Maria");
    }

    @Test
    void exportOfAnUnknownIdNamesTheRunbooks() {
        CliRunner.Result r = cli.run("runbook", "export", "nope");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sitrep: There is no runbook \"nope\" in use; the runbooks are ai-triage, "
                + "lifecycle, infra, rollback, severity, contacts.");
    }

    @Test
    void runbookCommandsNeedNoWorkspaceDatabase() {
        assertThat(cli.run("runbook", "list").code()).isZero();
        assertThat(dataDir.resolve("sitrep.mv.db")).doesNotExist();
    }

    @Test
    void validateOfA3000QuestionChainIsAClearResultNotAStackTrace() throws Exception {
        Path file = Files.writeString(tmp.resolve("chain.json"), LargeRunbooks.chain("chain", 3000));
        assertThat(Files.size(file)).isGreaterThan(300_000);
        CliRunner.Result r = cli.run("runbook", "validate", file.toString());
        assertThat(r.code()).as(r.toString()).isIn(0, 2);
        assertThat(r.toString()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
        assertThat(r.out().strip()).isEqualTo(file + ": valid runbook \"chain\" (3000 questions, 2 outcomes, 0 sections, "
                + "0 steps, 0 tables)");
    }

    @Test
    void a3000QuestionChainAndTooDeepSectionsInTheTeamFolderLeaveListAndExportWorking() throws Exception {
        Files.writeString(team.resolve("chain.json"), LargeRunbooks.chain("chain", 3000));
        Files.writeString(team.resolve("deep.json"), LargeRunbooks.nestedSections("deep", 600));
        Files.writeString(team.resolve("payments.json"), TEAM_RUNBOOK);
        CliRunner.Result list = cli.run("runbook", "list");
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).contains("chain               team      valid                        3000         2")
                .contains("payments            team      valid")
                .contains("?                   team      invalid: 1 problem")
                .contains("    " + team.resolve("deep.json") + ":3: nested deeper than 1000 levels");
        assertThat(list.err()).isEmpty();
        CliRunner.Result exported = cli.run("runbook", "export", "payments");
        assertThat(exported.code()).as(exported.toString()).isZero();
        assertThat(exported.out()).isEqualTo(TEAM_RUNBOOK);
        CliRunner.Result chain = cli.run("runbook", "export", "chain");
        assertThat(chain.code()).as(chain.toString()).isZero();
        assertThat(chain.out()).startsWith("{").contains("\"q3000\"");
    }
}
