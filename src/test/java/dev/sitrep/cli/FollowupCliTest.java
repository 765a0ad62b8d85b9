package dev.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sitrep followup add | set} and {@code sitrep followups}: action items across incidents,
 * overdue first. The runner's clock says 22 Nov 2026, so an item due on the 20th is overdue.
 */
class FollowupCliTest {

    @TempDir
    Path tmp;
    private CliRunner cli;
    private String incident;

    @BeforeEach
    void declare() {
        cli = new CliRunner(tmp.resolve("data"));
        incident = cli.run("incident", "declare", "--title", "Checkout 5xx").firstWord();
    }

    private String add(String... args) {
        List<String> all = new ArrayList<>(List.of("followup", "add", incident));
        all.addAll(List.of(args));
        CliRunner.Result r = cli.run(all.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        return r.out().strip();
    }

    @Test
    void addPrintsTheIdAndTheListPutsOverdueItemsFirstMarked() {
        String later = add("--action", "Runbook for the pool", "--due", "2026-12-01");
        String overdue = add("--action", "Alert on pool saturation", "--owner", "maria", "--due", "2026-11-20");
        assertThat(overdue).matches("[0-9a-f-]{36}");

        List<String> lines = cli.run("followups").out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID").contains("INCIDENT", "DUE", "STATUS", "OWNER", "ACTION");
        assertThat(lines.get(1)).startsWith(overdue).contains(incident, "2026-11-20", "open OVERDUE", "maria")
                .endsWith("Alert on pool saturation");
        assertThat(lines.get(2)).startsWith(later).doesNotContain("OVERDUE").endsWith("Runbook for the pool");
    }

    @Test
    void jsonGivesTheDocumentedFieldsForEachItem() throws Exception {
        String id = add("--action", "Alert on pool saturation", "--due", "2026-11-20");
        JsonNode items = Json.MAPPER.readTree(cli.run("followups", "--json").out());
        assertThat(items.isArray()).isTrue();
        JsonNode item = items.get(0);
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "incident", "action", "owner", "due", "status", "overdue",
                "createdAt", "updatedAt");
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("incident").asText()).isEqualTo(incident);
        assertThat(item.get("owner").isNull()).isTrue();
        assertThat(item.get("due").asText()).isEqualTo("2026-11-20");
        assertThat(item.get("status").asText()).isEqualTo("open");
        assertThat(item.get("overdue").asBoolean()).isTrue();
        assertThat(item.get("createdAt").asText()).isEqualTo("2026-11-22T14:32:00Z");
    }

    @Test
    void setChangesTheItemAndAFinishedItemIsNoLongerOverdue() {
        String id = add("--action", "Alert on pool saturation", "--due", "2026-11-20");
        CliRunner.Result set = cli.run("followup", "set", id, "--status", "done", "--owner", "lee");
        assertThat(set.code()).as(set.toString()).isZero();
        assertThat(set.out()).startsWith(id).contains("done", "lee").doesNotContain("OVERDUE");
        assertThat(cli.run("followups", "--overdue").out()).isEqualTo("No overdue follow-ups.\n");
        assertThat(cli.run("incident", "show", incident).out()).contains("Action item done: Alert on pool saturation");
    }

    @Test
    void overdueListsOnlyUnfinishedItemsPastTheirDay() {
        String overdue = add("--action", "Alert on pool saturation", "--due", "2026-11-20");
        add("--action", "Runbook for the pool", "--due", "2026-12-01");
        List<String> lines = cli.run("followups", "--overdue").out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(overdue);
    }

    @Test
    void addingToAnUnknownIncidentIsExit2() {
        CliRunner.Result r = cli.run("followup", "add", "INC-20261122-1432-ZZZZ", "--action", "Anything");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("sitrep: No incident INC-20261122-1432-ZZZZ;");
    }

    @Test
    void aDueDayNotWrittenYyyyMmDdIsExit2AndAddsNothing() {
        CliRunner.Result r = cli.run("followup", "add", incident, "--action", "Anything", "--due", "1.12.2026");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("sitrep: '1.12.2026' is not a day; give --due as YYYY-MM-DD, e.g. 2026-12-01.\n");
        assertThat(cli.run("followups").out()).startsWith("No follow-ups.");
    }

    @Test
    void setWithNothingToChangeIsExit2() {
        String id = add("--action", "Alert on pool saturation");
        CliRunner.Result r = cli.run("followup", "set", id);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Nothing to change", "--status, --owner, --due or --action");
    }

    @Test
    void anUnknownStatusIsExit2NamingTheValidOnes() {
        String id = add("--action", "Alert on pool saturation");
        CliRunner.Result r = cli.run("followup", "set", id, "--status", "finished");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("open, in_progress, done, wont_do");
    }

    @Test
    void anUnknownItemIsExit2() {
        CliRunner.Result r = cli.run("followup", "set", "no-such-item", "--status", "done");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No action item no-such-item");
    }
}
