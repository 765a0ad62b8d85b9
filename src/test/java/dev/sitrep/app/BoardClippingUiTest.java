package dev.sitrep.app;

import dev.sitrep.incident.Declaration;
import dev.sitrep.testing.Clipping;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * Cards in every lane, as in a busy drill: each card's id, elapsed time and clocks read whole at
 * every supported window size in both themes (ids once read "INC-20261203-0..." and four cards
 * looked alike).
 */
@ExtendWith(ApplicationExtension.class)
class BoardClippingUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            for (String level : List.of("SEV0", "SEV1", "SEV2", "SEV3", "SEV4")) {
                w.incidents().declare(new Declaration("Agents acting up in " + level, level, "agents", List.of(), null,
                        false, null));
            }
        });
    }

    @AfterEach
    void close() {
        console.close();
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1280, 800, dark", "1280, 800, light", "1600, 1000, dark", "1600, 1000, light", "1920, 1080, dark",
            "1920, 1080, light"})
    void everyCardsIdElapsedTimeAndClocksReadWhole(int width, int height, String theme, FxRobot robot) throws Exception {
        robot.interact(() -> {
            Clipping.useTheme(theme);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        waitUntil(() -> robot.lookup(".card").queryAll().size() == 5);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> problems = new AtomicReference<>(new ArrayList<>());
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            for (Node card : robot.lookup(".card").queryAll()) {
                problems.get().addAll(Clipping.problems(stage.getScene(), card));
                javafx.geometry.Bounds inside = card.localToScene(card.getLayoutBounds());
                for (Node label : card.lookupAll(".label")) {
                    javafx.geometry.Bounds b = label.localToScene(label.getLayoutBounds());
                    if (label.isVisible() && b.getMaxX() > inside.getMaxX() + 0.5) {
                        problems.get().add(((javafx.scene.control.Label) label).getText() + ": past the card's edge");
                    }
                }
            }
        });
        console.snapshot("board-cards-" + width + "x" + height + "-" + theme);
        assertThat(problems.get()).as("cut on the board at %dx%d (%s)", width, height, theme).isEmpty();
    }
}
