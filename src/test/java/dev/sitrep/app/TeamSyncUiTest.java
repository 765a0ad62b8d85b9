package dev.sitrep.app;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.Declaration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The status bar says what waits for a team platform that cannot be reached, and since when. */
@ExtendWith(ApplicationExtension.class)
class TeamSyncUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> w.profiles().add(new PlatformProfile("team",
                PlatformKind.SITREP, "http://127.0.0.1:9", null, null, PlatformProfile.Environment.PRODUCTION, null,
                List.of(), Duration.ofSeconds(30))));
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void anOfflineTeamPlatformShowsWhatWaits(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#syncState").queryAs(Label.class).getText().equals("team: in sync"));
        robot.interact(() -> console.workspace.incidents().declare(Declaration.titled("Checkout 5xx")));
        waitUntil(() -> robot.lookup("#syncState").queryAs(Label.class).getText()
                .matches("team: 2 changes waiting since \\d\\d:\\d\\d UTC"));
        console.snapshot("team-sync-waiting");
    }
}
