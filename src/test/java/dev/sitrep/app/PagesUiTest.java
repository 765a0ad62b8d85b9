package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.Page;
import dev.sitrep.ui.declare.DeclareFeature;
import dev.sitrep.ui.evidence.EvidenceFeature;
import dev.sitrep.ui.killswitch.HaltFeature;
import dev.sitrep.ui.postmortem.PostmortemFeature;
import dev.sitrep.ui.settings.SettingsFeature;
import dev.sitrep.ui.triage.TriageFeature;
import javafx.scene.control.TextField;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The console's pages are built when first shown, and the navigator's moves reach them. */
@ExtendWith(ApplicationExtension.class)
class PagesUiTest {

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
    void onlyTheBoardIsBuiltAtStartUpAndAPageIsBuiltOnceWhenFirstShown(FxRobot robot) throws Exception {
        Desktop desktop = console.desktop;
        assertThat(desktop.built(BoardFeature.class)).isPresent();
        assertThat(List.of(PostmortemFeature.class, TriageFeature.class, EvidenceFeature.class, SettingsFeature.class,
                DeclareFeature.class, HaltFeature.class)).allSatisfy(type -> assertThat(desktop.built(type)).isEmpty());
        assertThat(robot.lookup("#postmortemPage").tryQuery()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#postmortemPage").tryQuery().isPresent());
        PostmortemFeature postmortems = desktop.built(PostmortemFeature.class).orElseThrow();
        assertThat(postmortems.model()).isNotNull();
        assertThat(desktop.built(TriageFeature.class)).as("not shown, not built").isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#postmortemPage").tryQuery().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#postmortemPage").tryQuery().isPresent());
        assertThat(desktop.built(PostmortemFeature.class)).containsSame(postmortems);
    }

    @Test
    void aDeclareFromTheNavigatorTellsItsCallerTheDeclaredIncidentOnce(FxRobot robot) throws Exception {
        List<IncidentId> heard = new CopyOnWriteArrayList<>();
        robot.interact(() -> console.desktop.navigator().declare(new Navigator.Prefill("Checkout 5xx spike", "SEV2"),
                heard::add));
        waitUntil(() -> robot.lookup("#declareTitle").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#declareTitle").queryAs(TextField.class).getText()).isEqualTo("Checkout 5xx spike");
        robot.clickOn("#declareTitle").type(KeyCode.ENTER);
        waitUntil(() -> heard.size() == 1);
        waitUntil(() -> console.feature(BoardFeature.class).model().rows().size() == 1);
        Incident declared = console.feature(BoardFeature.class).model().rows().get(0);
        assertThat(heard).containsExactly(declared.id());
        assertThat(declared.severity()).isEqualTo("SEV2");
        assertThat(console.shellModel.openIncidentProperty().get()).isEqualTo(declared.id());
        assertThat(console.shellModel.pageProperty().get()).isEqualTo(Page.INCIDENT);

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#declareTitle").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#declareTitle").write("Search latency").type(KeyCode.ENTER);
        waitUntil(() -> console.feature(BoardFeature.class).model().rows().size() == 2);
        waitUntil(() -> !console.shellModel.openIncidentProperty().get().equals(declared.id()));
        assertThat(heard).as("a plain declare replaced the caller's callback").containsExactly(declared.id());
    }
}
