package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.testing.ChildJvm;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.incident.TimelineRow;
import dev.sitrep.ui.shell.ShellViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as a commander uses it, headless: the real store, the real executor and poller. */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private Services workspace;
    private ShellViewModel shellModel;
    private int drillRequests;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), ZoneId.of("Europe/Berlin"), w -> { }, () -> drillRequests++);
        workspace = console.workspace;
        shellModel = console.shellModel;
    }

    @AfterEach
    void close() {
        console.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        ConsoleFixture.waitUntil(condition);
    }

    private void snapshot(String name) {
        console.snapshot(name);
    }

    @Test
    void ctrlNTitleEnterDeclaresAndTheIncidentIsListed(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#welcome").tryQuery().map(n -> n.isVisible()).orElse(false));
        snapshot("board-welcome");
        // when:
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#declareTitle").tryQuery().isPresent());
        robot.write("Checkout 5xx spike");
        snapshot("declare-sheet");
        robot.type(KeyCode.ENTER);
        // then:
        waitUntil(() -> console.feature(BoardFeature.class).model().rows().stream().anyMatch(i -> i.title().equals("Checkout 5xx spike")));
        waitUntil(() -> robot.lookup("#titleLabel").tryQuery()
                .map(n -> ((Label) n).getText().equals("Checkout 5xx spike")).orElse(false));
        Incident declared = console.feature(BoardFeature.class).model().rows().get(0);
        assertThat(declared.severity()).isEqualTo("SEV2");
        assertThat(declared.commander()).isEqualTo("maria");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().map(n -> n.isVisible()).orElse(false));
        ListView<?> list = robot.lookup("#lane-SEV2").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(1);
    }

    @Test
    void anEmptyTitleIsRefusedInline(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#declareTitle").tryQuery().isPresent());
        // when:
        robot.type(KeyCode.ENTER);
        // then:
        waitUntil(() -> robot.lookup("#declareTitleError").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#declareTitleError").queryAs(Label.class).getText()).contains("title is empty");
        snapshot("declare-empty-title");
        assertThat(workspace.incidents().count()).isZero();
        assertThat(robot.lookup("#declareSheet").tryQuery()).isPresent();
    }

    @Test
    void ctrlLTypeEnterPutsTheNoteOnTheTimeline(FxRobot robot) throws Exception {
        Incident incident = workspace.incidents().declare(Declaration.titled("Queue stuck"));
        robot.interact(() -> shellModel.openIncident(incident.id()));
        waitUntil(() -> timelineTexts(robot).size() == 1);
        // when:
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        robot.write("workers restarted, queue draining");
        robot.type(KeyCode.ENTER);
        // then:
        waitUntil(() -> timelineTexts(robot).contains("workers restarted, queue draining"));
        assertThat(workspace.incidents().show(incident.id()).timeline()).extracting(e -> e.actor())
                .containsExactly("maria", "maria");
    }

    @Test
    void aNoteWrittenByTheCliInAnotherProcessAppears(FxRobot robot) throws Exception {
        workspace.incidents().declare(new Declaration("Vault sealed", "SEV1", "vault", List.of("cullis"), null, false, null));
        Incident incident = workspace.incidents().declare(Declaration.titled("Broker down"));
        robot.interact(() -> shellModel.openIncident(incident.id()));
        waitUntil(() -> timelineTexts(robot).size() == 1);
        // when:
        ChildJvm.Result r = ChildJvm.sitrep(List.of(), "incident", "note", incident.id().value(), "restarted from the terminal",
                "--data-dir", dir.toString(), "--actor", "sam");
        // then:
        assertThat(r.code()).as(r.err()).isZero();
        waitUntil(() -> timelineTexts(robot).contains("restarted from the terminal"));
        snapshot("incident");
    }

    @Test
    void theImpactIsTypedOnTheIncidentPageSavedWithEnterAndNotClipped(FxRobot robot) throws Exception {
        Incident incident = workspace.incidents().declare(Declaration.titled("Checkout 5xx spike"));
        robot.interact(() -> shellModel.openIncident(incident.id()));
        waitUntil(() -> timelineTexts(robot).size() == 1);
        javafx.scene.control.TextField field = robot.lookup("#impactField").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.Button save = robot.lookup("#impactButton").queryAs(javafx.scene.control.Button.class);
        for (javafx.scene.Node n : List.of(field, save, robot.lookup("#hypothesisButton").query())) {
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getMinX()).as(n.getId()).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(n.getId() + " inside the 1280 px window").isLessThanOrEqualTo(1280);
        }
        assertThat(save.getWidth()).as("Save shows its whole label").isGreaterThanOrEqualTo(save.prefWidth(-1) - 0.5);
        assertThat(field.getWidth()).as("room to type").isGreaterThanOrEqualTo(120);
        // when:
        robot.clickOn(field).write("EU checkout fails for 30% of users");
        robot.type(KeyCode.ENTER);
        // then:
        waitUntil(() -> timelineTexts(robot).contains("Impact: EU checkout fails for 30% of users"));
        assertThat(workspace.incidents().show(incident.id()).incident().impact()).isEqualTo("EU checkout fails for 30% of users");
        // and a change from elsewhere shows within a second:
        workspace.incidents().setImpact(incident.id(), "EU checkout fails for everyone");
        org.testfx.util.WaitForAsyncUtils.waitFor(1, java.util.concurrent.TimeUnit.SECONDS,
                () -> field.getText().equals("EU checkout fails for everyone"));
        snapshot("incident-impact");
    }

    @Test
    void loadDemoWorkspaceAsksForTheDrill(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#loadDemo").tryQuery().map(n -> n.isVisible()).orElse(false));
        // when:
        robot.clickOn("#loadDemo");
        // then:
        waitUntil(() -> drillRequests == 1);
        assertThat(workspace.incidents().count()).as("the real workspace stays empty").isZero();
    }

    @Test
    void aDemoIncidentShowsItsTimelineAndMilestones(FxRobot robot) throws Exception {
        dev.sitrep.incident.DemoWorkspace.load(workspace.incidents(), Clock.systemUTC(), "sandbox");
        robot.interact(() -> console.feature(BoardFeature.class).model().refresh());
        waitUntil(() -> console.feature(BoardFeature.class).model().rows().size() == 4);
        snapshot("board-demo");
        robot.interact(() -> shellModel.openIncident(console.feature(BoardFeature.class).model().rows().get(0).id()));
        waitUntil(() -> timelineTexts(robot).size() > 5);
        waitUntil(() -> robot.lookup("#milestoneBox").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 5);
        snapshot("incident-demo");
    }

    @Test
    void ctrlDigitsSwitchPages(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#triageQuestion").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#evidencePage").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#postmortemPage").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#killSwitchButton").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#settings").tryQuery().isPresent());
        snapshot("settings");
    }

    @SuppressWarnings("unchecked")
    private static List<String> timelineTexts(FxRobot robot) {
        return robot.lookup("#timelineList").tryQuery()
                .map(n -> ((ListView<TimelineRow>) n).getItems().stream().map(TimelineRow::text).toList())
                .orElse(List.of());
    }
}
