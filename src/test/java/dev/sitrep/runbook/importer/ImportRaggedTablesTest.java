package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.ReferenceTable;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.TableKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sitrep.runbook.importer.ImportFixture.section;
import static dev.sitrep.runbook.importer.ImportFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pipe tables that lost cells on the way: separator rows shorter than the header, no outer pipes,
 * rows with cells missing or too many, a four-level severity table, risks written "Med" and
 * "Low-Medium", a table of no known kind and one with a header only.
 */
class ImportRaggedTablesTest {

    @TempDir
    Path dir;
    private ImportResult result;
    private Runbook rb;

    @BeforeEach
    void importIt() {
        result = ImportFixture.imported(dir, "ragged-tables.md");
        rb = result.runbook();
    }

    private ReferenceTable table(String id) {
        return rb.table(id).orElseThrow(() -> new AssertionError("no table " + id + " in "
                + rb.tables().stream().map(ReferenceTable::id).toList()));
    }

    @Test
    void fiveTablesAreRecognisedByTheirHeaders() {
        assertThat(rb.tables()).extracting(ReferenceTable::id, ReferenceTable::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("severity-levels", TableKind.SEVERITY),
                org.assertj.core.groups.Tuple.tuple("symptoms", TableKind.SYMPTOMS),
                org.assertj.core.groups.Tuple.tuple("mitigations", TableKind.MITIGATIONS),
                org.assertj.core.groups.Tuple.tuple("response-targets", TableKind.TARGETS),
                org.assertj.core.groups.Tuple.tuple("contacts", TableKind.CONTACTS));
    }

    @Test
    void aSeverityTableOnFourLevelsGivesTheRunbookTheFourLevelScale() {
        ReferenceTable severity = table("severity-levels");
        assertThat(severity.scale()).isEqualTo("sev4");
        assertThat(rb.scale()).isEqualTo("sev4");
        assertThat(severity.rows()).extracting(r -> r.get("level")).containsExactly("SEV1", "SEV2", "SEV3", "SEV4");
        assertThat(severity.rows().get(0).get("respond")).isEqualTo("5 min, all hands");
        assertThat(severity.rows().get(2).get("respond")).isEmpty();
    }

    @Test
    void aShortSeparatorAndMissingOuterPipesStillMakeATableAndExtraCellsAreKept() {
        ReferenceTable symptoms = table("symptoms");
        assertThat(symptoms.rows()).hasSize(5);
        assertThat(symptoms.rows().get(0).get("check")).isEqualTo("pg_stat_activity; Dashboard: DB overview");
        assertThat(symptoms.rows().get(3).get("check")).isEqualTo("the deploy log; Dashboard: Deploys | pinned in #ops");
        assertThat(symptoms.rows().get(4).get("cause")).isEqualTo("infrastructure");
        assertThat(result.adjustments()).anyMatch(n -> n.line() == 21 && n.reason().startsWith("this row has 5 cells"));
    }

    @Test
    void risksAreReadAsLowMediumOrHighAndAnUnknownOneIsKeptAsANote() {
        assertThat(table("mitigations").rows()).extracting(r -> r.get("strategy") + "=" + r.get("risk"))
                .containsExactly("Feature-flag disable=low", "Rollback=medium", "Failover=medium");
        assertThat(result.notes()).anyMatch(n -> n.line() == 31 && n.text().equals("Pray | unknown | never"));
        assertThat(result.adjustments()).anyMatch(n -> n.line() == 30 && n.reason().contains("\"Low-Medium\" was read as medium"));
    }

    @Test
    void targetsAndContactsKeepTheirOptionalColumns() {
        ReferenceTable targets = table("response-targets");
        assertThat(targets.rows()).extracting(r -> r.get("within")).containsExactly("0-2 min", "2-5 min", "5-60 min",
                "15-30 min of stable metrics");
        assertThat(targets.rows().get(2).get("done")).isEmpty();
        assertThat(table("contacts").rows()).extracting(r -> r.get("channel")).containsExactly("pager", "pager + phone",
                "phone tree");
    }

    @Test
    void aTableOfNoKnownKindBecomesStepsOfItsSection() {
        assertThat(texts(section(rb, "services"))).containsExactly("Service: payments-api; Port: 8443; Owner: payments team",
                "Service: ledger; Port: 5432; Owner: data team");
        assertThat(result.adjustments()).anyMatch(n -> n.line() == 44 && n.reason().contains("match no reference table kind"));
    }

    @Test
    void aHeaderWithoutRowsIsKeptAsANoteWithItsLine() {
        assertThat(result.notes()).extracting(ImportNote::line).containsExactly(31, 57, 59);
        assertThat(texts(section(rb, "imported-notes"))).containsExactly("Line 31: Pray | unknown | never",
                "Line 57: Retired", "Line 59: Old name | New name");
    }
}
