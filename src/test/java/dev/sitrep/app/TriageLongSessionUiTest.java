package dev.sitrep.app;

import dev.sitrep.ui.triage.TriageFeature;
import dev.sitrep.ui.triage.TriageViewModel;
import javafx.scene.control.Button;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.collectGarbage;
import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triage wizard through a long session: garbage collections between steps must never leave the
 * previous question's answers or breadcrumbs on screen (the view bound to list wrappers only a weak
 * listener held, and they went stale after a GC).
 */
@ExtendWith(ApplicationExtension.class)
class TriageLongSessionUiTest {

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
    void whatIsOnScreenMatchesTheWizardThroughManyCyclesWithGarbageCollections(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#triageQuestion").tryQuery().map(n -> !((Label) n).getText().isEmpty())
                .orElse(false));
        for (int cycle = 1; cycle <= 5; cycle++) {
            collectGarbage();
            assertScreenMatchesModel(robot, "cycle " + cycle + ", first question");
            String first = question(robot);

            robot.type(KeyCode.DIGIT2);
            waitUntil(() -> !question(robot).equals(first));
            collectGarbage();
            assertScreenMatchesModel(robot, "cycle " + cycle + ", after answering 2");
            assertThat(crumbs(robot)).as("cycle " + cycle + ": the answer is a breadcrumb").hasSize(1);

            robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
            collectGarbage();
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            robot.clickOn("#triageRestart");
            waitUntil(() -> question(robot).equals(first));
            collectGarbage();
            assertScreenMatchesModel(robot, "cycle " + cycle + ", started over");
            assertThat(crumbs(robot)).as("cycle " + cycle + ": started over, no breadcrumbs").isEmpty();
        }
    }

    /** The numbered answer buttons and the breadcrumbs on screen are the model's, in order. */
    private void assertScreenMatchesModel(FxRobot robot, String when) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> answers = new AtomicReference<>();
        AtomicReference<List<String>> crumbs = new AtomicReference<>();
        robot.interact(() -> {
            TriageViewModel model = console.feature(TriageFeature.class).model();
            answers.set(List.copyOf(model.answers()));
            crumbs.set(List.copyOf(model.breadcrumbs()));
        });
        assertThat(answers.get()).as(when + ": the wizard has answers").isNotEmpty();
        List<String> shown = new ArrayList<>();
        for (int i = 1; i <= answers.get().size() + 1; i++) {
            robot.lookup("#triageAnswer" + i).tryQuery().ifPresent(n -> shown.add(((Button) n).getText()));
        }
        assertThat(shown).as(when + ": the answer buttons are this question's").isEqualTo(answers.get());
        assertThat(crumbs(robot)).as(when + ": the breadcrumbs are the answers given")
                .hasSameSizeAs(crumbs.get());
    }

    private static String question(FxRobot robot) {
        return robot.lookup("#triageQuestion").queryAs(Label.class).getText();
    }

    private static List<String> crumbs(FxRobot robot) {
        return robot.lookup("#triageCrumbs .breadcrumb").queryAll().stream().map(n -> ((Button) n).getText()).toList();
    }
}
