package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.core.Milestone;
import dev.sitrep.incident.Declaration;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.Optional;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A card's menu opens from the mouse (right-click on the card, which becomes the selected one) and
 * from the keyboard (Shift+F10 or the Menu key on the selected card), and its actions act on that
 * card. It once did not open at all on right-click or Shift+F10.
 */
@ExtendWith(ApplicationExtension.class)
class CardMenuUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            w.incidents().declare(new Declaration("Checkout 5xx spike", "SEV2", "checkout", List.of(), null, false, null));
            w.incidents().declare(new Declaration("Search slow in EU", "SEV2", "search", List.of(), null, false, null));
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

    private static Optional<ContextMenu> shownMenu(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).findFirst();
    }

    @Test
    void rightClickOnACardSelectsItAndOpensItsMenu(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().isPresent() && sev2(robot).getItems().size() == 2);
        robot.interact(() -> sev2(robot).getSelectionModel().select(0));
        Incident second = sev2(robot).getItems().get(1);
        robot.clickOn(robot.lookup("#lane-SEV2 .card").nth(1).queryAs(javafx.scene.Node.class), MouseButton.SECONDARY);
        waitUntil(() -> shownMenu(robot).isPresent());
        assertThat(sev2(robot).getSelectionModel().getSelectedItem().id()).as("the card right-clicked is the one acted on")
                .isEqualTo(second.id());
        robot.interact(() -> shownMenu(robot).orElseThrow().getItems().stream()
                .filter(i -> i.getText().startsWith("Acknowledge")).findFirst().orElseThrow().fire());
        waitUntil(() -> console.workspace.incidents().show(second.id()).incident().milestones()
                .at(Milestone.ACKNOWLEDGED).isPresent());
    }

    @Test
    void shiftF10AndTheMenuKeyOpenTheSelectedCardsMenuBesideIt(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().isPresent() && sev2(robot).getItems().size() == 2);
        robot.interact(() -> {
            sev2(robot).requestFocus();
            sev2(robot).getSelectionModel().select(1);
        });
        for (List<KeyCode> keys : List.of(List.of(KeyCode.SHIFT, KeyCode.F10), List.of(KeyCode.CONTEXT_MENU))) {
            robot.push(keys.toArray(KeyCode[]::new));
            waitUntil(() -> shownMenu(robot).isPresent());
            ContextMenu menu = shownMenu(robot).orElseThrow();
            javafx.geometry.Bounds card = robot.lookup("#lane-SEV2 .card").nth(1).query()
                    .localToScreen(robot.lookup("#lane-SEV2 .card").nth(1).query().getLayoutBounds());
            assertThat(menu.getAnchorY()).as(keys + ": the menu opens at the selected card").isBetween(card.getMinY() - 1,
                    card.getMaxY() + 1);
            robot.push(KeyCode.ESCAPE);
            waitUntil(() -> shownMenu(robot).isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.listWindows().stream().filter(Window::isShowing).count()).isEqualTo(1);
        }
    }
}
