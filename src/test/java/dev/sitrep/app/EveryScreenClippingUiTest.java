package dev.sitrep.app;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.Escalation;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.incident.DemoWorkspace;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.testing.Clipping;
import dev.sitrep.ui.common.OsPorts;
import dev.sitrep.ui.common.Page;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard over every screen: the drill workspace's window (DRILL banner, a halted platform, an
 * escalation, the demo incidents) opened on every page, the incident page's tabs and every sheet,
 * at each supported window size in both themes. Nothing a commander reads or presses (ids,
 * clocks, severities, banners, buttons, table cells) may be cut with an ellipsis or lie outside
 * the window.
 */
@ExtendWith(ApplicationExtension.class)
class EveryScreenClippingUiTest {

    private static final String PLATFORM = DrillWorkspace.PLATFORM;
    private static final String CULLIS = "cullis-prod";

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private Stage stage;
    private List<Incident> demo;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new ConsoleFixture(stage, dir, Map.of(), ZoneId.of("Europe/Berlin"), w -> {
            w.profiles().replace(profile(PLATFORM, PlatformKind.POWERNODE));
            w.profiles().replace(profile(CULLIS, PlatformKind.CULLIS)); // before the mark: a drill refuses real platforms
            w.settings().markDrill(w.operator());
            demo = DemoWorkspace.load(w.incidents(), Clock.systemUTC(), PLATFORM);
            w.platformStates().confirmed(new KillSwitchState(PLATFORM, true, Instant.now().minusSeconds(300),
                    "Drill Commander", "agents looping on refunds; halting while we find which one", Instant.now()));
        }, () -> { }, OsPorts.system(), true);
    }

    @AfterEach
    void close() {
        console.close();
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1280, 800, dark", "1280, 800, light", "1600, 1000, dark", "1600, 1000, light", "1920, 1080, dark",
            "1920, 1080, light"})
    void nothingACommanderReadsOrPressesIsCutOnAnyScreen(int width, int height, String theme, FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            Clipping.useTheme(theme);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        String size = width + "x" + height + "-" + theme;
        List<String> problems = new ArrayList<>();
        var navigator = console.desktop.navigator();
        for (Page page : Page.values()) {
            if (page.inSidebar()) {
                robot.interact(() -> navigator.show(page));
                problems.addAll(check(robot, page.name().toLowerCase() + "-" + size));
            }
        }
        robot.interact(() -> navigator.openIncident(demo.get(0).id()));
        waitUntil(() -> robot.lookup("#incidentView").tryQuery().isPresent());
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        for (int t = 0; t < tabs.getTabs().size(); t++) {
            int index = t;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            problems.addAll(check(robot, "incident-" + tabs.getTabs().get(index).getText().toLowerCase() + "-" + size));
        }
        robot.interact(() -> navigator.postUpdate(demo.get(0).id()));
        problems.addAll(check(robot, "post-update-" + size));
        robot.interact(navigator::hideOverlay);
        robot.interact(() -> navigator.declare());
        problems.addAll(check(robot, "declare-" + size));
        robot.interact(navigator::hideOverlay);
        robot.interact(navigator::killSwitch);
        problems.addAll(check(robot, "halt-" + size));
        robot.interact(navigator::hideOverlay);
        robot.interact(() -> navigator.show(Page.KILL_SWITCH));
        waitUntil(() -> robot.lookup("#resume-" + PLATFORM).tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#resume-" + PLATFORM).queryButton().fire());
        problems.addAll(check(robot, "resume-" + size));
        robot.interact(navigator::hideOverlay);
        waitUntil(() -> robot.lookup("#containAction").query().isVisible());
        robot.interact(() -> robot.lookup("#containAction").queryButton().fire());
        problems.addAll(check(robot, "contain-" + size));
        robot.interact(navigator::hideOverlay);
        assertThat(problems).as("cut or outside the window at %dx%d (%s)", width, height, theme).isEmpty();
    }

    /** Raises the escalation, lays the window out, and lists what is cut (each prefixed with the screen's name). */
    private List<String> check(FxRobot robot, String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> found = new AtomicReference<>();
        robot.interact(() -> {
            console.shellModel.setPlatforms(List.of(profile(PLATFORM, PlatformKind.POWERNODE),
                    profile(CULLIS, PlatformKind.CULLIS)), Map.of(
                    PLATFORM, console.workspace.platformStates().get(PLATFORM),
                    CULLIS, PlatformStatus.unknown(CULLIS).withEscalation(new Escalation(Escalation.Level.KILL_SWITCH,
                            "3 of the last 5 health checks failed (connection refused, then 503 Service Unavailable)",
                            Instant.now().minusSeconds(120)))), Map.of(PLATFORM, console.workspace.operator()),
                    List.of(TEAM_HALT));
            javafx.scene.Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            javafx.scene.Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            found.set(Clipping.problems(stage.getScene(), root).stream().map(p -> screen + ": " + p).toList());
        });
        console.snapshot("screen-" + screen);
        return found.get();
    }

    /** A platform another console of the team halted through Sitrep, which this one does not connect to. */
    private static final AuditEntry TEAM_HALT = new AuditEntry(0, "a1", Instant.now().minusSeconds(300), AuditEntry.ACTIVATED,
            "so-payments", "maria", "refund agents retrying every declined card in a loop", null, null, null, null,
            "c".repeat(64));

    private static PlatformProfile profile(String name, PlatformKind kind) {
        return new PlatformProfile(name, kind, "http://127.0.0.1:9", null, "ops@example.com",
                PlatformProfile.Environment.DEVELOPMENT, null, List.of(), Duration.ofSeconds(15));
    }
}
