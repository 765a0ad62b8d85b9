package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.core.Milestone;
import dev.sitrep.incident.Declaration;
import javafx.scene.Node;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sheet owns the keyboard while it is open: focus is in it, and no board or page key reaches
 * what is behind it (with the status sheet open, A once acknowledged the incident underneath).
 * Leaving a page gives the keyboard back to the board's cards.
 */
@ExtendWith(ApplicationExtension.class)
class FocusUiTest {

    /** Every key the board acts on, plus the arrows. */
    private static final List<KeyCode> BOARD_KEYS = List.of(KeyCode.A, KeyCode.U, KeyCode.V, KeyCode.S, KeyCode.R,
            KeyCode.DOWN, KeyCode.UP, KeyCode.LEFT, KeyCode.RIGHT);

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private final List<Incident> declared = new ArrayList<>();

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            declared.add(w.incidents().declare(new Declaration("Checkout 5xx spike", "SEV2", "checkout", List.of(),
                    null, false, null)));
            declared.add(w.incidents().declare(new Declaration("Search slow in EU", "SEV2", "search", List.of(), null,
                    false, null)));
        });
    }

    @AfterEach
    void close() {
        console.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<Incident> sev2(FxRobot robot) {
        return robot.lookup("#lane-SEV2").queryAs(ListView.class);
    }

    private void selectFirstCard(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().isPresent() && sev2(robot).getItems().size() == 2);
        robot.interact(() -> {
            sev2(robot).requestFocus();
            sev2(robot).getSelectionModel().select(0);
        });
    }

    private static Node focusOwner(FxRobot robot) {
        AtomicReference<Node> owner = new AtomicReference<>();
        robot.interact(() -> owner.set(robot.listWindows().get(0).getScene().getFocusOwner()));
        return owner.get();
    }

    private static boolean inside(Node node, String id) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theSeverityStatusAndRoleSheetsOwnTheKeyboardAndNoBoardKeyReachesTheCardBehind(FxRobot robot)
            throws Exception {
        selectFirstCard(robot);
        Incident card = sev2(robot).getSelectionModel().getSelectedItem();
        for (KeyCode opens : List.of(KeyCode.V, KeyCode.S, KeyCode.R)) {
            robot.type(opens);
            waitUntil(() -> robot.lookup("#quickChange").tryQuery().isPresent());
            waitUntil(() -> inside(focusOwner(robot), "quickChange"));

            for (KeyCode key : BOARD_KEYS) {
                robot.type(key);
            }
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(300); // an acknowledgement would be written in the background by now

            assertThat(robot.lookup("#quickChange").tryQuery()).as(opens + ": the sheet is still open").isPresent();
            assertThat(console.workspace.incidents().show(card.id()).incident().milestones().at(Milestone.ACKNOWLEDGED))
                    .as(opens + " sheet open: A did not acknowledge the card behind").isEmpty();
            assertThat(robot.lookup("#postUpdateSheet").tryQuery()).as(opens + " sheet open: U opened nothing").isEmpty();
            assertThat(sev2(robot).getSelectionModel().getSelectedItem().id()).as("the selection behind stays")
                    .isEqualTo(card.id());

            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> robot.lookup("#quickChange").tryQuery().isEmpty());
            waitUntil(() -> focusOwner(robot) == sev2(robot));
        }
    }

    @Test
    void theEvidenceNoteSheetOwnsTheKeyboard(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#addNote").tryQuery().isPresent());
        robot.clickOn("#addNote");
        waitUntil(() -> robot.lookup("#noteText").tryQuery().isPresent());
        waitUntil(() -> inside(focusOwner(robot), "noteName") || inside(focusOwner(robot), "noteText"));
        robot.write("seen on the gateway");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#noteText").tryQuery()).as("Ctrl+1 does not switch pages under an open sheet")
                .isPresent();
        assertThat(robot.lookup("#evidencePage").tryQuery()).isPresent();
    }

    @Test
    void afterEscFromAnIncidentTheArrowsAndKeysWorkOnTheCardsAgain(FxRobot robot) throws Exception {
        selectFirstCard(robot);
        Incident first = sev2(robot).getSelectionModel().getSelectedItem();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#titleLabel").tryQuery().isPresent());

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> focusOwner(robot) == sev2(robot));
        robot.type(KeyCode.DOWN);
        waitUntil(() -> !sev2(robot).getSelectionModel().getSelectedItem().id().equals(first.id()));
        robot.type(KeyCode.V);
        waitUntil(() -> robot.lookup("#quickChange").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().isPresent() && focusOwner(robot) == sev2(robot));
    }
}
