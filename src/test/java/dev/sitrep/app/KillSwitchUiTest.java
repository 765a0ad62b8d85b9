package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.testing.FaultyPlatform;
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
    private FaultyPlatform platform;
    private SandboxServer sandbox;
    private ConsoleFixture console;
    private Services workspace;

    @Start
    void start(Stage stage) throws Exception {
        platform = FaultyPlatform.start();
        sandbox = platform.sandbox();
        console = new ConsoleFixture(stage, dir, Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD,
                "SITREP_SECRET_PN_PROD", SandboxServer.PASSWORD), w -> {
                    w.profiles().add(platform.profile("pn"));
                    w.incidents().declare(new dev.sitrep.incident.Declaration("Refund agents looping on order retries",
                            "SEV1", "payments", List.of("pn"), null, false, null));
                    w.incidents().declare(new dev.sitrep.incident.Declaration("Checkout latency above 2 s in EU",
                            "SEV2", "checkout", List.of(), "lee", false, null));
                });
        workspace = console.workspace;
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        platform.close();
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

    /** The label that names the field with this id (its labelFor). */
    private static java.util.function.Predicate<javafx.scene.Node> labelFor(String id) {
        return n -> n instanceof Label l && l.getLabelFor() != null && id.equals(l.getLabelFor().getId());
    }

    private String holdText(FxRobot robot) {
        return robot.lookup("#holdButton .hold-text").queryAs(Label.class).getText();
    }

    @Test
    void oneClickOnTheConfirmDoesNotHaltAndSaysToHold(FxRobot robot) throws Exception {
        openAndPrepare(robot);
        robot.clickOn("#holdButton");
        assertThat(holdText(robot)).isEqualTo("Hold, don't click: keep it pressed for 1.5 s");
        assertThat(robot.lookup("#holdButton").query().getStyleClass()).contains("hold-hint");
        console.snapshot("kill-switch-click-hint");
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        assertThat(sandbox.halted()).isFalse();
        waitUntil(() -> holdText(robot).equals("Hold Space or the mouse for 1.5 s to halt"));
        assertThat(robot.lookup("#holdButton").query().isFocused()).as("the click leaves the keyboard on the bar").isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(holdText(robot)).as("Enter is told the same").isEqualTo("Hold, don't click: keep it pressed for 1.5 s");
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        assertThat(sandbox.halted()).isFalse();
    }

    @Test
    void theHoldBarSaysWhatIsMissingUntilItIsReady(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#choice-pn").tryQuery().isPresent());
        assertThat(holdText(robot)).isEqualTo("Needs: a platform chosen, a reason (200 characters at most)");
        assertThat(robot.lookup("#holdButton").query().getStyleClass()).contains("hold-not-ready")
                .doesNotContain("hold-ready");
        robot.clickOn("#choice-pn");
        assertThat(holdText(robot)).isEqualTo("Needs: a reason (200 characters at most)");
        console.snapshot("kill-switch-not-ready");
        Label reasonLabel = robot.lookup(labelFor("killSwitchReason")).queryAs(Label.class);
        robot.clickOn("#killSwitchReason").write("agents sending duplicate refunds");
        assertThat(reasonLabel.isVisible()).as("the reason's label stays once typed").isTrue();
        assertThat(holdText(robot)).isEqualTo("Hold Space or the mouse for 1.5 s to halt");
        assertThat(robot.lookup("#holdButton").query().getStyleClass()).contains("hold-ready")
                .doesNotContain("hold-not-ready");
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
                .contains("by Drill Commander (platform account) · via Sitrep by maria: agents sending duplicate refunds");
        console.snapshot("kill-switch-halted");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup(".card-badge").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("HALTED pn") && l.getScene() != null));
        console.snapshot("board-halted");
    }

    /** Issue 17: the drill's resume went through, its answer was a 500, and the sheet said "still halted". */
    @Test
    void aResumeCarriedOutThenAnswered500SaysResumedOnTheSheetTheTimelineAndTheAudit(FxRobot robot) throws Exception {
        workspace.killSwitch().halt("pn", "agents sending duplicate refunds", null);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#resume-pn").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#resume-pn");
        waitUntil(() -> robot.lookup("#resumeNeeds").tryQuery().map(n -> n.isVisible()).orElse(false));
        Label needs = robot.lookup("#resumeNeeds").queryAs(Label.class);
        assertThat(needs.getText()).isEqualTo("Needs: the root cause identified, the fix verified, the review done, an "
                + "approver named, a remediation summary.");
        assertThat(robot.lookup("#resumeButton").query().isDisabled()).isTrue();
        robot.clickOn("Root cause identified").clickOn("Fix verified (in staging where there is one)")
                .clickOn("Post-incident review done");
        robot.clickOn("#resumeSummary").write("retry key added");
        assertThat(needs.getText()).isEqualTo("Needs: an approver named.");
        robot.clickOn("#resumeApprover").write("sam");
        assertThat(needs.isVisible()).isFalse();
        for (String field : List.of("resumeSummary", "resumeApprover")) {
            assertThat(robot.lookup(labelFor(field)).queryAs(Label.class).isVisible())
                    .as("a label above " + field + " that stays once typed").isTrue();
        }

        platform.next("resume", FaultyPlatform.Fault.CARRIED_OUT_THEN_500);
        robot.clickOn("#resumeButton");
        waitUntil(() -> !sandbox.halted() && robot.lookup("#resumeSheet .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("pn: RESUMED")));
        assertThat(robot.lookup("#resumeSheet .label").queryAllAs(Label.class).stream().map(Label::getText))
                .anyMatch(t -> t.startsWith("pn: RESUMED (confirmed by read-back after: pn answered HTTP 500"))
                .noneMatch(t -> t.contains("still halted"));
        assertThat(robot.lookup("#resumeButton").query().isDisabled()).as("sent once: not again from this sheet").isTrue();
        var incident = workspace.incidents().list(true).stream().filter(i -> i.platforms().contains("pn")).findFirst()
                .orElseThrow();
        assertThat(workspace.incidents().show(incident.id()).timeline()).extracting(e -> e.text())
                .filteredOn(t -> t.startsWith("Kill switch")).hasSize(2).last().asString()
                .startsWith("Kill switch RESUMED on pn (full; confirmed by read-back after: pn answered HTTP 500");
        assertThat(workspace.audit().all()).extracting(e -> e.action()).containsExactly("ACTIVATED", "RESET");
        console.snapshot("resume-confirmed-by-read-back");
    }

    @Test
    void anEscalationShowsTheBannerWhoseButtonArmsTheDialogForThatPlatform(FxRobot robot) throws Exception {
        sandbox.setHealth("unhealthy");
        workspace.profiles().add(new PlatformProfile("pn-prod", PlatformKind.POWERNODE, platform.url(), null,
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
