package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.ReferenceTable;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.Section;
import dev.sitrep.runbook.Step;
import dev.sitrep.runbook.TableKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sitrep.runbook.importer.ImportFixture.commands;
import static dev.sitrep.runbook.importer.ImportFixture.section;
import static dev.sitrep.runbook.importer.ImportFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** A clean Markdown runbook as teams keep it in a repository's README: # headings, lists, fences, tables. */
class ImportGithubReadmeTest {

    @TempDir
    Path dir;
    private ImportResult result;
    private Runbook rb;

    @BeforeEach
    void importIt() {
        result = ImportFixture.imported(dir, "github-readme.md");
        rb = result.runbook();
    }

    @Test
    void theFirstHeadingIsTheTitleAndTheParagraphUnderItTheSummary() {
        assertThat(rb.id()).isEqualTo("checkout-api-on-call-runbook");
        assertThat(rb.title()).isEqualTo("Checkout API on-call runbook");
        assertThat(rb.summary()).startsWith("What the on-call engineer does").endsWith("when the wiki is down.");
    }

    @Test
    void theSecondLevelHeadingsWithStepsAreTheSections() {
        assertThat(ImportFixture.topSectionIds(rb)).containsExactly("severity", "api-returns-errors", "workers-are-stuck",
                "database-trouble", "after-the-fix");
        assertThat(texts(section(rb, "severity"))).containsExactly(
                "When in doubt, pick the higher level. Lowering it later is fine.");
    }

    @Test
    void numberedStepsKeepTheCommandOfTheFenceUnderThemAndTheirExpectation() {
        Section errors = section(rb, "api-returns-errors");
        assertThat(errors.steps()).hasSize(4);
        Step health = errors.steps().get(1);
        assertThat(health.text()).isEqualTo("Ask the API for its health:");
        assertThat(health.command()).isEqualTo("curl -sS -m 10 https://checkout.internal.example.com/api/v1/health");
        assertThat(health.expect()).isEqualTo("{\"status\": \"healthy\"} within a second.");
        assertThat(errors.steps().get(2).command())
                .isEqualTo("curl -sS -m 10 https://checkout.internal.example.com/api/v1/health/detailed");
        assertThat(errors.steps().get(3).text()).isEqualTo("If a deploy went out in the last hour, roll it back (see Mitigations).");
    }

    @Test
    void aFenceAfterABulletIsThatBulletsCommand() {
        Section workers = section(rb, "workers-are-stuck");
        assertThat(texts(workers)).containsExactly("The queue depth keeps growing while the workers look idle.",
                "See which workers are running:", "Read the last lines of a stuck worker:",
                "Restart the workers only after you have saved their logs.");
        assertThat(commands(workers)).containsExactly("kubectl -n checkout get pods -l app=checkout-worker",
                "kubectl -n checkout logs deploy/checkout-worker --tail=200");
    }

    @Test
    void sqlInAFenceAndCommandsInBackticksBecomeCommands() {
        Section db = section(rb, "database-trouble");
        assertThat(db.steps().get(0).text()).isEqualTo("Run these from the bastion host:");
        assertThat(db.steps().get(0).command()).startsWith("SELECT count(*) AS connections");
        assertThat(commands(db)).contains("df -h /var/lib/postgresql").anyMatch(c -> c.startsWith("psql -h db.internal -c"));
        assertThat(db.steps().get(1).command()).isNull();
    }

    @Test
    void checkBoxesMakeAChecklist() {
        Section after = section(rb, "after-the-fix");
        assertThat(after.checklist()).isTrue();
        assertThat(texts(after)).hasSize(4).first().isEqualTo("The error rate is back under 1% for 15 minutes.");
    }

    @Test
    void theSeverityMitigationAndContactTablesBecomeReferenceTables() {
        assertThat(rb.tables()).extracting(ReferenceTable::kind)
                .containsExactly(TableKind.SEVERITY, TableKind.MITIGATIONS, TableKind.CONTACTS);
        ReferenceTable severity = rb.tables().get(0);
        assertThat(severity.scale()).isEqualTo("sev5");
        assertThat(rb.scale()).isEqualTo("sev5");
        assertThat(severity.rows()).extracting(r -> r.get("level")).containsExactly("SEV0", "SEV1", "SEV2", "SEV3", "SEV4");
        assertThat(severity.rows().get(1).get("respond")).isEqualTo("5 min");
        assertThat(severity.rows().get(1).get("updates")).isEqualTo("every 15 min");
        assertThat(rb.tables().get(1).rows()).extracting(r -> r.get("risk"))
                .containsExactly("low", "low", "medium", "low", "medium", "high");
        assertThat(rb.tables().get(2).rows().get(1).get("channel")).isEqualTo("pager and phone");
    }

    @Test
    void theTableOfContentsIsLeftOutAndSaidSoNothingIsKeptAsANote() {
        assertThat(result.notes()).isEmpty();
        assertThat(result.adjustments()).filteredOn(n -> n.reason().startsWith("a table-of-contents entry"))
                .extracting(ImportNote::line).containsExactly(8, 9, 10, 11, 12, 13);
        assertThat(result.counts()).isEqualTo(new ImportCounts(5, 17, 7, 3, 0, 0, 0));
    }
}
