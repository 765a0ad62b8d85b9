package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.Action;
import dev.sitrep.runbook.DecisionNode;
import dev.sitrep.runbook.Located;
import dev.sitrep.runbook.Outcome;
import dev.sitrep.runbook.ReferenceTable;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.Section;
import dev.sitrep.runbook.Step;
import dev.sitrep.runbook.TableKind;
import dev.sitrep.runbook.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sitrep.runbook.importer.ImportFixture.commands;
import static dev.sitrep.runbook.importer.ImportFixture.section;
import static dev.sitrep.runbook.importer.ImportFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything at once, as a GitHub page copied from the browser: navigation, an HTML comment, an
 * image, {@code [TOC]}, underlined headings, a P0..P3 table, numbered questions with {@code YES →}
 * answers and "go to 2", "Step N:" items with indented commands, a console session with its output,
 * markers alone on their lines, SQL over three lines, nested items, write-up parts as headings,
 * bold lines and "Prevent: ...", check boxes, and a code fence that never closes.
 */
class ImportKitchenSinkTest {

    @TempDir
    Path dir;
    private ImportResult result;
    private Runbook rb;

    @BeforeEach
    void importIt() {
        result = ImportFixture.imported(dir, "kitchen-sink.md");
        rb = result.runbook();
    }

    @Test
    void githubsPageChromeIsLeftOutAndTheFirstHeadingIsTheTitle() {
        assertThat(rb.title()).isEqualTo("Kill switch and containment");
        assertThat(result.adjustments()).filteredOn(n -> n.line() <= 9).extracting(ImportNote::line)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(result.adjustments()).anyMatch(n -> n.line() == 17 && n.reason().startsWith("a table-of-contents marker"));
    }

    @Test
    void theCommentAndTheImageAreKeptAsNotesWithTheirLines() {
        assertThat(result.notes()).extracting(ImportNote::line, ImportNote::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(13, "owner: platform team; review every quarter"),
                org.assertj.core.groups.Tuple.tuple(19, "![halt flow](docs/halt-flow.png)"));
        assertThat(texts(section(rb, "imported-notes"))).containsExactly(
                "Line 13: owner: platform team; review every quarter", "Line 19: ![halt flow](docs/halt-flow.png)");
    }

    @Test
    void aPriorityTableUnderAnUnderlinedHeadingSetsTheP4Scale() {
        assertThat(rb.scale()).isEqualTo("p4");
        ReferenceTable severity = rb.tables().get(0);
        assertThat(severity.kind()).isEqualTo(TableKind.SEVERITY);
        assertThat(severity.title()).isEqualTo("Severity");
        assertThat(severity.rows()).extracting(r -> r.get("level")).containsExactly("P0", "P1", "P2", "P3");
    }

    @Test
    void numberedQuestionsWithArrowAnswersAreLinkedByGoTo() {
        assertThat(rb.nodes()).extracting(DecisionNode::question).containsExactly("Are agents doing harm right now?",
                "Is a credential or key exposed?", "Is the broker answering?");
        DecisionNode first = rb.nodes().get(0);
        assertThat(first.answers()).extracting(a -> a.target().ref()).containsExactly("q-is-a-credential-or-key-exposed",
                "q-is-the-broker-answering");
        assertThat(rb.nodes().get(1).help()).isEqualTo("After \"Yes\" to \"Are agents doing harm right now?\": Halt first "
                + "(the kill switch), then go to 2.");
        assertThat(rb.outcomes()).extracting(Outcome::id, Outcome::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("leaked-credential", "P0"),
                org.assertj.core.groups.Tuple.tuple("agents-acting-up", "P1"),
                org.assertj.core.groups.Tuple.tuple("slow-or-flaky-platform", "P2"));
        assertThat(rb.outcome("leaked-credential").orElseThrow().actions()).containsExactly(Action.PROPOSE_KILL_SWITCH);
        assertThat(rb.outcome("slow-or-flaky-platform").orElseThrow().actions()).isEmpty();
        assertThat(rb.outcomes()).allSatisfy(o -> assertThat(o.contacts()).extracting(Located::text).isEqualTo("contacts"));
        Target brokerDown = rb.nodes().get(2).answers().get(1).target();
        assertThat(brokerDown.kind()).isEqualTo(Target.Kind.SECTION);
        assertThat(brokerDown.ref()).isEqualTo("broker-down");
    }

    @Test
    void stepItemsTakeTheIndentedCommandsAndTheConsoleOutputIsTheExpectation() {
        Section halt = section(rb, "halt-powernode");
        assertThat(texts(halt)).containsExactly("Log in and keep the token:", "Halt, with a reason:", "Confirm it is halted.",
                "A 409 answer means it was already halted: that is fine.");
        assertThat(halt.steps().get(0).command()).startsWith("curl -sS -X POST \"$PN_URL/api/v1/auth/login\"");
        Step confirm = halt.steps().get(2);
        assertThat(confirm.command()).isEqualTo("curl -sS \"$PN_URL/api/v1/ai/kill_switch/status\" -H \"Authorization: Bearer $TOKEN\"");
        assertThat(confirm.expect()).isEqualTo("{\"success\": true, \"data\": {\"halted\": true, \"since\": \"2026-11-22T14:32:15Z\"}}");
    }

    @Test
    void lonelyMarkersTakeTheNextLineAndSqlOverThreeLinesIsOneCommand() {
        Section weathervane = section(rb, "halt-weathervane");
        assertThat(texts(weathervane)).containsExactly("Set DISABLE_NEW to 1 in the orchestrator's database (the SQL is below).",
                "Read it back:");
        assertThat(weathervane.steps().get(1).command()).isEqualTo("SELECT key, val, updated_at\nFROM settings\n"
                + "WHERE key = 'DISABLE_NEW';");
    }

    @Test
    void nestedItemsAreStepsAndKeepTheirCommandsAndExpectations() {
        Section contain = section(rb, "contain-one-agent-on-the-broker");
        assertThat(texts(contain)).containsExactly("Find the organisation and the serial of the agent's certificate.",
                "the broker's admin API lists the revoked ones:", "the serial is on the agent's certificate", "Revoke it:");
        assertThat(commands(contain)).hasSize(2).last().asString().startsWith("curl -sS -X POST \"$BROKER_URL/v1/admin/certs/revoke\"");
        assertThat(contain.steps().get(3).expect()).isEqualTo("a JSON answer with revoked_at set.");
    }

    @Test
    void writeUpPartsAsHeadingsBoldLinesAndLabelsNestUnderTheirFailure() {
        assertThat(section(rb, "broker-down").sections()).extracting(Section::id).containsExactly("broker-down-symptoms",
                "broker-down-confirm", "broker-down-recover", "broker-down-verify", "broker-down-prevent");
        assertThat(section(rb, "broker-down-verify").checklist()).isTrue();
        assertThat(texts(section(rb, "broker-down-prevent"))).containsExactly("Alert on readiness, not only on liveness.");
        assertThat(commands(section(rb, "broker-down-confirm"))).containsExactly("curl -sS -m 10 \"$BROKER_URL/readyz\"");
    }

    @Test
    void checkBoxCharactersMakeAChecklistAndAFenceAfterALeadInIsItsCommand() {
        Section resume = section(rb, "resume-after-a-halt");
        assertThat(resume.checklist()).isTrue();
        assertThat(texts(resume)).startsWith("Root cause identified", "Fix verified in staging", "Post-incident review done",
                "A senior engineer approved the resume");
        assertThat(resume.steps().get(4).command()).contains("/api/v1/ai/kill_switch/resume");
    }

    @Test
    void aFenceThatNeverClosesIsReadToTheEndAndSaidSo() {
        Step last = section(rb, "contacts").steps().get(0);
        assertThat(last.command()).isEqualTo("# left open by mistake when the page was exported\ndocker logs --tail 50 broker");
        assertThat(last.text()).isEqualTo("Run: docker logs --tail 50 broker \u2026");
        assertThat(result.adjustments()).anyMatch(n -> n.line() == 127 && n.reason().startsWith("this code fence never closes"));
    }
}
