package dev.sitrep.runbook;

import dev.sitrep.testing.LargeRunbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of problem a runbook file can have, each with its file and line. */
class RunbookParserTest {

    @TempDir
    Path tmp;

    /** A small valid tree to break in one place at a time. */
    private static final String VALID = """
            {
              "version": 1,
              "id": "payments",
              "title": "Payments triage",
              "nodes": [
                {"id": "q1", "question": "Are customers charged twice?", "answers": [
                  {"text": "Yes", "outcome": "double-charge"},
                  {"text": "No", "next": "q2"}
                ]},
                {"id": "q2", "question": "Are payments failing?", "answers": [
                  {"text": "Yes", "outcome": "failing"},
                  {"text": "No", "section": "check"}
                ]}
              ],
              "outcomes": [
                {"id": "double-charge", "title": "Double charges", "severity": "SEV1", "actions": ["propose-kill-switch"]},
                {"id": "failing", "title": "Payments failing", "severity": "SEV2", "open": ["check"]}
              ],
              "sections": [
                {"id": "check", "title": "Check the provider", "steps": ["Open the provider's status page."]}
              ]
            }
            """;

    private RunbookParser.Parsed parse(String name, String json) throws IOException {
        Path file = Files.writeString(tmp.resolve(name), json);
        return RunbookParser.read(file, "runbooks/" + name);
    }

    private List<String> problems(String json) throws IOException {
        return parse("p.json", json).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aValidRunbookHasNoProblemsAndReadsIntoTheModel() throws IOException {
        RunbookParser.Parsed parsed = parse("payments.json", VALID);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.valid()).isTrue();
        Runbook rb = parsed.runbook();
        assertThat(rb.id()).isEqualTo("payments");
        assertThat(rb.scale()).isEqualTo("sev5");
        assertThat(rb.start().text()).isEqualTo("q1");
        assertThat(rb.node("q1").orElseThrow().answers()).extracting(Answer::text).containsExactly("Yes", "No");
        assertThat(rb.node("q2").orElseThrow().answers().get(1).target())
                .isEqualTo(new Target(Target.Kind.SECTION, "check", 12));
        assertThat(rb.outcome("double-charge").orElseThrow().proposesKillSwitch()).isTrue();
        assertThat(rb.section("check").orElseThrow().steps().get(0).text()).isEqualTo("Open the provider's status page.");
    }

    @Test
    void malformedJsonIsOneProblemAtTheLineWhereItBreaks() throws IOException {
        assertThat(problems("""
                {"version": 1,
                 "id": "x",
                 "title": "missing comma"
                 "nodes": []}
                """)).singleElement().asString()
                .startsWith("runbooks/p.json:4: not valid JSON: ")
                .contains("was expecting comma")
                .endsWith("fix the syntax here (a missing comma, quote or bracket is the usual cause)");
    }

    @Test
    void anEmptyFileSaysHowARunbookStarts() throws IOException {
        assertThat(problems("")).containsExactly("runbooks/p.json:1: the file is empty; a runbook starts with "
                + "{\"version\": 1, \"id\": \"...\", \"title\": \"...\"}");
    }

    @Test
    void contentAfterTheRunbookObjectIsRefused() throws IOException {
        assertThat(problems("{\"version\": 1, \"id\": \"x\", \"title\": \"t\"}\n{\"again\": true}\n"))
                .singleElement().asString().startsWith("runbooks/p.json:2: more JSON follows the end of the runbook");
    }

    @Test
    void theRootMustBeAnObject() throws IOException {
        assertThat(problems("[1, 2]")).containsExactly("runbooks/p.json:1: the runbook must be an object like "
                + "{\"version\": 1, \"id\": \"...\", \"title\": \"...\"}, not a list [...]");
    }

    @Test
    void aMissingVersionIsReportedWithTheOtherProblems() throws IOException {
        assertThat(problems("""
                {
                  "id": "x"
                }
                """)).containsExactly(
                "runbooks/p.json:1: no \"version\"; add \"version\": 1 as the first key",
                "runbooks/p.json:1: the runbook has no \"title\"; add e.g. \"title\": \"Payments triage\"");
    }

    @Test
    void anotherVersionIsTheOnlyProblemReported() throws IOException {
        assertThat(problems("""
                {
                  "version": 2,
                  "id": "x",
                  "whatever": "a future format"
                }
                """)).containsExactly("runbooks/p.json:2: \"version\" is 2, but this Sitrep reads runbook version 1 only; "
                + "write \"version\": 1 (or use a newer Sitrep)");
    }

    @Test
    void aVersionWrittenAsTextIsAWrongType() throws IOException {
        assertThat(problems(VALID.replace("\"version\": 1", "\"version\": \"1\""))).containsExactly(
                "runbooks/p.json:2: \"version\" must be the number 1, not text; write \"version\": 1");
    }

    @Test
    void wrongTypesNameTheKeyWhatItMustBeAndWhatItIs() throws IOException {
        assertThat(problems("""
                {"version": 1, "id": "x", "title": "t",
                 "nodes": [{"id": "q1", "question": 42, "answers": {"text": "Yes"}}],
                 "sections": [{"id": "s", "title": "S", "checklist": "yes", "steps": [7]}]
                }
                """)).contains(
                "runbooks/p.json:2: \"question\" in question \"q1\" must be text in quotes, not a number",
                "runbooks/p.json:2: \"answers\" in question \"q1\" must be a list [...], not an object {...}",
                "runbooks/p.json:3: \"checklist\" in section \"s\" must be true or false, not text",
                "runbooks/p.json:3: step 1 of section \"s\" must be an object like {\"text\": \"...\", \"command\": \"...\", "
                        + "\"expect\": \"...\"} or just \"text\", not a number");
    }

    @Test
    void anUnknownKeyCloseToAKnownOneSuggestsIt() throws IOException {
        assertThat(problems(VALID.replace("\"title\": \"Payments triage\"", "\"titel\": \"Payments triage\"")))
                .contains("runbooks/p.json:4: unknown key \"titel\" in the runbook (did you mean \"title\"?)");
    }

    @Test
    void anUnknownKeyFarFromAnyListsTheKeysThere() throws IOException {
        assertThat(problems(VALID.replace("{\"id\": \"check\",", "{\"colour\": \"red\", \"id\": \"check\",")))
                .containsExactly("runbooks/p.json:20: unknown key \"colour\" in section \"check\"; the keys here are "
                        + "id, title, summary, checklist, steps, sections");
    }

    @Test
    void aKeyGivenTwiceInOneObjectIsReportedAtTheSecond() throws IOException {
        assertThat(problems("""
                {"version": 1, "id": "x",
                 "title": "one",
                 "title": "two"}
                """)).containsExactly("runbooks/p.json:3: \"title\" is given twice in this object (first on line 2); keep one");
    }

    @Test
    void duplicateIdsAreReportedAtTheSecondEvenWhenNested() throws IOException {
        assertThat(problems("""
                {"version": 1, "id": "x", "title": "t",
                 "sections": [
                   {"id": "verify", "title": "A", "steps": ["a"]},
                   {"id": "outer", "title": "B", "sections": [
                     {"id": "verify", "title": "C", "steps": ["c"]}
                   ]}
                 ]}
                """)).containsExactly("runbooks/p.json:5: there are two sections with the id \"verify\" (the first on line "
                + "3); give this one another id");
    }

    @Test
    void anAnswerLeadingToAMissingQuestionNamesItAndTheFix() throws IOException {
        assertThat(problems(VALID.replace("\"next\": \"q2\"", "\"next\": \"sec-check\""))).contains(
                "runbooks/p.json:8: answer \"No\" of question \"q1\" leads to question \"sec-check\" which does not exist; "
                        + "define it or point to an existing question");
    }

    @Test
    void aMisspelledReferenceSuggestsTheCloseId() throws IOException {
        assertThat(problems(VALID.replace("\"next\": \"q2\"", "\"next\": \"q3\""))).contains(
                "runbooks/p.json:8: answer \"No\" of question \"q1\" leads to question \"q3\" which does not exist; "
                        + "define it or point to an existing question (did you mean \"q1\"?)");
    }

    @Test
    void oneMisspelledQuestionIdIsReportedOnceNotAgainAsUnreachableQuestionsAndOutcomes() throws IOException {
        assertThat(problems(VALID.replace("\"next\": \"q2\"", "\"next\": \"q-2\""))).containsExactly(
                "runbooks/p.json:8: answer \"No\" of question \"q1\" leads to question \"q-2\" which does not exist; "
                        + "define it or point to an existing question (did you mean \"q2\"?)");
    }

    @Test
    void danglingOutcomeSectionAndStartReferencesAreEachReported() throws IOException {
        String broken = VALID.replace("\"outcome\": \"failing\"", "\"outcome\": \"failng\"")
                .replace("\"open\": [\"check\"]", "\"open\": [\"chekc\"]")
                .replace("\"title\": \"Payments triage\",", "\"title\": \"Payments triage\", \"start\": \"q0\",");
        assertThat(problems(broken)).contains(
                "runbooks/p.json:4: \"start\" names question \"q0\" which does not exist (did you mean \"q1\"?); "
                        + "point it at the first question to ask",
                "runbooks/p.json:11: answer \"Yes\" of question \"q2\" leads to outcome \"failng\" which does not exist; "
                        + "define it under \"outcomes\" or point to an existing one (did you mean \"failing\"?)",
                "runbooks/p.json:17: outcome \"failing\" opens section \"chekc\" which does not exist (did you mean "
                        + "\"check\"?); define it under \"sections\" or write \"runbook#section\" for another runbook's");
    }

    @Test
    void aLoopBetweenQuestionsIsACycleShownAsAPath() throws IOException {
        assertThat(problems(VALID.replace("{\"text\": \"No\", \"section\": \"check\"}",
                "{\"text\": \"No\", \"next\": \"q1\"}"))).contains(
                "runbooks/p.json:12: the questions loop: q1 -> q2 -> q1; a triage must end, so point one of these answers "
                        + "at an outcome, a section or a question further down");
    }

    @Test
    void aQuestionNoAnswerLeadsToIsUnreachable() throws IOException {
        String orphan = VALID.replace("  ],\n  \"outcomes\": [", "    ,{\"id\": \"q9\", \"question\": \"Orphan?\", "
                + "\"answers\": [{\"text\": \"Yes\", \"outcome\": \"failing\"}, {\"text\": \"No\", \"outcome\": \"failing\"}]}\n"
                + "  ],\n  \"outcomes\": [");
        assertThat(problems(orphan)).containsExactly("runbooks/p.json:14: question \"q9\" cannot be reached from the start "
                + "(\"q1\"); point an answer at it or remove it");
    }

    @Test
    void anOutcomeNoAnswerLeadsToIsNeverReached() throws IOException {
        assertThat(problems(VALID.replace("{\"text\": \"Yes\", \"outcome\": \"failing\"}",
                "{\"text\": \"Yes\", \"outcome\": \"double-charge\"}"))).containsExactly(
                "runbooks/p.json:17: outcome \"failing\" is never reached: no answer leads to it; point an answer at it "
                        + "or remove it");
    }

    @Test
    void aSeverityNotOnTheNamedScaleListsTheScalesLevels() throws IOException {
        String onFourLevels = VALID.replace("\"title\": \"Payments triage\",", "\"title\": \"Payments triage\", \"scale\": \"sev4\",")
                .replace("\"severity\": \"SEV1\"", "\"severity\": \"SEV0\"");
        assertThat(problems(onFourLevels)).containsExactly("runbooks/p.json:16: outcome \"double-charge\" recommends "
                + "\"SEV0\", which is not on the sev4 scale: use one of SEV1, SEV2, SEV3, SEV4 (did you mean \"SEV1\"?), "
                + "or set the runbook's \"scale\"");
    }

    @Test
    void priorityCodesAreFineOnThePriorityScale() throws IOException {
        String priorities = VALID.replace("\"title\": \"Payments triage\",", "\"title\": \"Payments triage\", \"scale\": \"p4\",")
                .replace("\"severity\": \"SEV1\"", "\"severity\": \"P0\"").replace("\"severity\": \"SEV2\"", "\"severity\": \"p1\"");
        assertThat(problems(priorities)).isEmpty();
    }

    @Test
    void anUnknownScaleIsNamedWithTheKnownOnes() throws IOException {
        assertThat(problems(VALID.replace("\"title\": \"Payments triage\",", "\"title\": \"Payments triage\", \"scale\": \"sev6\",")))
                .containsExactly("runbooks/p.json:4: unknown severity scale \"sev6\" (did you mean \"sev5\"?); the scales "
                        + "are sev5, sev4, p4");
    }

    @Test
    void emptyQuestionsAndAnswerListsAreRefused() throws IOException {
        assertThat(problems("""
                {"version": 1, "id": "x", "title": "t",
                 "nodes": [
                   {"id": "q1", "question": " ", "answers": []},
                   {"id": "q2", "question": "Only one?", "answers": [{"text": "Yes", "section": "s"}]},
                   {"id": "q3", "question": "None at all?"}
                 ],
                 "sections": [{"id": "s", "title": "S", "steps": ["a"]}]}
                """)).contains(
                "runbooks/p.json:3: question \"q1\" has an empty \"question\"; write the question to ask, e.g. "
                        + "\"Are customers affected?\"",
                "runbooks/p.json:3: question \"q1\" has an empty \"answers\" list; give at least two answers",
                "runbooks/p.json:4: question \"q2\" has one answer; a question needs at least two (a single path is a "
                        + "step, not a question)",
                "runbooks/p.json:5: question \"q3\" has no \"answers\"; give at least two, each with \"text\" and \"next\", "
                        + "\"outcome\" or \"section\"");
    }

    @Test
    void anAnswerMustLeadToExactlyOnePlace() throws IOException {
        assertThat(problems(VALID.replace("{\"text\": \"Yes\", \"outcome\": \"double-charge\"}",
                "{\"text\": \"Yes\"}").replace("{\"text\": \"Yes\", \"outcome\": \"failing\"}",
                "{\"text\": \"Yes\", \"outcome\": \"failing\", \"next\": \"q1\"}"))).contains(
                "runbooks/p.json:7: answer \"Yes\" of question \"q1\" leads nowhere; add \"next\" (a question), \"outcome\" "
                        + "or \"section\"",
                "runbooks/p.json:11: answer \"Yes\" of question \"q2\" gives both \"next\" and \"outcome\"; an answer leads "
                        + "to one place: keep one");
    }

    @Test
    void twoAnswersWithTheSameTextAreRefused() throws IOException {
        assertThat(problems(VALID.replace("{\"text\": \"No\", \"section\": \"check\"}",
                "{\"text\": \"yes\", \"section\": \"check\"}"))).containsExactly(
                "runbooks/p.json:12: question \"q2\" has the answer \"yes\" twice; make each answer say something different");
    }

    @Test
    void idsWithSpacesOrHashesAreRefusedWithAUsableSuggestion() throws IOException {
        assertThat(problems(VALID.replace("{\"id\": \"check\",", "{\"id\": \"check the provider\",")
                .replace("[\"check\"]", "[\"check the provider\"]").replace("\"section\": \"check\"",
                        "\"section\": \"check the provider\""))).containsExactly(
                "runbooks/p.json:20: the id \"check the provider\" of section \"check the provider\" may use letters, "
                        + "digits, '-', '_' and '.' only (at most 64, no spaces or '#'), e.g. \"check-the-provider\"");
    }

    @Test
    void unknownActionsRolesAndTableKindsSuggestTheKnownOnes() throws IOException {
        assertThat(problems("""
                {"version": 1, "id": "x", "title": "t",
                 "nodes": [{"id": "q", "question": "?", "answers": [
                   {"text": "a", "outcome": "o"}, {"text": "b", "outcome": "o2"}]}],
                 "outcomes": [
                   {"id": "o", "title": "O", "severity": "SEV1",
                    "actions": ["propose-kill-swich"],
                    "roles": ["comander"]},
                   {"id": "o2", "title": "O2", "severity": "SEV2"}],
                 "tables": [{"id": "t", "title": "T", "kind": "contact", "rows": []}]}
                """)).containsExactly(
                "runbooks/p.json:6: unknown action \"propose-kill-swich\" in outcome \"o\" (did you mean "
                        + "\"propose-kill-switch\"?); the actions are propose-kill-switch, propose-containment, open-war-room, "
                        + "preserve-evidence, notify-security, notify-legal, status-page",
                "runbooks/p.json:7: unknown role \"comander\" in outcome \"o\" (did you mean \"commander\"?); the roles are "
                        + "commander, scribe, comms_lead, responder",
                "runbooks/p.json:9: unknown table kind \"contact\" in table \"t\" (did you mean \"contacts\"?); the kinds are "
                        + "severity, symptoms, mitigations, contacts, targets");
    }

    @Test
    void tableRowsAreCheckedForTheirKind() throws IOException {
        assertThat(problems("""
                {"version": 1, "id": "x", "title": "t", "tables": [
                  {"id": "m", "title": "M", "kind": "mitigations", "rows": [
                    {"strategy": "Roll back", "risk": "hgih", "speed": "5 min"},
                    {"strategy": "Restart", "speed": "1 min", "cost": "none"}
                  ]},
                  {"id": "s", "title": "S", "kind": "severity", "scale": "sev4", "rows": [
                    {"level": "SEV1", "criteria": "outage"},
                    {"level": "SEV9", "criteria": "?"},
                    {"level": "sev1", "criteria": "again"}
                  ]}
                ]}
                """)).containsExactly(
                "runbooks/p.json:3: risk \"hgih\" in table \"m\" must be one of low, medium, high (did you mean \"high\"?)",
                "runbooks/p.json:4: unknown key \"cost\" in row 2 of table \"m\"; the keys here are strategy, risk, speed, when",
                "runbooks/p.json:4: row 2 of table \"m\" has no \"risk\"; a mitigations row needs strategy, risk, speed",
                "runbooks/p.json:6: table \"s\" leaves out SEV2, SEV3, SEV4 of the sev4 scale; give every level a row",
                "runbooks/p.json:8: level \"SEV9\" in table \"s\" is not on the sev4 scale (SEV1, SEV2, SEV3, SEV4) "
                        + "(did you mean \"SEV1\"?)",
                "runbooks/p.json:9: level SEV1 appears twice in table \"s\"; keep one row per level");
    }

    @Test
    void aContactsReferenceMustNameAContactsTable() throws IOException {
        String json = VALID.replace("\"severity\": \"SEV2\",", "\"severity\": \"SEV2\", \"contacts\": \"oncall\",")
                .replace("  \"sections\": [", """
                          "tables": [{"id": "oncall", "title": "T", "kind": "symptoms", "rows": []}],
                          "sections": [""");
        assertThat(problems(json)).containsExactly("runbooks/p.json:17: outcome \"failing\" names table \"oncall\" as its "
                + "contacts, but that is a symptoms table; point \"contacts\" at a table of kind contacts");
    }

    @Test
    void aQuestionWhoseAnswersReachNoSeverityNeedsItsOwnNotSure() throws IOException {
        String json = """
                {"version": 1, "id": "router", "title": "Router",
                 "nodes": [{"id": "q", "question": "What do you see?", "answers": [
                   {"text": "Disk full", "section": "disk"}, {"text": "Other", "section": "other"}]}],
                 "sections": [{"id": "disk", "title": "Disk", "steps": ["df -h"]},
                              {"id": "other", "title": "Other", "steps": ["look around"]}]}
                """;
        assertThat(problems(json)).containsExactly("runbooks/p.json:2: question \"q\" has no answer that leads to a "
                + "severity, so \"not sure\" cannot take the more severe branch; add \"notSure\": {\"section\": \"...\"} "
                + "(or \"next\"/\"outcome\") to say where an unsure commander goes");
        assertThat(problems(json.replace("\"answers\": [", "\"notSure\": {\"section\": \"other\"}, \"answers\": [")))
                .isEmpty();
    }

    @Test
    void anExplicitNotSureMilderThanTheWorstAnswerIsRefused() throws IOException {
        String json = VALID.replace("{\"id\": \"q1\", \"question\": \"Are customers charged twice?\",",
                "{\"id\": \"q1\", \"question\": \"Are customers charged twice?\", \"notSure\": {\"next\": \"q2\"},");
        assertThat(problems(json)).containsExactly("runbooks/p.json:6: \"notSure\" of question \"q1\" leads at worst to "
                + "SEV2, but answer \"Yes\" can lead to SEV1; when unsure the triage takes the more severe branch: point "
                + "\"notSure\" there or remove it");
    }

    @Test
    void textOverTheLimitIsRefusedWithItsLength() throws IOException {
        String longText = "x".repeat(20_001);
        assertThat(problems(VALID.replace("Open the provider's status page.", longText))).containsExactly(
                "runbooks/p.json:20: \"text\" in step 1 of section \"check\" is 20001 characters; the limit is 20000: "
                        + "split it into steps or sections");
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedBeforeItIsRead() throws IOException {
        Path big = tmp.resolve("big.json");
        try (OutputStream out = Files.newOutputStream(big)) {
            out.write("{\"version\": 1, \"id\": \"big\", \"title\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 81; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.UTF_8));
        }
        RunbookParser.Parsed parsed = RunbookParser.read(big, "runbooks/big.json");
        assertThat(parsed.runbook()).isNull();
        assertThat(parsed.problems()).extracting(Problem::toString).containsExactly("runbooks/big.json:1: is 5.1 MB; a "
                + "runbook may be 5 MB at most: split it into several runbooks that refer to each other with "
                + "\"runbook#section\"");
    }

    @Test
    void aMissingFileIsOneProblem() {
        assertThat(RunbookParser.read(tmp.resolve("nope.json"), "nope.json").problems()).extracting(Problem::toString)
                .containsExactly("nope.json:1: does not exist; check the path");
    }

    @Test
    void everyProblemIsCollectedNotJustTheFirst() throws IOException {
        String json = VALID.replace("\"title\": \"Payments triage\"", "\"titel\": \"Payments triage\"")
                .replace("[\"propose-kill-switch\"]", "[\"halt-everything\"]")
                .replace("[\"check\"]", "[\"nowhere\"]")
                .replace("{\"id\": \"check\",", "{\"id\": \"check\", \"steps2\": [],");
        List<Problem> found = parse("many.json", json).problems();
        assertThat(found).extracting(Problem::line).containsExactly(1, 4, 16, 17, 20);
        assertThat(found).extracting(Problem::file).containsOnly("runbooks/many.json");
    }

    @Test
    void aCrossRunbookReferenceIsLeftForTheLibrary() throws IOException {
        assertThat(problems(VALID.replace("\"open\": [\"check\"]", "\"open\": [\"lifecycle#verify\", \"payments#check\"]")))
                .isEmpty();
    }

    @Test
    void aMalformedReferenceSaysHowToWriteOne() throws IOException {
        assertThat(problems(VALID.replace("\"open\": [\"check\"]", "\"open\": [\"a#b#c\", \"#check\"]"))).containsExactly(
                "runbooks/p.json:17: outcome \"failing\" refers to \"a#b#c\"; write a section as \"id\" (this runbook) or "
                        + "\"runbook#id\" (another runbook)",
                "runbooks/p.json:17: outcome \"failing\" refers to \"#check\"; write a section as \"id\" (this runbook) or "
                        + "\"runbook#id\" (another runbook)");
    }

    @Test
    void aChainOf3000QuestionsIsValidAndNotSureTakesTheWorseBranchAtItsTop() throws IOException {
        RunbookParser.Parsed parsed = parse("chain.json", LargeRunbooks.chain("chain", 3000));
        assertThat(parsed.problems()).isEmpty();
        Runbook rb = parsed.runbook();
        assertThat(new NotSureRule(rb).choose(rb.startNode().orElseThrow()).orElseThrow().number()).isEqualTo(1);
    }

    @Test
    void aLoopThrough3000QuestionsIsOneProblemShowingItsEnds() throws IOException {
        String json = LargeRunbooks.chain("chain", 3000).replace("\"outcome\": \"broken\"}", "\"next\": \"q1\"}")
                .replace("    {\"id\": \"broken\", \"title\": \"Broken\", \"severity\": \"SEV2\"},\n", "");
        assertThat(problems(json)).containsExactly("runbooks/p.json:3005: the questions loop: q1 -> q2 -> q3 -> q4 -> q5 "
                + "-> ... -> q2997 -> q2998 -> q2999 -> q3000 -> q1 (3000 questions); a triage must end, so point one of "
                + "these answers at an outcome, a section or a question further down");
    }

    @Test
    void sectionsNestedDeeperThanTheReaderGoesAreOneLocatedProblem() throws IOException {
        assertThat(parse("deep.json", LargeRunbooks.nestedSections("deep", 450)).problems()).isEmpty();
        assertThat(problems(LargeRunbooks.nestedSections("deep", 600))).singleElement().asString()
                .startsWith("runbooks/p.json:3: nested deeper than 1000 levels of lists and objects (sections inside "
                        + "sections, most likely)");
    }
}
