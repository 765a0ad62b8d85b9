package dev.sitrep.app;

import atlantafx.base.controls.ModalPane;
import dev.sitrep.core.Incident;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.ui.common.ClipboardReader;
import dev.sitrep.ui.common.FilePicker;
import dev.sitrep.ui.common.FileDrop;
import dev.sitrep.ui.common.OsPorts;
import dev.sitrep.ui.common.Page;
import dev.sitrep.ui.common.ScreenGrabber;
import dev.sitrep.ui.common.SystemViewer;
import dev.sitrep.ui.shell.ShellView;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The focus guard over every sheet and dialog the console shows: opened the way a commander opens
 * it, it has the keyboard (focus is inside it), and every page key pressed while it is open
 * changes nothing behind it: the page stays, the card behind is not acknowledged, no other sheet
 * opens. (The severity, status and role sheets and the evidence note sheet have their own tests
 * in {@link FocusUiTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class EverySheetFocusUiTest {

    private static final String PLATFORM = "pn-production";
    private static final String CULLIS = "cullis-prod";
    /** Every key a page acts on, the page switches, Tab and the arrows; never Enter or Esc (they act on the sheet itself). */
    private static final List<List<KeyCode>> PAGE_KEYS = List.of(List.of(KeyCode.A), List.of(KeyCode.U),
            List.of(KeyCode.V), List.of(KeyCode.S), List.of(KeyCode.R), List.of(KeyCode.DIGIT1), List.of(KeyCode.N),
            List.of(KeyCode.BACK_SPACE), List.of(KeyCode.DOWN), List.of(KeyCode.RIGHT), List.of(KeyCode.TAB),
            List.of(KeyCode.SHIFT, KeyCode.TAB), List.of(KeyCode.SHIFT, KeyCode.F10),
            List.of(KeyCode.CONTROL, KeyCode.DIGIT2), List.of(KeyCode.CONTROL, KeyCode.N),
            List.of(KeyCode.CONTROL, KeyCode.L));

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private Incident card;
    private Path runbook;

    @Start
    void start(Stage stage) throws Exception {
        runbook = Files.createTempFile("sitrep-runbook", ".md");
        Files.copy(EverySheetFocusUiTest.class.getResourceAsStream("/import/ops-wiki-tree.md"), runbook,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FilePicker picker = new FilePicker() {
            @Override
            public List<Path> files(Window owner, String title) {
                return List.of();
            }

            @Override
            public Optional<Path> folder(Window owner, String title) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> file(Window owner, String title, List<javafx.stage.FileChooser.ExtensionFilter> f) {
                return Optional.of(runbook);
            }

            @Override
            public Optional<Path> saveAs(Window owner, String title, String suggested) {
                return Optional.empty();
            }
        };
        ScreenGrabber screens = new ScreenGrabber() {
            @Override
            public List<ScreenArea> screens() {
                return List.of(new ScreenArea(1, new Rectangle2D(0, 0, 400, 300)));
            }

            @Override
            public Image capture(Rectangle2D bounds) {
                return new WritableImage((int) bounds.getWidth(), (int) bounds.getHeight());
            }
        };
        ClipboardReader clipboard = new ClipboardReader() {
            @Override
            public List<Path> files() {
                return List.of();
            }

            @Override
            public Optional<Image> image() {
                return Optional.empty();
            }

            @Override
            public Optional<String> text() {
                return Optional.empty();
            }
        };
        console = new ConsoleFixture(stage, dir, Map.of(), java.time.ZoneId.of("Europe/Berlin"), w -> {
            w.profiles().replace(profile(PLATFORM, PlatformKind.POWERNODE));
            w.profiles().replace(profile(CULLIS, PlatformKind.CULLIS));
            w.platformStates().confirmed(new KillSwitchState(PLATFORM, true, Instant.now(), "maria", "agents looping",
                    Instant.now()));
            card = w.incidents().declare(new Declaration("Checkout 5xx spike", "SEV2", "checkout", List.of(PLATFORM),
                    null, false, null));
        }, () -> { }, new OsPorts(FileDrop.system(), picker, screens, clipboard, text -> { }, SystemViewer.system()));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        Files.deleteIfExists(runbook);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"declare", "post update", "halt", "resume", "contain", "runbook import", "postmortem history",
            "evidence command output", "evidence endpoint", "evidence screenshot", "shortcuts"})
    void theSheetOwnsTheKeyboardAndNoPageKeyReachesWhatIsBehind(String sheet, FxRobot robot) throws Exception {
        var navigator = console.desktop.navigator();
        Page behind = switch (sheet) {
            case "resume", "contain" -> Page.KILL_SWITCH;
            case "runbook import" -> Page.TRIAGE;
            case "postmortem history" -> Page.POSTMORTEMS;
            case "evidence command output", "evidence endpoint", "evidence screenshot" -> Page.EVIDENCE;
            default -> Page.BOARD;
        };
        robot.interact(() -> navigator.show(behind));
        if (behind == Page.BOARD) {
            waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().isPresent() && sev2(robot).getItems().size() == 1);
            robot.interact(() -> {
                sev2(robot).requestFocus();
                sev2(robot).getSelectionModel().select(0);
            });
        }
        open(sheet, robot);
        waitUntil(() -> shell(robot).overlayShown());
        waitUntil(() -> insideTheSheet(focusOwner(robot)));
        Node shown = sheetShown(robot);

        for (List<KeyCode> keys : PAGE_KEYS) {
            robot.push(keys.toArray(KeyCode[]::new));
        }
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // an acknowledgement or a page switch would have landed by now

        assertThat(shell(robot).overlayShown()).as(sheet + ": still open").isTrue();
        assertThat(sheetShown(robot)).as(sheet + ": the same sheet, no other opened over it").isSameAs(shown);
        assertThat(navigator.pageProperty().get()).as(sheet + ": the page behind stays").isEqualTo(behind);
        assertThat(console.workspace.incidents().show(card.id()).incident().milestones().at(Milestone.ACKNOWLEDGED))
                .as(sheet + ": A did not acknowledge the card behind").isEmpty();
        assertThat(insideTheSheet(focusOwner(robot))).as(sheet + ": the keyboard is still in the sheet").isTrue();
        assertThat(robot.listWindows().stream().filter(Window::isShowing).count())
                .as(sheet + ": no menu opened behind it").isEqualTo(1);

        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> !shell(robot).overlayShown());
    }

    private void open(String sheet, FxRobot robot) throws Exception {
        var navigator = console.desktop.navigator();
        switch (sheet) {
            case "declare" -> fire(robot, "#declareAction");
            case "post update" -> robot.interact(() -> navigator.postUpdate(card.id()));
            case "halt" -> fire(robot, "#killSwitchAction");
            case "resume" -> fire(robot, "#resume-" + PLATFORM);
            case "contain" -> fire(robot, "#containAction");
            case "runbook import" -> fire(robot, "#triageImport");
            case "postmortem history" -> fire(robot, "#pmHistory");
            case "evidence command output" -> fire(robot, "#addCommand");
            case "evidence endpoint" -> fire(robot, "#addSnapshot");
            case "evidence screenshot" -> fire(robot, "#screenshot");
            case "shortcuts" -> fire(robot, "#helpAction");
            default -> throw new IllegalArgumentException(sheet);
        }
    }

    private static void fire(FxRobot robot, String query) throws Exception {
        waitUntil(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.interact(() -> robot.lookup(query).queryAs(Button.class).fire());
    }

    private static ShellView shell(FxRobot robot) {
        return (ShellView) robot.listWindows().get(0).getScene().getRoot();
    }

    /** The sheet showing: the one child of the overlay's content. */
    private static Node sheetShown(FxRobot robot) {
        ModalPane overlay = robot.lookup(n -> n instanceof ModalPane).query();
        return overlay.getContent();
    }

    private static boolean insideTheSheet(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ModalPane) {
                return true;
            }
        }
        return false;
    }

    private static Node focusOwner(FxRobot robot) {
        AtomicReference<Node> owner = new AtomicReference<>();
        robot.interact(() -> owner.set(robot.listWindows().get(0).getScene().getFocusOwner()));
        return owner.get();
    }

    @SuppressWarnings("unchecked")
    private static ListView<Incident> sev2(FxRobot robot) {
        return robot.lookup("#lane-SEV2").queryAs(ListView.class);
    }

    private static PlatformProfile profile(String name, PlatformKind kind) {
        return new PlatformProfile(name, kind, "http://127.0.0.1:9", null, "ops@example.com",
                PlatformProfile.Environment.DEVELOPMENT, null, List.of(), Duration.ofSeconds(15));
    }
}
