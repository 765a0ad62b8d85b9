package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Checklists;
import dev.sitrep.incident.Declaration;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Ticking checklist steps on the incident page as a commander does: quickly, one after another. */
@ExtendWith(ApplicationExtension.class)
class ChecklistUiTest {

    private static final List<Checklists.StepSpec> STEPS = List.of(
            new Checklists.StepSpec("Halt the agents", null, "status shows halted"),
            new Checklists.StepSpec("Check the queue", "curl -s localhost/queue", null),
            new Checklists.StepSpec("Tell support", null, null));

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private final AtomicReference<Incident> incident = new AtomicReference<>();
    private final AtomicReference<String> checklist = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            incident.set(w.incidents().declare(Declaration.titled("Agents looping")));
            checklist.set(w.checklists().open(incident.get().id(), "ai-triage", "agents", "Agents", STEPS).id());
        });
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void aSecondQuickClickWhereTheNextStepWasTicksIt(FxRobot robot) throws Exception {
        robot.interact(() -> console.desktop.navigator().openChecklists(incident.get().id()));
        waitUntil(() -> robot.lookup(".checklist-step").queryAll().size() == STEPS.size());
        WaitForAsyncUtils.waitForFxEvents();
        Point2D second = centre(robot.lookup("#step-agents-2 .box").query());

        robot.clickOn("#step-agents-1");
        Checklists checklists = console.workspace.checklists();
        waitUntil(() -> checklists.forIncident(incident.get().id()).get(0).step(1).done());
        // the page has heard of the tick (its 'done ... by' line shows) before the commander's next click
        waitUntil(() -> robot.lookup(".checklist-step .label").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("done ")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(second);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#step-agents-2").queryAs(CheckBox.class).isSelected())
                .as("the click where step 2 was before the first tick ticks step 2").isTrue();
        waitUntil(() -> checklists.forIncident(incident.get().id()).get(0).step(2).done());
        assertThat(centre(robot.lookup("#step-agents-2 .box").query())).as("step 2 kept its place").isEqualTo(second);
        assertThat(checklists.forIncident(incident.get().id()).get(0).doneCount()).isEqualTo(2);
    }

    private static Point2D centre(Node node) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }
}
