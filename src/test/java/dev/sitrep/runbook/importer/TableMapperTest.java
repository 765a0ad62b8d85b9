package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.TableKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableMapperTest {

    private static TableParser.Grid grid(String... rows) {
        List<Block.Table.Row> parsed = new ArrayList<>();
        for (int k = 0; k < rows.length; k++) {
            parsed.add(new Block.Table.Row(k + 1, TableParser.cells(rows[k])));
        }
        return TableParser.grid(new Block.Table(1, parsed, true));
    }

    @Test
    void columnsAreMatchedByTheirUsualNames() {
        TableMapper.Mapped m = TableMapper.map(grid("| What you see | Probable cause | Where to look |",
                "| 5xx spike | pool exhausted | pg_stat_activity |"), "Symptoms", new ImportLog());
        assertThat(m.table().kind).isEqualTo(TableKind.SYMPTOMS);
        assertThat(m.table().rows.get(0)).containsEntry("symptom", "5xx spike").containsEntry("cause", "pool exhausted")
                .containsEntry("check", "pg_stat_activity");
    }

    @Test
    void aSeverityTableMustListEveryLevelOfAScale() {
        assertThat(TableMapper.map(grid("| Sev | Definition |", "| Sev 1 | down |", "| Sev 2 | slow |"), "Levels",
                new ImportLog()).why()).contains("not every level of one of Sitrep's scales");
        TableMapper.Mapped p = TableMapper.map(grid("| Priority | Impact |", "| P0 | a |", "| P1 | b |", "| P2 | c |",
                "| P3 | d |"), "Levels", new ImportLog());
        assertThat(p.table().scale).isEqualTo("p4");
    }

    @Test
    void aTableOfNoKindSaysWhichColumnsItHas() {
        assertThat(TableMapper.map(grid("| Host | IP |", "| db | 10.0.0.1 |"), "Hosts", new ImportLog()).why())
                .isEqualTo("its columns (Host, IP) match no reference table kind (severity, symptoms, mitigations, "
                        + "contacts, targets)");
    }

    @Test
    void risksReadAsLowMediumOrHighTakingTheHigherOfTwo() {
        assertThat(TableMapper.risk("Low")).isEqualTo("low");
        assertThat(TableMapper.risk("med")).isEqualTo("medium");
        assertThat(TableMapper.risk("Low-Medium")).isEqualTo("medium");
        assertThat(TableMapper.risk("medium to HIGH")).isEqualTo("high");
        assertThat(TableMapper.risk("unknown")).isEqualTo("unknown");
    }

    @Test
    void rowsWiderThanTheHeaderKeepTheirCellsInTheLastColumn() {
        TableParser.Grid g = grid("| a | b |", "| 1 | 2 | 3 |", "| x |");
        assertThat(g.rows()).extracting(TableParser.GridRow::cells).containsExactly(List.of("1", "2 | 3"), List.of("x", ""));
        assertThat(g.remarks()).singleElement().satisfies(n -> assertThat(n.line()).isEqualTo(2));
        assertThat(TableParser.cells("| `a | b` | c \\| d |")).containsExactly("a | b", "c | d");
    }
}
