package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.ui.killswitch.HaltFeature;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The kill switch as a commander uses it: no single act halts; the full sequence does, and says so. */
@ExtendWith(ApplicationExtension.class)
class KillSwitchUiTest {

    @TempDir
    Path dir;
    private SandboxServer sandbox;
    private ConsoleFixture console;
    private Services workspace;

    @Start
    void start(Stage stage) throws Exception {
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        console = new ConsoleFixture(stage, dir, Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD,
                "SITREP_SECRET_PN_PROD", SandboxServer.PASSWORD), w -> {
                    w.profiles().add(new PlatformProfile("pn", PlatformKind.POWERNODE, sandbox.url().toString(), null,
                            SandboxServer.EMAIL, PlatformProfile.Environment.DEVELOPMENT, null, List.of(),
                            Duration.ofSeconds(30)));
                    w.incidents().declare(new dev.sitrep.incident.Declaration("Refund agents looping on order retries",
                            "SEV1", "payments", List.of("pn"), null, false, null));
                    w.incidents().declare(new dev.sitrep.incident.Declaration("Checkout latency above 2 s in EU",
                            "SEV2", "checkout", List.of(), "lee", false, null));
                });
        workspace = console.workspace;
    }

    @AfterEach
    void close() {
        console.close();
        sandbox.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        ConsoleFixture.waitUntil(condition);
    }

    private void openAndPrepare(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#choice-pn").tryQuery().isPresent());
        robot.clickOn("#choice-pn");
        robot.clickOn("#killSwitchReason").write("agents sending duplicate refunds");
    }

    @Test
    void oneClickOnTheConfirmDoesNotHalt(FxRobot robot) throws Exception {
        openAndPrepare(robot);
        robot.clickOn("#holdButton");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        assertThat(sandbox.halted()).isFalse();
        assertThat(workspace.killSwitch()).isNotNull();
    }

    @Test
    void releasingTheHoldAtHalfTimeDoesNotHalt(FxRobot robot) throws Exception {
        openAndPrepare(robot);
        robot.moveTo("#holdButton").press(MouseButton.PRIMARY);
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        assertThat(sandbox.halted()).isFalse();
        assertThat(console.feature(HaltFeature.class).model().holdProgressProperty().get()).isZero();
    }

    @Test
    void theFullSequenceHaltsAndTheBannerAppears(FxRobot robot) throws Exception {
        openAndPrepare(robot);
        robot.moveTo("#holdButton").press(MouseButton.PRIMARY);
        WaitForAsyncUtils.sleep(2200, TimeUnit.MILLISECONDS);
        robot.release(MouseButton.PRIMARY);
        waitUntil(sandbox::halted);
        waitUntil(() -> robot.lookup("#haltBanner").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#haltBanner").queryAs(Label.class).getText()).startsWith("HALTED: pn")
                .contains("agents sending duplicate refunds");
        console.snapshot("kill-switch-halted");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup(".card-badge").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("HALTED pn") && l.getScene() != null));
        console.snapshot("board-halted");
    }

    @Test
    void anEscalationShowsTheBannerWhoseButtonArmsTheDialogForThatPlatform(FxRobot robot) throws Exception {
        sandbox.setHealth("unhealthy");
        workspace.profiles().add(new PlatformProfile("pn-prod", PlatformKind.POWERNODE, sandbox.url().toString(), null,
                SandboxServer.EMAIL, PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30)));
        waitUntil(() -> robot.lookup("#escalationBanner").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#escalationText").queryAs(Label.class).getText())
                .startsWith("ESCALATION: pn-prod since").contains("1 failed health check in a row on production");
        console.snapshot("escalation-banner");

        robot.clickOn("#escalationKillSwitch");
        waitUntil(() -> robot.lookup("#choice-pn-prod").tryQuery().isPresent());
        assertThat(robot.lookup("#choice-pn-prod").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#choice-pn").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isFalse();
        assertThat(sandbox.halted()).as("the banner only proposes").isFalse();

        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#escalationDismiss");
        waitUntil(() -> !robot.lookup("#escalationBanner").query().isVisible());
    }

    @Test
    void afterAResumeTheBoardAndTheIncidentPageShowTheWatch(FxRobot robot) throws Exception {
        var incident = workspace.incidents().declare(new dev.sitrep.incident.Declaration("Agents sending duplicate refunds",
                "SEV1", "payments", List.of("pn"), null, false, null));
        workspace.platformStates().resumed(new dev.sitrep.platform.KillSwitchState("pn", false, null, null, null,
                Clock.systemUTC().instant()), null);
        java.util.function.Predicate<Label> row = l -> incident.title().equals(l.getText()) && l.getScene() != null
                && l.isVisible();
        waitUntil(() -> robot.lookup(".card-title").match(row).tryQuery().isPresent());
        waitUntil(() -> robot.lookup(".card-badge").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("resume watch until")));
        console.snapshot("board-resume-watch");
        robot.interact(() -> console.shellModel.openIncident(incident.id()));
        waitUntil(() -> robot.lookup("#resumeWatchLabel").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#resumeWatchLabel").queryAs(Label.class).getText())
                .startsWith("Resume watch: pn resumed").contains("(30 min left)");
        console.snapshot("resume-watch");
    }
}
