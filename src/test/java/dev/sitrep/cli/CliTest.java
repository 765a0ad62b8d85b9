package dev.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {

    @TempDir
    Path tmp;

    private CliRunner cli() {
        return new CliRunner(tmp.resolve("data"));
    }

    private static void assertRefused(CliRunner.Result r, int code, String... fragments) {
        assertThat(r.code()).as("exit code of %s", r).isEqualTo(code);
        assertThat(r.err().strip()).as("stderr is one line").doesNotContain("\n").startsWith("sitrep: ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    private static String declare(CliRunner cli, String... extra) {
        List<String> args = new ArrayList<>(List.of("incident", "declare", "--title", "Checkout 5xx spike"));
        args.addAll(List.of(extra));
        CliRunner.Result r = cli.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        return r.firstWord();
    }

    @Test
    void versionComesFromThePom() {
        CliRunner.Result r = cli().run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("sitrep " + System.getProperty("sitrep.expectedVersion"));
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        CliRunner.Result r = cli().run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("incident", "backup", "restore", "--data-dir", "--actor", "Exit codes");
    }

    @Test
    void declareListShowRoundTrip() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli, "--severity", "sev1", "--service", "checkout", "--platform", "powernode");
        assertThat(id).matches("INC-20261122-1432-\\w{4}");
        assertThat(cli.run("incident", "list").out()).contains(id).contains("SEV1").contains("Checkout 5xx spike");
        CliRunner.Result show = cli.run("incident", "show", id);
        assertThat(show.out()).contains("14:32 UTC (15:32 CET) · 22 Nov 2026").contains("powernode");
        JsonNode json = Json.MAPPER.readTree(cli.run("incident", "show", id, "--json").out());
        assertThat(json.get("id").asText()).isEqualTo(id);
        assertThat(json.get("severity").asText()).isEqualTo("SEV1");
        assertThat(json.get("status").asText()).isEqualTo("investigating");
        assertThat(json.get("service").asText()).isEqualTo("checkout");
        assertThat(json.get("platforms").get(0).asText()).isEqualTo("powernode");
        assertThat(json.get("commander").asText()).isEqualTo("osuser");
        JsonNode first = json.get("timeline").get(0);
        assertThat(first.get("type").asText()).isEqualTo("declared");
        assertThat(first.get("actor").asText()).isEqualTo("osuser");
        assertThat(first.get("occurredAt").asText()).isEqualTo("2026-11-22T14:32:00Z");
        assertThat(first.has("recordedAt")).isTrue();
        assertThat(first.has("text")).isTrue();
        assertThat(first.has("id")).isTrue();
    }

    @Test
    void listJsonIsAnArrayOfIncidentsAndHidesFinishedOnesByDefault() throws Exception {
        CliRunner cli = cli();
        String open = declare(cli);
        String done = declare(cli, "--anyway"); // the same title again: a likely duplicate, declared on purpose
        assertThat(cli.run("incident", "set", done, "--status", "resolved").code()).isZero();
        JsonNode openOnly = Json.MAPPER.readTree(cli.run("incident", "list", "--json").out());
        assertThat(openOnly.isArray()).isTrue();
        assertThat(openOnly).hasSize(1);
        assertThat(openOnly.get(0).get("id").asText()).isEqualTo(open);
        assertThat(Json.MAPPER.readTree(cli.run("incident", "list", "--status", "all", "--json").out())).hasSize(2);
        assertThat(Json.MAPPER.readTree(cli.run("incident", "list", "--status", "resolved", "--json").out())).hasSize(1);
    }

    @Test
    void backdatedNoteIsPlacedWhenItHappened() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        cli.clock.advance(Duration.ofMinutes(10));
        assertThat(cli.run("incident", "note", id, "first", "alert", "fired", "--at", "14:30 UTC").code()).isZero();
        JsonNode timeline = Json.MAPPER.readTree(cli.run("incident", "show", id, "--json").out()).get("timeline");
        assertThat(timeline.get(0).get("text").asText()).isEqualTo("first alert fired");
        assertThat(timeline.get(0).get("occurredAt").asText()).isEqualTo("2026-11-22T14:30:00Z");
        assertThat(timeline.get(0).get("recordedAt").asText()).isEqualTo("2026-11-22T14:42:00Z");
    }

    @Test
    void setChangesStatusSeverityAndRolesAndSaysWhenAlreadySo() {
        CliRunner cli = cli();
        String id = declare(cli);
        assertThat(cli.run("incident", "set", id, "--status", "mitigating", "--reason", "rolling back").out())
                .contains("now mitigating");
        CliRunner.Result again = cli.run("incident", "set", id, "--status", "mitigating");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already mitigating");
        assertThat(cli.run("incident", "set", id, "--severity", "SEV1", "--reason", "all regions").out()).contains("now SEV1");
        assertThat(cli.run("incident", "set", id, "--commander", "sam").out()).contains("sam");
        cli.clock.advance(java.time.Duration.ofMinutes(3));
        assertThat(cli.run("incident", "set", id, "--milestone", "acknowledged", "--at", "-1m").code()).isZero();
        assertThat(cli.run("incident", "show", id).out()).contains("Commander:  sam").contains("acknowledged         14:34 UTC");
    }

    @Test
    void amendAndHypothesisGoOnTheTimeline() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        cli.run("incident", "note", id, "rollback done");
        JsonNode timeline = Json.MAPPER.readTree(cli.run("incident", "show", id, "--json").out()).get("timeline");
        String noteId = timeline.get(1).get("id").asText();
        assertThat(cli.run("incident", "amend", id, noteId, "--text", "rollback done (v1.4.2)").code()).isZero();
        assertThat(cli.run("incident", "hypothesis", id, "pool", "exhaustion", "--confidence", "85").code()).isZero();
        String show = cli.run("incident", "show", id).out();
        assertThat(show).contains("[corrected] rollback done").contains("(corrects " + noteId + ")")
                .contains("Hypothesis (85% confident): pool exhaustion");
    }

    @Test
    void actorIsAcceptedBeforeOrAfterTheSubcommandAndFromTheEnvironment() throws Exception {
        CliRunner cli = cli();
        String a = cli.run("--actor", "maria", "incident", "declare", "--title", "a").firstWord();
        String b = cli.run("incident", "declare", "--title", "b", "--actor", "sam").firstWord();
        cli.env.put("SITREP_ACTOR", "lee");
        String c = cli.run("incident", "declare", "--title", "c").firstWord();
        assertThat(commander(cli, a)).isEqualTo("maria");
        assertThat(commander(cli, b)).isEqualTo("sam");
        assertThat(commander(cli, c)).isEqualTo("lee");
    }

    @Test
    void dataDirOptionBeatsTheEnvironment() {
        CliRunner cli = cli();
        Path other = tmp.resolve("other");
        assertThat(cli.run("incident", "declare", "--title", "elsewhere", "--data-dir", other.toString()).code()).isZero();
        assertThat(Store.databaseFile(other)).exists();
        assertThat(cli.run("incident", "list").out()).doesNotContain("elsewhere");
    }

    private static String commander(CliRunner cli, String id) throws Exception {
        return Json.MAPPER.readTree(cli.run("incident", "show", id, "--json").out()).get("commander").asText();
    }

    // Bad input: each a one-line message and the right exit code, nothing lost.

    @Test
    void emptyTitleIsRefusedWithExit2() {
        assertRefused(cli().run("incident", "declare", "--title", "  "), 2, "title is empty");
    }

    @Test
    void tenThousandCharacterTitleIsRefusedWithExit2() {
        assertRefused(cli().run("incident", "declare", "--title", "x".repeat(10_000)), 2, "limit is 200");
    }

    @Test
    void unknownSeverityListsTheValidOnesWithExit2() {
        assertRefused(cli().run("incident", "declare", "--title", "t", "--severity", "SEV9"), 2,
                "SEV0, SEV1, SEV2, SEV3, SEV4");
    }

    @Test
    void aLikelyDuplicateIsRefusedWithExit2AndNothingStoredUntilDeclaredAnyway() throws Exception {
        CliRunner cli = cli();
        String first = declare(cli);
        cli.clock.advance(Duration.ofMinutes(12));
        assertRefused(cli.run("incident", "declare", "--title", "checkout  5XX spike", "--severity", "SEV1"), 2,
                "Likely a duplicate of " + first + " \"Checkout 5xx spike\" (investigating), declared 12m ago",
                "nothing was declared", "declare anyway with --anyway");
        assertThat(Json.MAPPER.readTree(cli.run("incident", "list", "--status", "all", "--json").out())).hasSize(1);

        String second = declare(cli, "--anyway");
        assertThat(second).isNotEqualTo(first);
        assertThat(Json.MAPPER.readTree(cli.run("incident", "list", "--status", "all", "--json").out())).hasSize(2);
        JsonNode declared = Json.MAPPER.readTree(cli.run("incident", "show", second, "--json").out()).get("timeline").get(0);
        assertThat(declared.get("text").asText()).endsWith("declared despite a likely duplicate: " + first
                + " \"Checkout 5xx spike\" (investigating), declared 12m ago");
    }

    @Test
    void severityChangeWithoutReasonIsRefusedAndChangesNothing() {
        CliRunner cli = cli();
        String id = declare(cli);
        assertRefused(cli.run("incident", "set", id, "--severity", "SEV1"), 2, "--reason");
        assertThat(cli.run("incident", "show", id).out()).contains("SEV2");
    }

    @Test
    void unparsableAtTimeNamesTheAcceptedFormsWithExit2() {
        CliRunner cli = cli();
        String id = declare(cli);
        assertRefused(cli.run("incident", "note", id, "x", "--at", "half past two"), 2, "half past two", "14:32 UTC");
        assertThat(cli.run("incident", "show", id).out()).doesNotContain("note ");
    }

    @Test
    void unknownIncidentIsExit2() {
        assertRefused(cli().run("incident", "note", "INC-20261122-1432-AAAA", "hello"), 2, "No incident");
    }

    @Test
    void malformedIncidentIdIsExit2() {
        assertRefused(cli().run("incident", "show", "42"), 2, "not an incident id");
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        assertRefused(cli().run("incident", "declare", "--titel", "x"), 2, "--titel");
    }

    @Test
    void dataDirectoryThatIsAFileIsExit2AndTheFileIsKept() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        assertRefused(cli().run("incident", "list", "--data-dir", file.toString()), 2, "is a file");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void corruptDatabaseIsExit1NamingTheFile() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path db = Store.databaseFile(data);
        Files.write(db, new byte[8192]);
        assertRefused(cli().run("incident", "list"), 1, db.toString(), "left untouched");
        assertThat(Files.readAllBytes(db)).isEqualTo(new byte[8192]);
    }

    @Test
    void backupRefusesAnExistingTargetAndRestoreRefusesANonEmptyDirectory() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        Path backup = tmp.resolve("b.zip");
        CliRunner.Result ok = cli.run("backup", "--to", backup.toString());
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertRefused(cli.run("backup", "--to", backup.toString()), 2, "already exists");
        assertRefused(cli.run("restore", "--from", backup.toString()), 2, "not empty");
        Path fresh = tmp.resolve("fresh");
        assertThat(cli.run("restore", "--from", backup.toString(), "--data-dir", fresh.toString()).code()).isZero();
        assertThat(cli.run("incident", "list", "--data-dir", fresh.toString()).out()).contains(id);
    }

    @Test
    void restoringGarbageIsExit2() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "junk");
        assertRefused(cli().run("restore", "--from", junk.toString(), "--data-dir", tmp.resolve("x").toString()), 2,
                "not a Sitrep backup");
    }

    @Test
    void showListsTheChecklistsWithWhoTickedWhat() {
        CliRunner cli = cli();
        String id = declare(cli);
        try (dev.sitrep.store.Store store = dev.sitrep.store.Store.open(tmp.resolve("data"))) {
            var checklists = TestServices.on(store, "lee").clock(cli.clock).random(new java.util.Random(1)).build()
                    .checklists();
            var c = checklists.open(dev.sitrep.core.IncidentId.parse(id), "rollback", "kill-switch", "Flip the kill switch",
                    java.util.List.of(new dev.sitrep.incident.Checklists.StepSpec("Write the reason", null, null),
                            new dev.sitrep.incident.Checklists.StepSpec("Halt the platform", "sitrep kill-switch halt", null)));
            checklists.tick(c.id(), 1, true);
        }
        CliRunner.Result shown = cli.run("incident", "show", id);
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("Checklist: Flip the kill switch (1 of 2 done, runbook rollback)")
                .contains("[x] 1. Write the reason  (14:32 UTC, lee)").contains("[ ] 2. Halt the platform");
    }
}
