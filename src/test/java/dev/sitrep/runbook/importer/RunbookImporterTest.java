package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.DecisionNode;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.Section;
import dev.sitrep.runbook.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer's rules that the realistic runbooks do not all show. */
class RunbookImporterTest {

    @TempDir
    Path dir;

    private static ImportResult imported(String text) {
        ImportResult r = RunbookImporter.importBytes("doc.md", text.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
        assertThat(r.problems()).isEmpty();
        return r;
    }

    @Test
    void textWithoutHeadingsTakesItsTitleFromTheFileNameAndItsStepsGoToAnOverview() throws Exception {
        Path file = Files.writeString(dir.resolve("broker_notes.txt"), "- restart it\n- check it\n");
        ImportResult r = RunbookImporter.importFile(file, ImportOptions.defaults());
        assertThat(r.runbook().title()).isEqualTo("Broker notes");
        assertThat(r.runbook().id()).isEqualTo("broker-notes");
        assertThat(r.runbook().sections()).extracting(Section::id).containsExactly("overview");
    }

    @Test
    void severalTopHeadingsMeanNoneOfThemIsTheTitle() {
        Runbook rb = imported("# Broker down\n- a\n# Vault sealed\n- b\n").runbook();
        assertThat(rb.title()).isEqualTo("Imported runbook");
        assertThat(rb.sections()).extracting(Section::title).containsExactly("Broker down", "Vault sealed");
    }

    @Test
    void leavesWithoutASeverityLeadToSectionsAndNotSureGoesWhereTheFirstAnswerGoes() {
        ImportResult r = imported("# Router\nWhich part fails?\n\u251C\u2500\u2500 The broker \u2192 Broker down\n"
                + "\u2514\u2500\u2500 The database \u2192 Database down\n## Broker down\n- restart it\n## Database down\n- free disk\n");
        DecisionNode q = r.runbook().nodes().get(0);
        assertThat(q.answers()).extracting(a -> a.target().ref()).containsExactly("broker-down", "database-down");
        assertThat(q.notSure()).extracting(Target::kind, Target::ref).containsExactly(Target.Kind.SECTION, "broker-down");
        assertThat(r.runbook().outcomes()).isEmpty();
        assertThat(r.adjustments()).anyMatch(n -> n.reason().startsWith("no answer of this question leads to a severity"));
    }

    @Test
    void aLeafThatNamesNoSectionGetsASectionWithItsWords() {
        ImportResult r = imported("Is it down?\n\u251C\u2500\u2500 YES \u2192 Page the vendor (SEV1)\n"
                + "\u2514\u2500\u2500 NO \u2192 Keep watching the graphs\n");
        assertThat(r.runbook().section("keep-watching-the-graphs").orElseThrow().steps().get(0).text())
                .isEqualTo("Keep watching the graphs");
        assertThat(r.runbook().outcomes()).singleElement().satisfies(o -> assertThat(o.severity()).isEqualTo("SEV1"));
    }

    @Test
    void aLevelOffTheScaleOfTheSeverityTableIsCarriedOverNeverMilder() {
        ImportResult r = imported("| Priority | Impact |\n|---|---|\n| P0 | a |\n| P1 | b |\n| P2 | c |\n| P3 | d |\n\n"
                + "Is data leaking?\n\u251C\u2500\u2500 YES \u2192 Breach (SEV0)\n\u2514\u2500\u2500 NO \u2192 Slow (SEV3)\n");
        assertThat(r.runbook().scale()).isEqualTo("p4");
        assertThat(r.runbook().outcomes()).extracting(o -> o.severity()).containsExactly("P0", "P2");
        assertThat(r.adjustments()).anyMatch(n -> n.reason().startsWith("SEV0 is not on the runbook's p4 scale"));
    }

    @Test
    void numberedQuestionsLinkedByContinueWithQuestionNCarryTheKillSwitchToTheOutcomesBelow() {
        ImportResult r = imported("AI platform triage\n\n1. Is the platform doing something it should not be doing?\n"
                + "   YES -> Flip the kill switch, then continue with question 2.\n   NO -> Service degradation section.\n"
                + "2. Is there a security dimension?\n   YES -> Security section (SEV0), and do not skip the kill switch step.\n"
                + "   NO -> Agent misbehaviour (SEV1)\n\nService degradation\n- Check the API.\n\nSecurity\n- Rotate keys.\n");
        Runbook rb = r.runbook();
        assertThat(rb.nodes()).hasSize(2);
        assertThat(rb.nodes().get(0).answers()).extracting(a -> a.target().ref())
                .containsExactly(rb.nodes().get(1).id(), "service-degradation");
        assertThat(rb.outcomes()).extracting(o -> o.title()).containsExactly(
                "Security section, and do not skip the kill switch step", "Agent misbehaviour");
        assertThat(rb.outcomes()).allSatisfy(o -> assertThat(o.proposesKillSwitch()).isTrue());
        assertThat(rb.outcomes().get(0).open()).extracting(l -> l.text()).containsExactly("security");
    }

    @Test
    void aTreeThatLoopsIsKeptAsNotesAndTheRestImports() {
        ImportResult r = imported("# Loop\n1. First?\n   YES \u2192 go to 2\n   NO \u2192 Fine (SEV3)\n"
                + "2. Second?\n   YES \u2192 go to 1\n   NO \u2192 Bad (SEV1)\n## Steps\n- do it\n");
        assertThat(r.runbook().nodes()).isEmpty();
        assertThat(r.notes()).hasSize(6).allMatch(n -> n.reason().contains("the tree loops (\"First?\" -> \"Second?\" -> "
                + "\"First?\")"));
        assertThat(r.runbook().section("steps")).isPresent();
    }

    @Test
    void derivedIdsAvoidTheBuiltInsAndTheIdsInUseAndAGivenIdIsChecked() {
        ImportOptions taken = new ImportOptions(null, null, Set.of("payments"));
        assertThat(RunbookImporter.importBytes("a.md", "# Severity\n- x\n".getBytes(StandardCharsets.UTF_8), taken).id())
                .isEqualTo("severity-2");
        assertThat(RunbookImporter.importBytes("a.md", "# Payments\n- x\n".getBytes(StandardCharsets.UTF_8), taken).id())
                .isEqualTo("payments-2");
        assertThat(RunbookImporter.importBytes("a.md", "# Payments\n- x\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults().withId("pay")).id()).isEqualTo("pay");
        assertThatThrownBy(() -> RunbookImporter.importBytes("a.md", "# P\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults().withId("my runbook"))).isInstanceOf(ImportRefusedException.class)
                .isInstanceOfSatisfying(dev.sitrep.core.SitrepException.class, e -> assertThat(e.message(n -> "--" + n))
                        .contains("give e.g. --id my-runbook"));
    }

    @Test
    void emptyInputIsRefusedAtLineOne() {
        assertThatThrownBy(() -> RunbookImporter.importBytes("e.md", " \n\t\n".getBytes(StandardCharsets.UTF_8),
                ImportOptions.defaults())).hasMessage("e.md:1: is empty (or only white space); there is nothing to import");
    }

    @Test
    void aMissingFileIsRefusedByName() {
        assertThatThrownBy(() -> RunbookImporter.importFile(dir.resolve("nope.md"), ImportOptions.defaults()))
                .isInstanceOf(ImportRefusedException.class).hasMessage(dir.resolve("nope.md") + ":1: does not exist; check the path");
    }

    @Test
    void aParagraphLongerThanTheFormatAllowsIsSplitIntoSteps() {
        String sentence = "The broker restarts because its memory limit is too low for the load it carries. ";
        ImportResult r = imported("# Long\n## Notes\n" + sentence.repeat(600) + "\n");
        Section notes = r.runbook().section("notes").orElseThrow();
        assertThat(notes.steps()).hasSize(3).allMatch(s -> s.text().length() <= 20_000);
        assertThat(String.join(" ", notes.steps().stream().map(s -> s.text()).toList())).isEqualTo(sentence.repeat(600).strip());
    }

    @Test
    void unmappedTextIsKeptWithItsLineInTheNotesSection() {
        ImportResult r = imported("# T\n## A\n- step\n<!-- ask Dana -->\n![chart](c.png)\n");
        assertThat(r.runbook().section("imported-notes").orElseThrow().steps()).extracting(s -> s.text())
                .containsExactly("Line 4: ask Dana", "Line 5: ![chart](c.png)");
        assertThat(r.counts().notes()).isEqualTo(2);
        assertThat(r.counts().sections()).isEqualTo(1);
        assertThat(r.summary()).isEqualTo("Imported \"T\" as t: 1 section, 1 step (0 with a command), 0 tables, "
                + "0 questions, 0 outcomes; 2 lines kept as notes in \"Imported notes\"; 0 adjustments");
    }
}
