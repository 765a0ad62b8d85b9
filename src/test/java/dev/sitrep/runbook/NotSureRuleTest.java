package dev.sitrep.runbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** "Not sure" takes the more severe branch: worst outcome, then the kill switch, then the mildest outcome, then order. */
class NotSureRuleTest {

    @TempDir
    Path tmp;

    /**
     * A tree whose first question has answer A leading to question qa and answer B to question qb;
     * each of those offers two outcomes with the given severities (and kill switch when marked "!").
     */
    private Runbook tree(String a1, String a2, String b1, String b2) throws IOException {
        String json = """
                {"version": 1, "id": "t", "title": "T",
                 "nodes": [
                   {"id": "q", "question": "Which?", "answers": [{"text": "A", "next": "qa"}, {"text": "B", "next": "qb"}]},
                   {"id": "qa", "question": "A?", "answers": [{"text": "1", "outcome": "a1"}, {"text": "2", "outcome": "a2"}]},
                   {"id": "qb", "question": "B?", "answers": [{"text": "1", "outcome": "b1"}, {"text": "2", "outcome": "b2"}]}
                 ],
                 "outcomes": [%s, %s, %s, %s]}
                """.formatted(outcome("a1", a1), outcome("a2", a2), outcome("b1", b1), outcome("b2", b2));
        RunbookParser.Parsed parsed = RunbookParser.read(Files.writeString(tmp.resolve("t.json"), json), "t.json");
        assertThat(parsed.problems()).isEmpty();
        return parsed.runbook();
    }

    private static String outcome(String id, String severity) {
        boolean halt = severity.endsWith("!");
        return "{\"id\": \"" + id + "\", \"title\": \"" + id + "\", \"severity\": \"" + severity.replace("!", "") + "\""
                + (halt ? ", \"actions\": [\"propose-kill-switch\"]" : "") + "}";
    }

    private static String choice(Runbook rb) {
        return new NotSureRule(rb).choose(rb.node("q").orElseThrow()).orElseThrow().answer().text();
    }

    @Test
    void theBranchWithTheMostSevereOutcomeWins() throws IOException {
        assertThat(choice(tree("SEV2", "SEV3", "SEV1", "SEV4"))).isEqualTo("B");
    }

    @Test
    void onATieTheBranchThatCanProposeTheKillSwitchWins() throws IOException {
        assertThat(choice(tree("SEV1", "SEV2", "SEV1", "SEV3!"))).isEqualTo("B");
    }

    @Test
    void thenTheBranchWhoseMildestOutcomeIsMoreSevereWins() throws IOException {
        assertThat(choice(tree("SEV1", "SEV4", "SEV1", "SEV2"))).isEqualTo("B");
    }

    @Test
    void aFullTieTakesTheAnswerListedFirst() throws IOException {
        assertThat(choice(tree("SEV1", "SEV2", "SEV2", "SEV1"))).isEqualTo("A");
    }

    @Test
    void theReachOfABranchSpansEveryOutcomeBelowIt() throws IOException {
        Runbook rb = tree("SEV3!", "SEV1", "SEV2", "SEV4");
        NotSureRule rule = new NotSureRule(rb);
        assertThat(rule.reach(new Target(Target.Kind.NODE, "qa", 1))).isEqualTo(new NotSureRule.Reach(1, 3, true));
        assertThat(rule.reach(new Target(Target.Kind.NODE, "qb", 1))).isEqualTo(new NotSureRule.Reach(2, 4, false));
        assertThat(rule.reach(new Target(Target.Kind.SECTION, "x", 1)).hasSeverity()).isFalse();
    }

    @Test
    void anAnswerThatOnlyOpensASectionLosesToAnyThatReachesASeverity() throws IOException {
        String json = """
                {"version": 1, "id": "t", "title": "T",
                 "nodes": [{"id": "q", "question": "?", "answers": [
                   {"text": "Read", "section": "s"}, {"text": "Minor", "outcome": "minor"}]}],
                 "outcomes": [{"id": "minor", "title": "Minor", "severity": "SEV4"}],
                 "sections": [{"id": "s", "title": "S", "steps": ["read"]}]}
                """;
        Runbook rb = RunbookParser.parse("t.json", json.getBytes()).runbook();
        assertThat(new NotSureRule(rb).choose(rb.node("q").orElseThrow()).orElseThrow().number()).isEqualTo(2);
    }
}
