package dev.sitrep.app;

import dev.sitrep.incident.Declaration;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clock gone overdue is told in the console's own window, in the console's theme: the notice
 * belongs to the window, lies inside it and carries the app's stylesheet, and showing it logs no
 * CSS error (it was once an unstyled white popup at the screen's corner, outside the window, with a
 * ClassCastException from ControlsFX's stylesheet in the log).
 */
@ExtendWith(ApplicationExtension.class)
class OverdueNoticeUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private Stage stage;
    /** Held here: the logging framework keeps loggers only weakly. */
    private final Logger css = Logger.getLogger("javafx.css");
    private final List<String> cssWarnings = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            cssWarnings.add(String.valueOf(r.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        css.addHandler(capture);
        console = new ConsoleFixture(stage, dir, Map.of(), w -> w.incidents().declare(new Declaration(
                "Checkout 5xx spike", "SEV1", "checkout", List.of(), null, false,
                Instant.now().minus(Duration.ofMinutes(30)))));
    }

    @AfterEach
    void close() {
        css.removeHandler(capture);
        console.close();
    }

    @Test
    void anOverdueClockIsAThemedNoticeInsideTheConsoleWindow(FxRobot robot) throws Exception {
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> notice().isPresent()).get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // a few frames: styled and laid out
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            PopupWindow notice = notice().orElseThrow();
            assertThat(notice.getOwnerWindow()).as("owned by the console's window").isSameAs(stage);
            assertThat(notice.getX()).as("left edge").isGreaterThanOrEqualTo(stage.getX());
            assertThat(notice.getY()).as("top edge").isGreaterThanOrEqualTo(stage.getY());
            assertThat(notice.getX() + notice.getWidth()).as("right edge").isLessThanOrEqualTo(stage.getX() + stage.getWidth());
            assertThat(notice.getY() + notice.getHeight()).as("bottom edge")
                    .isLessThanOrEqualTo(stage.getY() + stage.getHeight());
            assertThat(notice.getScene().getStylesheets()).as("the app's stylesheet")
                    .anyMatch(s -> s.endsWith("/dev/sitrep/ui/common/app.css"));
            assertThat(notice.getScene().getRoot().lookupAll(".notification")).as("the theme's notification").isNotEmpty();
            dev.sitrep.testing.Snapshots.write(notice.getScene(), "overdue-notice");
        });
        assertThat(cssWarnings).as("CSS warnings while the notice shows (once a ClassCastException)").isEmpty();

        // The keyboard stays with the page under the notice: Enter opens the selected card, Esc goes back.
        robot.interact(() -> {
            javafx.scene.control.ListView<?> lane = robot.lookup("#lane-SEV1").queryAs(javafx.scene.control.ListView.class);
            lane.requestFocus();
            lane.getSelectionModel().select(0);
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#titleLabel").tryQuery()
                .map(n -> ((Labeled) n).getText().equals("Checkout 5xx spike")).orElse(false));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#lane-SEV1").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(WaitForAsyncUtils.asyncFx(() -> notice().isPresent()).get(10, TimeUnit.SECONDS)).as("still showing")
                .isTrue();
    }

    /** The notice telling of the overdue first communication, once it shows (on the FX thread). */
    private static Optional<PopupWindow> notice() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing() && w.getScene() != null)
                .map(w -> (PopupWindow) w)
                .filter(w -> w.getScene().getRoot().lookupAll("*").stream().anyMatch(OverdueNoticeUiTest::tellsOverdue))
                .findFirst();
    }

    private static boolean tellsOverdue(Node n) {
        return n instanceof Labeled l && l.getText() != null && l.getText().contains("overdue since")
                || n instanceof javafx.scene.text.Text t && t.getText() != null && t.getText().contains("overdue since");
    }
}
