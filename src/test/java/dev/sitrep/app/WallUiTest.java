package dev.sitrep.app;

import dev.sitrep.incident.Declaration;
import dev.sitrep.ui.wall.WallView;
import dev.sitrep.wall.WallSnapshot;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Screen;
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
import java.util.concurrent.TimeUnit;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The wall from the console's Wall button: 1080p sizes, nothing that takes input, remembered across restarts. */
@ExtendWith(ApplicationExtension.class)
class WallUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            w.incidents().declare(new Declaration("Payments failing for card customers in the EU", "SEV1", "payments",
                    List.of(), null, false, null));
            w.incidents().declare(new Declaration("Search slow", "SEV3", "search", List.of(), "lee", false, null));
        });
    }

    @AfterEach
    void close() {
        console.close();
    }

    private static double size(Node root, String style) {
        return root.lookupAll("." + style).stream().map(n -> ((Label) n).getFont().getSize()).min(Double::compare)
                .orElseThrow();
    }

    @Test
    void theWallIsLegibleAt1080pAndTakesNoInput(FxRobot robot) throws Exception {
        assertThat(Screen.getPrimary().getBounds().getWidth()).as("the headless screen is a 1080p wall").isEqualTo(1920);
        robot.clickOn("#wallAction");
        waitUntil(() -> robot.lookup("#wall").tryQuery().isPresent()
                && robot.lookup(".wall-title").queryAll().size() == 2);
        Node wall = robot.lookup("#wall").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wall.getScene().getWidth()).isEqualTo(1920);
        assertThat(wall.getScene().getHeight()).isEqualTo(1080);
        assertThat(size(wall, "wall-chip")).isGreaterThanOrEqualTo(48);
        assertThat(size(wall, "wall-elapsed")).isGreaterThanOrEqualTo(48);
        assertThat(size(wall, "wall-title")).isGreaterThanOrEqualTo(32);
        assertThat(wall.lookupAll("*")).noneMatch(n -> n.isFocusTraversable()
                || n instanceof javafx.scene.control.TextInputControl || n instanceof javafx.scene.control.ButtonBase);
        assertThat(wall.isMouseTransparent()).isTrue();
        assertThat(robot.lookup(".wall-title").queryAllAs(Label.class)).extracting(Label::getText)
                .as("most severe first").first().isEqualTo("Payments failing for card customers in the EU");
        WaitForAsyncUtils.asyncFx(() -> dev.sitrep.testing.Snapshots.write(wall.getScene(), "wall-1080p")).get();

        assertThat(console.workspace.settings().wallOpen()).as("remembered as open").isTrue();
        robot.interact(() -> ((Stage) wall.getScene().getWindow()).close());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        waitUntil(() -> !console.workspace.settings().wallOpen());
    }

    @Test
    void theStaleMarkerReplacesCurrentLookingData(FxRobot robot) throws Exception {
        WallView view = new WallView();
        robot.interact(() -> view.show(new WallSnapshot("14:45 UTC", "15:45 CET", false,
                "stale since 14:32 UTC: the data directory is not answering", List.of(), List.of(),
                List.of(new WallSnapshot.Row("INC-20261122-1432-7QF2", "SEV1", 1, "Payments failing", "13m", "maria",
                        "investigating", List.of(new WallSnapshot.Clock("ack LATE 08:00", "late")), List.of())),
                1, 1, 1, List.of())));
        assertThat(view.lookupAll(".wall-stale")).singleElement()
                .satisfies(n -> assertThat(((Label) n).getText()).isEqualTo(
                        "STALE: since 14:32 UTC: the data directory is not answering"));
        assertThat(view.lookup(".wall-rows").getOpacity()).as("old rows dimmed under the marker").isLessThan(1);
    }
}
