package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.Action;
import dev.sitrep.runbook.DecisionNode;
import dev.sitrep.runbook.Outcome;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sitrep.runbook.importer.ImportFixture.section;
import static dev.sitrep.runbook.importer.ImportFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page exported from an old intranet that saved UTF-8 as Windows-1252 ({@code â‰¥} for
 * {@code ≥}, {@code â†’} for {@code →}, even the tree's box characters) and left HTML entities in.
 */
class ImportMojibakeTest {

    @TempDir
    Path dir;
    private ImportResult result;
    private Runbook rb;

    @BeforeEach
    void importIt() {
        result = ImportFixture.imported(dir, "mojibake.txt");
        rb = result.runbook();
    }

    @Test
    void mojibakeAndEntitiesAreRepairedInTheText() {
        assertThat(rb.title()).isEqualTo("Deploy watch \u2013 WeatherVane orchestrator");
        assertThat(rb.summary()).isEqualTo("Copied out of the old intranet export (R&D wiki), which saved everything in the "
                + "wrong encoding. Ren\u00E9 keeps the original.");
        assertThat(texts(section(rb, "thresholds-per-environment"))).containsExactly(
                "Production: roll back at \u2265 15% errors, 15 min grace, after 1 failure",
                "Staging: \u2265 25% errors, 5 min grace, 2 failures",
                "Development: \u2265 50% errors, 2 min grace, 3 failures");
        Section reset = section(rb, "reset-needs-a-senior-engineer-s-approval");
        assertThat(reset.title()).isEqualTo("Reset (needs a senior engineer\u2019s approval)");
        assertThat(texts(reset)).contains("Root cause identified \u2192 fix verified in staging \u2192 review done.",
                "Write the audit line: \u201CRESET reason=\u2026 actor=\u2026 approver=\u2026\u201D.");
        assertThat(result.json()).doesNotContain("\u00E2\u20AC").doesNotContain("\u00C3").doesNotContain("&amp;")
                .doesNotContain("&#");
    }

    @Test
    void theRepairsAreReportedWithTheirLines() {
        assertThat(result.adjustments()).anySatisfy(n -> {
            assertThat(n.line()).isEqualTo(1);
            assertThat(n.reason()).startsWith("42 characters mis-decoded from UTF-8").contains("on 18 lines");
        }).anySatisfy(n -> {
            assertThat(n.line()).isEqualTo(3);
            assertThat(n.reason()).startsWith("7 HTML entities").contains("(lines 3, 12, 36, 43)");
        });
    }

    @Test
    void theTreeDrawnInMisDecodedBoxCharactersStillBecomesTheTriage() {
        assertThat(rb.nodes()).extracting(DecisionNode::question).containsExactly(
                "Is the error rate \u2265 20% with \u2265 3 failures in the last 5 checks?", "Have \u2265 2 checks in a row failed?");
        assertThat(rb.outcomes()).extracting(Outcome::severity).containsExactly("SEV1", "SEV2", "SEV3");
        Outcome escalate = rb.outcomes().get(1);
        assertThat(escalate.title()).isEqualTo("Escalate: set the kill switch and alert on-call");
        assertThat(escalate.actions()).containsExactly(Action.PROPOSE_KILL_SWITCH);
    }

    @Test
    void theSeverityTableOnFourLevelsSetsTheScaleTheOutcomesUse() {
        assertThat(rb.scale()).isEqualTo("sev4");
        assertThat(rb.tables()).singleElement().satisfies(t -> assertThat(t.rows().get(1).get("criteria"))
                .isEqualTo("Error rate \u2265 5% and < 20%, or automation misbehaving"));
    }

    @Test
    void theSqliteCommandsAreKeptCharacterForCharacter() {
        Section kill = section(rb, "set-the-kill-switch");
        assertThat(kill.steps().get(1).command()).isEqualTo("sqlite3 state/orchestrator.db \"INSERT INTO settings (key, val, "
                + "updated_at) VALUES ('DISABLE_NEW', '1', strftime('%s','now')*1000) ON CONFLICT(key) DO UPDATE SET val = "
                + "excluded.val, updated_at = excluded.updated_at;\"");
        assertThat(kill.steps().get(1).text()).isEqualTo("Stop new work by setting the flag (value \u20181\u2019 halts, "
                + "\u20180\u2019 is normal):");
        assertThat(kill.steps().get(2).command())
                .isEqualTo("sqlite3 state/orchestrator.db \"SELECT val FROM settings WHERE key = 'DISABLE_NEW';\"");
    }
}
