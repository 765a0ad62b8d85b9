package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.ReferenceTable;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.Section;
import dev.sitrep.runbook.TableKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sitrep.runbook.importer.ImportFixture.commands;
import static dev.sitrep.runbook.importer.ImportFixture.section;
import static dev.sitrep.runbook.importer.ImportFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Confluence page copied as text: no {@code #}, navigation before the title, headings as plain
 * lines, bullets whose marker sits alone on its line, commands with no formatting, a tab-separated
 * table, and failures written as Symptoms / Confirm / Recover / Verify / Prevent.
 */
class ImportWikiPasteTest {

    @TempDir
    Path dir;
    private ImportResult result;
    private Runbook rb;

    @BeforeEach
    void importIt() {
        result = ImportFixture.imported(dir, "confluence-paste.txt");
        rb = result.runbook();
    }

    @Test
    void theNavigationBeforeTheTitleAndThePageFooterAreLeftOutAndReported() {
        assertThat(rb.title()).isEqualTo("Broker outage runbook");
        assertThat(result.adjustments()).filteredOn(n -> n.reason().startsWith("navigation before the title"))
                .extracting(ImportNote::text).containsExactly("Skip to content", "Confluence", "Spaces", "Pages / Platform / Runbooks");
        assertThat(result.adjustments()).anyMatch(n -> n.line() == 6 && n.reason().startsWith("page metadata"))
                .anyMatch(n -> n.line() == 70 && n.text().equals("Be the first to like this"));
        assertThat(rb.summary()).startsWith("This page is for whoever holds the pager");
    }

    @Test
    void plainLineHeadingsBecomeFailuresEachWithTheFiveParts() {
        assertThat(ImportFixture.topSectionIds(rb)).containsExactly("broker-is-down", "database-is-down", "redis-is-down");
        assertThat(section(rb, "broker-is-down").sections()).extracting(Section::id).containsExactly(
                "broker-is-down-symptoms", "broker-is-down-confirm", "broker-is-down-recover", "broker-is-down-verify",
                "broker-is-down-prevent");
        assertThat(section(rb, "redis-is-down").sections()).extracting(Section::title)
                .containsExactly("Symptoms", "Confirm", "Recover", "Verify");
        assertThat(section(rb, "database-is-down-verify").checklist()).isTrue();
        assertThat(section(rb, "database-is-down-symptoms").checklist()).isFalse();
    }

    @Test
    void eachSentenceLineIsAStep() {
        assertThat(texts(section(rb, "broker-is-down-symptoms"))).containsExactly(
                "Agents cannot get or check certificates; their calls to the broker time out.",
                "The broker container is missing, stopped, or restarting every few seconds.");
    }

    @Test
    void bareShellLinesAreCommandsAndAMarkerAloneTakesTheNextLine() {
        Section confirm = section(rb, "broker-is-down-confirm");
        assertThat(commands(confirm)).containsExactly("curl -sS -m 10 \"$BROKER_URL/health\"",
                "docker ps -a --filter \"name=broker\"",
                "docker inspect --format 'exit={{.State.ExitCode}} oom={{.State.OOMKilled}}' broker");
        assertThat(confirm.steps().get(2).text()).isEqualTo("Read how it stopped:");
        Section recover = section(rb, "broker-is-down-recover");
        assertThat(texts(recover)).containsExactly("If it was killed for memory, raise the limit before anything else.",
                "If the database, Redis or Vault was unreachable, fix that first.", "Start it again");
        assertThat(recover.steps().get(2).command()).isEqualTo("docker start broker");
        assertThat(section(rb, "database-is-down-recover").steps().get(1).command()).isEqualTo("sudo systemctl start postgresql");
    }

    @Test
    void theTabSeparatedTableIsTheContactsTable() {
        assertThat(rb.tables()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(TableKind.CONTACTS);
            assertThat(t.title()).isEqualTo("Who to call");
            assertThat(t.rows()).extracting(r -> r.get("role")).containsExactly("On-call engineer", "Platform team",
                    "Vendor support");
            assertThat(t.rows().get(2).get("within")).isEqualTo("30 min");
        });
        assertThat(rb.tables()).extracting(ReferenceTable::id).containsExactly("who-to-call");
    }

    @Test
    void nothingIsLeftUnmapped() {
        assertThat(result.notes()).isEmpty();
        assertThat(rb.section("imported-notes")).isEmpty();
        assertThat(result.counts().commands()).isEqualTo(12);
    }
}
