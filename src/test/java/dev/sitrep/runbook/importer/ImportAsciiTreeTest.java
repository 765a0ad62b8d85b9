package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.Action;
import dev.sitrep.runbook.Answer;
import dev.sitrep.runbook.DecisionNode;
import dev.sitrep.runbook.Located;
import dev.sitrep.runbook.Outcome;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.Target;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sitrep.runbook.importer.ImportFixture.section;
import static org.assertj.core.api.Assertions.assertThat;

/** An ops wiki page with an ASCII triage tree ({@code ├── YES → ...}) above the sections its leaves name. */
class ImportAsciiTreeTest {

    @TempDir
    Path dir;
    private ImportResult result;
    private Runbook rb;

    @BeforeEach
    void importIt() {
        result = ImportFixture.imported(dir, "ops-wiki-tree.md");
        rb = result.runbook();
    }

    private DecisionNode node(String id) {
        return rb.node(id).orElseThrow(() -> new AssertionError("no question " + id + " in "
                + rb.nodes().stream().map(DecisionNode::id).toList()));
    }

    private static Target target(DecisionNode node, int answer) {
        return node.answers().get(answer - 1).target();
    }

    @Test
    void theTreeBecomesFourQuestionsStartingAtItsRoot() {
        assertThat(rb.nodes()).extracting(DecisionNode::question).containsExactly(
                "Is the platform doing something it should not be doing right now? (agents taking unwanted actions, "
                        + "secrets leaking, an account acting on its own)",
                "Is there a security dimension (auth bypass, data exfiltration, key disclosure)?",
                "Is the damage reaching customers?",
                "Is the API down for everyone?");
        assertThat(rb.start().text()).isEqualTo(rb.nodes().get(0).id());
        assertThat(rb.nodes()).allSatisfy(n -> assertThat(n.answers()).extracting(Answer::text).containsExactly("Yes", "No"));
    }

    @Test
    void branchesLeadToTheQuestionBelowThem() {
        DecisionNode root = rb.nodes().get(0);
        assertThat(target(root, 1)).extracting(Target::kind, Target::ref)
                .containsExactly(Target.Kind.NODE, "q-is-there-a-security-dimension-auth");
        assertThat(target(root, 2).ref()).isEqualTo("q-is-the-api-down-for-everyone");
        assertThat(target(node("q-is-there-a-security-dimension-auth"), 2).ref()).isEqualTo("q-is-the-damage-reaching-customers");
    }

    @Test
    void leavesWithASeverityAreOutcomesThatOpenTheSectionOfTheSameName() {
        assertThat(rb.outcomes()).extracting(Outcome::id, Outcome::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("security-incident", "SEV0"),
                org.assertj.core.groups.Tuple.tuple("agents-harming-customers", "SEV1"),
                org.assertj.core.groups.Tuple.tuple("agents-misbehaving-internally", "SEV2"),
                org.assertj.core.groups.Tuple.tuple("api-outage", "SEV1"));
        assertThat(rb.outcome("api-outage").orElseThrow().open()).extracting(Located::text).containsExactly("api-outage");
    }

    @Test
    void whatAnAnswerSaysToDoOnTheWayIsTheNextQuestionsHelpAndTheOutcomesBelowProposeIt() {
        assertThat(node("q-is-there-a-security-dimension-auth").help()).contains("Flip the kill switch first (see Kill switch)");
        Outcome security = rb.outcome("security-incident").orElseThrow();
        assertThat(security.actions()).containsExactly(Action.PROPOSE_KILL_SWITCH);
        assertThat(security.open()).extracting(Located::text).containsExactly("kill-switch", "security-incident");
        assertThat(rb.outcome("api-outage").orElseThrow().actions()).isEmpty();
    }

    @Test
    void aLeafWithoutASeverityLeadsToTheSectionItNames() {
        DecisionNode api = node("q-is-the-api-down-for-everyone");
        assertThat(target(api, 2)).extracting(Target::kind, Target::ref)
                .containsExactly(Target.Kind.SECTION, "service-degradation");
        assertThat(section(rb, "service-degradation").steps()).hasSize(2);
    }

    @Test
    void theSectionThatOnlyHeldTheTreeIsGoneWithAnAdjustment() {
        assertThat(rb.section("triage-tree")).isEmpty();
        assertThat(result.adjustments()).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(6);
            assertThat(n.reason()).contains("became the triage questions");
        });
        assertThat(result.notes()).isEmpty();
        assertThat(result.counts().nodes()).isEqualTo(4);
        assertThat(result.counts().outcomes()).isEqualTo(4);
    }
}
