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

class UpdateCliTest {

    @TempDir
    Path tmp;

    private CliRunner cli() {
        return new CliRunner(tmp.resolve("data"));
    }

    private static String declare(CliRunner cli) {
        CliRunner.Result r = cli.run("incident", "declare", "--title", "Checkout 5xx spike", "--severity", "SEV1");
        assertThat(r.code()).as(r.toString()).isZero();
        return r.firstWord();
    }

    private static List<JsonNode> entries(CliRunner cli, String id, String type) throws Exception {
        JsonNode json = Json.MAPPER.readTree(cli.run("incident", "show", id, "--json").out());
        List<JsonNode> out = new ArrayList<>();
        json.get("timeline").forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void updatePrintsTheComposedInternalUpdateAndRecordsNothing() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        cli.clock.advance(Duration.ofMinutes(3));
        CliRunner.Result r = cli.run("incident", "update", id);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo("SEV1 Checkout 5xx spike (" + id + ")\n"
                + "Status: investigating · started 14:32 UTC · 22 Nov 2026 · elapsed 3m\n"
                + "Impact: (not set)\n"
                + "Commander: osuser · War room: (not set)\n"
                + "Doing now: Investigating the cause.\n"
                + "Next update: 14:50 UTC · 22 Nov 2026\n");
        assertThat(r.err()).isEmpty();
        assertThat(entries(cli, id, "status_update")).isEmpty();
    }

    @Test
    void templateChoosesTheStatusPagePost() {
        CliRunner cli = cli();
        String id = declare(cli);
        CliRunner.Result r = cli.run("incident", "update", id, "--template", "status-page");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Investigating - Checkout 5xx spike\n");
    }

    @Test
    void sentRecordsTheUpdateAndFirstCommunicationOnlyTheFirstTime() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        cli.clock.advance(Duration.ofMinutes(2));
        CliRunner.Result first = cli.run("incident", "update", id, "--sent");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("SEV1 Checkout 5xx spike").endsWith("\n\nRecorded on " + id
                + ": internal update sent at 14:34 UTC · 22 Nov 2026; first communication recorded; next update due by "
                + "14:49 UTC · 22 Nov 2026.\n");

        cli.clock.advance(Duration.ofMinutes(15));
        CliRunner.Result second = cli.run("incident", "update", id, "--template", "customer-email", "--sent");
        assertThat(second.out()).endsWith("Recorded on " + id + ": customer email sent at 14:49 UTC · 22 Nov 2026; "
                + "next update due by 15:04 UTC · 22 Nov 2026.\n");

        List<JsonNode> sent = entries(cli, id, "status_update");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("text").asText()).isEqualTo("Update sent (internal update): SEV1 Checkout 5xx spike ("
                + id + ")…");
        assertThat(sent.get(0).get("occurredAt").asText()).isEqualTo("2026-11-22T14:34:00Z");
        assertThat(sent.get(1).get("text").asText()).startsWith("Update sent (customer email): Subject: Incident notice");
        assertThat(entries(cli, id, "milestone")).singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).startsWith("First communication at 14:34 UTC"));
    }

    @Test
    void textFileRecordsTheTextAsItWentOut() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        Path file = tmp.resolve("sent.txt");
        Files.writeString(file, "Checkout is failing for EU users; rollback under way.\n");
        CliRunner.Result r = cli.run("incident", "update", id, "--template", "status-page", "--text-file",
                file.toString(), "--sent");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("Checkout is failing for EU users; rollback under way.\n\nRecorded on " + id
                + ": status page sent at");
        assertThat(entries(cli, id, "status_update")).singleElement().satisfies(e -> assertThat(e.get("text").asText())
                .isEqualTo("Update sent (status page): Checkout is failing for EU users; rollback under way."));
    }

    @Test
    void theWorkspacesEditedTemplateIsUsed() {
        CliRunner cli = cli();
        String id = declare(cli);
        try (Store store = Store.open(tmp.resolve("data"))) {
            TestServices.on(store, "maria").build().templates().save("internal", "{{severity}} {{id}}: {{status}}");
        }
        assertThat(cli.run("incident", "update", id).out()).isEqualTo("SEV1 " + id + ": investigating\n");
    }

    @Test
    void anUnknownTemplateIsRefusedWithTheIds() {
        CliRunner cli = cli();
        String id = declare(cli);
        CliRunner.Result r = cli.run("incident", "update", id, "--template", "sms");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("sitrep: Unknown template 'sms'; use one of internal, status-page, "
                + "customer-email.");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingTextFileIsRefusedAndNothingIsRecorded() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        CliRunner.Result r = cli.run("incident", "update", id, "--text-file", tmp.resolve("nope.txt").toString(), "--sent");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("sitrep: Text file ").contains("nope.txt does not exist");
        assertThat(entries(cli, id, "status_update")).isEmpty();
    }

    @Test
    void anEmptyTextFileIsRefused() throws Exception {
        CliRunner cli = cli();
        String id = declare(cli);
        Path empty = Files.writeString(tmp.resolve("empty.txt"), "\n \n");
        CliRunner.Result r = cli.run("incident", "update", id, "--text-file", empty.toString(), "--sent");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is empty");
        assertThat(entries(cli, id, "status_update")).isEmpty();
    }

    @Test
    void anUnknownIncidentIsRefused() {
        CliRunner.Result r = cli().run("incident", "update", "INC-20261122-1432-ZZZZ");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("No incident INC-20261122-1432-ZZZZ");
    }
}
