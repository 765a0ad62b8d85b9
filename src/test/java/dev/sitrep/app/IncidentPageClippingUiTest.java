package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.testing.Clipping;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident page of a long-running incident (the side pane scrolls): the severity, id, status
 * and every action button read whole at every supported size in both themes ("Set stat..." once).
 */
@ExtendWith(ApplicationExtension.class)
class IncidentPageClippingUiTest {

    /** The severity, the id, the status and every action on the page. */
    private static final List<String> MATTERS = List.of("severityChip", "idLabel", "statusLabel", "postmortemButton",
            "backButton", "addNoteButton", "impactButton", "statusButton", "severityButton", "hypothesisButton");

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private Stage stage;
    private Incident incident;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            incident = w.incidents().declare(new Declaration("Checkout 5xx spike after the 14:05 deploy of payments-api "
                    + "to eu-west-1 and us-east-2", "SEV1", "checkout", List.of("pn", "cullis-prod"), "maria", false,
                    null));
            for (int i = 0; i < 6; i++) {
                w.incidents().hypothesis(incident.id(), "Connection pool exhausted on replica " + i, 40 + i);
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
    void theHeaderAndEveryActionReadWhole(int width, int height, String theme, FxRobot robot) throws Exception {
        robot.interact(() -> {
            Clipping.useTheme(theme);
            stage.setWidth(width);
            stage.setHeight(height);
            console.shellModel.openIncident(incident.id());
        });
        waitUntil(() -> robot.lookup("#idLabel").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()
                .equals(incident.id().value())).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> problems = new AtomicReference<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            problems.set(Clipping.problems(stage.getScene(), stage.getScene().getRoot()));
        });
        console.snapshot("incident-" + width + "x" + height + "-" + theme);
        assertThat(problems.get()).as("cut on the incident page at %dx%d (%s)", width, height, theme)
                .noneMatch(p -> MATTERS.stream().anyMatch(id -> p.startsWith("#" + id + " ")));
    }
}
