package dev.sitrep.app;

import dev.sitrep.core.Checklist;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Checklists;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.triage.TriageFeature;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The triage wizard as a commander uses it: by keyboard to an outcome, declared, answers on the timeline, a step ticked. */
@ExtendWith(ApplicationExtension.class)
class TriageUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> { });
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void keyboardToAnOutcomeDeclareAndTickAStepThatSurvivesReopening(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#triageQuestion").tryQuery().map(n -> n.isVisible()
                && !((Label) n).getText().isEmpty()).orElse(false));
        assertThat(robot.lookup("#triageQuestion").queryAs(Label.class).getText())
                .isEqualTo("Is the platform actively doing something it must not do?");
        console.snapshot("triage-question");

        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> robot.lookup("#triageQuestion").queryAs(Label.class).getText().contains("security"));
        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> robot.lookup("#triageQuestion").queryAs(Label.class).getText().contains("beyond"));
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> robot.lookup("#triageOutcome").query().isVisible());
        assertThat(robot.lookup("#triageSeverity").queryAs(Label.class).getText()).isEqualTo("SEV1");
        assertThat(robot.lookup("#triageKillSwitch").query().isVisible()).isTrue();
        console.snapshot("triage-outcome");

        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#declareTitle").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> console.feature(BoardFeature.class).model().rows().size() == 1);
        Incident declared = console.feature(BoardFeature.class).model().rows().get(0);
        assertThat(declared.severity()).isEqualTo("SEV1");
        IncidentService incidents = console.workspace.incidents();
        waitUntil(() -> incidents.show(declared.id()).timeline().stream().filter(e -> e.type() == EventType.TRIAGE)
                .count() == 5);
        List<String> triage = incidents.show(declared.id()).timeline().stream()
                .filter(e -> e.type() == EventType.TRIAGE).map(TimelineEvent::text).toList();
        assertThat(triage.get(0)).isEqualTo("Q: Is the platform actively doing something it must not do? → A: Yes, it is "
                + "doing harm right now");
        assertThat(triage.get(3)).startsWith("Triage outcome: SEV1");
        assertThat(triage.get(4)).isEqualTo("Severity decision: SEV1, as the triage recommends");

        Checklists checklists = console.workspace.checklists();
        // The triage is recorded first, then its sections open as checklists: wait for all three.
        waitUntil(() -> checklists.forIncident(declared.id()).size() == 3);
        int opened = checklists.forIncident(declared.id()).size();
        waitUntil(() -> robot.lookup(".checklist-step").queryAll().size()
                == checklists.forIncident(declared.id()).stream().mapToInt(c -> c.steps().size()).sum());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).isEqualTo(3);
        robot.clickOn("#step-kill-switch-1");
        waitUntil(() -> checklists.forIncident(declared.id()).get(0).step(1).done());
        waitUntil(() -> robot.lookup("#step-kill-switch-1").queryAs(CheckBox.class).isSelected());
        console.snapshot("incident-checklists");

        console.close();
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "x").random(new Random(1)).build();
            IncidentService reopened = services.incidents();
            Checklist c = services.checklists().forIncident(declared.id()).get(0);
            assertThat(c.runbook()).isEqualTo("rollback");
            assertThat(c.step(1).done()).isTrue();
            assertThat(c.step(1).doneBy()).isEqualTo("maria");
            assertThat(reopened.show(declared.id()).timeline()).anyMatch(e -> e.type() == EventType.CHECKLIST
                    && e.text().startsWith("Done: '"));
        }
    }

    /** Ctrl+2, then the answers 1, 2, 1: the outcome "Agents acting on customers or outside systems", SEV1. */
    private static void toTheOutcome(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#triageQuestion").tryQuery().map(n -> n.isVisible()
                && ((Label) n).getText().startsWith("Is the platform actively")).orElse(false));
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> robot.lookup("#triageQuestion").queryAs(Label.class).getText().contains("security"));
        robot.type(KeyCode.DIGIT2);
        waitUntil(() -> robot.lookup("#triageQuestion").queryAs(Label.class).getText().contains("beyond"));
        robot.type(KeyCode.DIGIT1);
        waitUntil(() -> robot.lookup("#triageOutcome").query().isVisible());
    }

    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(javafx.scene.Node::isVisible).orElse(false);
    }

    @Test
    void enterOnTheOutcomeAppliesItToTheIncidentOpenInTheWindowAndDeclaresNothing(FxRobot robot) throws Exception {
        IncidentService incidents = console.workspace.incidents();
        Incident open = incidents.declare(dev.sitrep.incident.Declaration.titled("Refunds sent twice"));
        robot.interact(() -> console.shellModel.openIncident(open.id()));
        waitUntil(() -> robot.lookup("#titleLabel").tryQuery()
                .map(n -> ((Label) n).getText().equals("Refunds sent twice")).orElse(false));
        toTheOutcome(robot);
        String apply = robot.lookup("#triageApply").queryAs(javafx.scene.control.Button.class).getText();
        String declare = robot.lookup("#triageDeclare").queryAs(javafx.scene.control.Button.class).getText();

        robot.type(KeyCode.ENTER);

        // applied: the answers and the outcome on its timeline, its severity raised, its checklists opened last
        waitUntil(() -> console.workspace.checklists().forIncident(open.id()).size() == 3);
        assertThat(incidents.show(open.id()).timeline()).filteredOn(e -> e.type() == EventType.TRIAGE)
                .extracting(TimelineEvent::text).anyMatch(t -> t.startsWith("Triage outcome: SEV1"));
        assertThat(incidents.count()).as("nothing declared").isEqualTo(1);
        assertThat(shown(robot, "#declareSheet")).as("no declare sheet").isFalse();
        assertThat(incidents.show(open.id()).incident().severity()).isEqualTo("SEV1");
        assertThat(apply).isEqualTo("Apply to " + open.id() + " (Enter)");
        assertThat(declare).isEqualTo("Declare a new incident (D)");
    }

    @Test
    void declaringWhatIsLikelyDeclaredAlreadyWarnsOffersItAndDeclaresOnlyWhenToldAnyway(FxRobot robot) throws Exception {
        IncidentService incidents = console.workspace.incidents();
        Incident existing = incidents.declare(dev.sitrep.incident.Declaration.titled(
                "Agents acting on customers or outside systems"));
        toTheOutcome(robot);
        robot.type(KeyCode.ENTER); // nothing open in the window: Enter declares
        waitUntil(() -> shown(robot, "#declareTitle"));
        robot.type(KeyCode.ENTER);

        waitUntil(() -> shown(robot, "#declareDuplicate"));
        assertThat(robot.lookup("#declareDuplicate").queryAs(Label.class).getText())
                .startsWith("Likely a duplicate of " + existing.id() + " \"Agents acting on customers or outside systems\"")
                .containsPattern("declared \\d+s ago").contains("nothing was declared");
        assertThat(incidents.count()).isEqualTo(1);
        console.snapshot("declare-duplicate");
        robot.clickOn("#declareOpenDuplicate");
        waitUntil(() -> existing.id().equals(console.shellModel.openIncidentProperty().get()));
        waitUntil(() -> !shown(robot, "#declareSheet"));
        assertThat(incidents.count()).isEqualTo(1);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> shown(robot, "#declareTitle"));
        robot.write("agents acting on customers or outside systems").type(KeyCode.ENTER);
        waitUntil(() -> shown(robot, "#declareDuplicate"));
        robot.clickOn("#declareAnyway");
        waitUntil(() -> incidents.count() == 2);
        Incident second = incidents.list(false).stream().filter(i -> !i.id().equals(existing.id())).findFirst().orElseThrow();
        assertThat(incidents.show(second.id()).timeline().get(0).text())
                .contains("; declared despite a likely duplicate: " + existing.id());
    }

    @Test
    void anImportedRunbookIsPreviewedSavedAndOfferedByTheWizard(FxRobot robot) throws Exception {
        Path source = dir.resolveSibling(dir.getFileName() + "-ops-wiki-tree.md");
        java.nio.file.Files.copy(TriageUiTest.class.getResourceAsStream("/import/ops-wiki-tree.md"), source,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        robot.interact(() -> console.feature(TriageFeature.class).previewImport(source));
        waitUntil(() -> robot.lookup("#importSummary").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Imported")).orElse(false));
        console.snapshot("import-preview");
        robot.clickOn("#importSave");
        waitUntil(() -> robot.lookup("#importSaved").tryQuery().map(n -> n.isVisible()).orElse(false));
        int builtIn = dev.sitrep.runbook.RunbookLibrary.builtIns().triageTrees().size();
        waitUntil(() -> console.feature(TriageFeature.class).model().trees().size() == builtIn + 1);
        assertThat(console.feature(TriageFeature.class).model().trees()).extracting(dev.sitrep.runbook.Runbook::title)
                .contains("Agent platform triage");
        assertThat(java.nio.file.Files.list(dir.resolve("runbooks")).count()).isEqualTo(1);
        java.nio.file.Files.deleteIfExists(source);
    }
}
