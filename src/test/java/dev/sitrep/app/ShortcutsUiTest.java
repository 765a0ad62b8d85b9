package dev.sitrep.app;

import dev.sitrep.testing.Clipping;
import dev.sitrep.ui.common.Shortcuts;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/**
 * The shortcuts overlay lists every key the console heeds (it once missed Ctrl+V, Alt+1..3,
 * Ctrl+Enter and the triage keys), and all of it reads whole in the 1280x800 window.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsUiTest {

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
    void theOverlayListsEveryShortcutAndNothingIsCut(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#helpAction").queryAs(Button.class).fire());
        waitUntil(() -> robot.lookup("#shortcuts").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> keys = robot.lookup("#shortcuts .key").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(keys).as("the overlay's keys").containsExactlyElementsOf(Shortcuts.ALL.stream()
                .map(Shortcuts.Shortcut::keys).toList());
        assertThat(keys).contains("Ctrl+V", "Alt+1 .. Alt+3", "Ctrl+Enter", "1 .. 9", "N or 0", "Backspace");
        AtomicReference<List<String>> cut = new AtomicReference<>();
        robot.interact(() -> {
            Node sheet = robot.lookup("#shortcuts").query();
            cut.set(Clipping.problems(sheet.getScene(), sheet));
        });
        console.snapshot("shortcuts");
        assertThat(cut.get()).as("cut or outside the window").isEmpty();
    }
}
