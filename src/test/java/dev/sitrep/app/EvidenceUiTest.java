package dev.sitrep.app;

import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.Declaration;
import dev.sitrep.ui.common.ClipboardReader;
import dev.sitrep.ui.common.FileDrop;
import dev.sitrep.ui.common.FilePicker;
import dev.sitrep.ui.common.OsPorts;
import dev.sitrep.ui.common.ScreenGrabber;
import dev.sitrep.ui.common.SystemViewer;
import dev.sitrep.ui.evidence.EvidenceFeature;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Evidence page with the operating system faked at its seams: a file dropped through the drop
 * interface is listed with its hash, a screenshot region is kept as PNG, pasted text is kept, and
 * the item's custody shows the capture and the preview.
 */
@ExtendWith(ApplicationExtension.class)
class EvidenceUiTest {

    @TempDir
    Path dir;
    @TempDir
    Path files;
    private ConsoleFixture console;
    private Incident incident;
    private final AtomicReference<Consumer<List<Path>>> dropped = new AtomicReference<>();
    private final List<String> clipboardText = new ArrayList<>();
    private final AtomicReference<Path> saveTo = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        FileDrop drop = (target, onFiles) -> dropped.set(onFiles);
        FilePicker picker = new FilePicker() {
            @Override
            public List<Path> files(javafx.stage.Window owner, String title) {
                return List.of();
            }

            @Override
            public Optional<Path> folder(javafx.stage.Window owner, String title) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> file(javafx.stage.Window owner, String title,
                                       List<javafx.stage.FileChooser.ExtensionFilter> filters) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> saveAs(javafx.stage.Window owner, String title, String suggested) {
                return Optional.ofNullable(saveTo.get());
            }
        };
        ScreenGrabber screens = new ScreenGrabber() {
            @Override
            public List<ScreenArea> screens() {
                return List.of(new ScreenArea(1, new Rectangle2D(0, 0, 400, 300)));
            }

            @Override
            public Image capture(Rectangle2D bounds) {
                WritableImage image = new WritableImage((int) bounds.getWidth(), (int) bounds.getHeight());
                PixelWriter w = image.getPixelWriter();
                for (int x = 0; x < image.getWidth(); x++) {
                    for (int y = 0; y < image.getHeight(); y++) {
                        w.setColor(x, y, x < 200 ? Color.DARKRED : Color.STEELBLUE);
                    }
                }
                return image;
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
                return clipboardText.isEmpty() ? Optional.empty() : Optional.of(clipboardText.get(0));
            }
        };
        console = new ConsoleFixture(stage, dir, Map.of(), ZoneId.of("Europe/Berlin"),
                w -> incident = w.incidents().declare(Declaration.titled("Checkout 5xx after deploy")), () -> { },
                new OsPorts(drop, picker, screens, clipboard, text -> { }, SystemViewer.system()));
    }

    @AfterEach
    void close() {
        console.close();
    }

    private EvidenceService evidence() {
        return console.workspace.evidence();
    }

    @SuppressWarnings("unchecked")
    private ListView<EvidenceItem> list(FxRobot robot) {
        return robot.lookup("#evidenceList").queryAs(ListView.class);
    }

    @Test
    void aDroppedFileIsListedWithItsHashAndItsCustodyShowsTheCaptureAndThePreview(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#evidencePage").tryQuery().isPresent() && dropped.get() != null);
        waitUntil(() -> console.feature(EvidenceFeature.class).model().incidentProperty().get() != null);
        assertThat(console.feature(EvidenceFeature.class).model().incidentProperty().get()).isEqualTo(incident.id());
        console.snapshot("evidence-empty");

        Path log = files.resolve("gateway-14h.txt");
        Files.writeString(log, "14:20:01 GET /checkout 502\n14:20:02 GET /checkout 502\n");
        WaitForAsyncUtils.asyncFx(() -> dropped.get().accept(List.of(log)));
        waitUntil(() -> list(robot).getItems().size() == 1);
        EvidenceItem item = list(robot).getItems().get(0);
        String sha = "sha256 " + item.sha256().substring(0, 16) + "…";
        assertThat(item.sha256()).isEqualTo(sha256(Files.readAllBytes(log)));
        waitUntil(() -> robot.lookup(".evidence-hash").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals(sha)));
        assertThat(robot.lookup("#evidenceMessage").queryAs(Label.class).getText()).startsWith("Added gateway-14h.txt");

        WaitForAsyncUtils.asyncFx(() -> list(robot).getSelectionModel().select(0));
        waitUntil(() -> shows(robot, "gateway-14h.txt"));
        waitUntil(() -> robot.lookup("#detailHash").tryQuery().isPresent()); // the detail is read in the background
        assertThat(robot.lookup("#detailHash").queryAs(TextField.class).getText()).isEqualTo(item.sha256());
        waitUntil(() -> robot.lookup("#previewText").tryQuery().isPresent());
        assertThat(robot.lookup("#previewText").queryAs(TextArea.class).getText()).contains("GET /checkout 502");
        waitUntil(() -> evidence().custody(item).size() == 2);
        assertThat(evidence().custody(item)).extracting(a -> a.action() + " " + a.reason())
                .containsExactly("CAPTURED gateway-14h.txt", "VIEWED previewed in Sitrep");
        waitUntil(() -> !robot.lookup(".custody-line").queryAll().isEmpty()); // the screen catches up with the store
        assertThat(robot.lookup(".custody-line").queryAll()).extracting(n -> ((Label) n).getText())
                .anyMatch(t -> t.contains("CAPTURED by maria"));
        console.snapshot("evidence-item");
    }

    @Test
    void aScreenshotRegionPastedTextAndANoteAreKeptAndFiltered(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> console.feature(EvidenceFeature.class).model().incidentProperty().get() != null);

        waitUntil(() -> robot.lookup("#evidenceIncident").queryComboBox().getValue() != null);
        robot.clickOn("#screenshot");
        waitUntil(() -> robot.lookup("#screenshotSheet").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.CheckBox) robot.lookup("#screenshotSheet .check-box")
                .query()).setSelected(false));
        robot.clickOn("#captureScreen");
        waitUntil(() -> !robot.lookup("#keepScreenshot").query().isDisabled());
        robot.drag("#screenshotPicture").dropBy(60, 40); // a region from the middle of the preview
        console.snapshot("evidence-screenshot");
        robot.clickOn("#keepScreenshot");
        waitUntil(() -> list(robot).getItems().size() == 1);
        EvidenceItem shot = list(robot).getItems().get(0);
        assertThat(shot.kind()).isEqualTo(EvidenceItem.Kind.SCREENSHOT);
        assertThat(shot.mediaType()).isEqualTo("image/png");
        assertThat(shot.source()).startsWith("Screen 1 (400x300, main), region ");
        byte[] png = Files.readAllBytes(evidence().blob(shot));
        Image decoded = new Image(new java.io.ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isBetween(50.0, 70.0);
        assertThat(decoded.getHeight()).isBetween(30.0, 50.0);

        clipboardText.add("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789\nGET / 200\n");
        robot.clickOn("#pasteEvidence");
        waitUntil(() -> list(robot).getItems().size() == 2);
        assertThat(robot.lookup("#evidenceMessage").queryAs(Label.class).getText()).contains("holds secrets");

        robot.clickOn("#addNote");
        robot.clickOn("#noteText").write("The deploy at 14:18 changed the pool size");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> list(robot).getItems().size() == 3);

        WaitForAsyncUtils.asyncFx(() -> console.feature(EvidenceFeature.class).model().kindFilterProperty().set(EvidenceItem.Kind.NOTE));
        waitUntil(() -> list(robot).getItems().size() == 1);
        assertThat(list(robot).getItems().get(0).name()).isEqualTo("The deploy at 14:18 changed the pool size");
        WaitForAsyncUtils.asyncFx(() -> console.feature(EvidenceFeature.class).model().kindFilterProperty().set(null));
        waitUntil(() -> list(robot).getItems().size() == 3);

        WaitForAsyncUtils.asyncFx(() -> list(robot).getSelectionModel().select(1));
        waitUntil(() -> shows(robot, list(robot).getItems().get(1).name()) && robot.lookup("#secretsFound").tryQuery()
                .isPresent());
        assertThat(robot.lookup("#evidenceIncident").queryComboBox().getValue()).as("still shows the incident")
                .extracting(i -> ((Incident) i).id()).isEqualTo(incident.id());
        console.snapshot("evidence-secrets");
        robot.clickOn("#redactedCopy");
        waitUntil(() -> list(robot).getItems().size() == 4);
        assertThat(Files.readString(evidence().blob(list(robot).getItems().get(3)))).doesNotContain("abcdefghijklmnop");

        WaitForAsyncUtils.asyncFx(() -> list(robot).getSelectionModel().select(0));
        waitUntil(() -> shows(robot, shot.name()));
        waitUntil(() -> robot.lookup("#addToTimeline").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.clickOn("#addToTimeline");
        robot.clickOn("#timelineCaption").write("Error page shown to shoppers");
        robot.clickOn("#sheetApply");
        waitUntil(() -> console.workspace.incidents().show(incident.id()).timeline().stream()
                .anyMatch(e -> e.type() == EventType.EVIDENCE && e.text().startsWith("Error page shown to shoppers")));
    }

    @Test
    void exportingABundleWithSecretsAsksFirstAndWritesTheRedactedCopyInstead(FxRobot robot) throws Exception {
        EvidenceItem leak = evidence().addText(incident.id(), EvidenceItem.Kind.TEXT, "env dump",
                "HOME=/root\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n", "clipboard", null, List.of());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitUntil(() -> list(robot).getItems().size() == 1);
        Path zip = files.resolve("bundle.zip");
        saveTo.set(zip);
        robot.clickOn("#exportBundle");
        waitUntil(() -> robot.lookup("#secretsSheet").tryQuery().isPresent());
        javafx.scene.Node sheet = robot.lookup("#secretsSheet").query();
        assertThat(inTheOverlay(sheet)).as("shown through the navigator's overlay, like every sheet").isTrue();
        waitUntil(() -> inTheOverlay(robot.listWindows().get(0).getScene().getFocusOwner()));
        assertThat(robot.lookup("#secretItems .label").queryAll()).extracting(n -> ((Label) n).getText())
                .containsExactly("env dump (" + leak.id().substring(0, 8) + ": AWS access key on line 2)");
        assertThat(zip).as("nothing is written before the choice").doesNotExist();
        console.snapshot("evidence-export-secrets");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#secretsSheet").tryQuery().isEmpty());
        assertThat(robot.lookup("#evidenceMessage").queryAs(Label.class).getText()).isEqualTo("Nothing was exported.");
        assertThat(zip).doesNotExist();

        robot.clickOn("#exportBundle");
        waitUntil(() -> robot.lookup("#secretsSheet").tryQuery().isPresent());
        robot.clickOn("#exportRedacted");
        waitUntil(() -> robot.lookup("#evidenceMessage").queryAs(Label.class).getText().startsWith("Exported 1 item to "));
        assertThat(robot.lookup("#secretsSheet").tryQuery()).isEmpty();
        assertThat(robot.lookup("#evidenceMessage").queryAs(Label.class).getText())
                .contains("redacted copies in place of env dump");
        assertThat(console.workspace.bundles().verify(zip).intact()).isTrue();
        try (java.util.zip.ZipFile bundle = new java.util.zip.ZipFile(zip.toFile())) {
            assertThat(bundle.getEntry("items/" + leak.sha256())).as("the original stays in Sitrep").isNull();
        }
        waitUntil(() -> list(robot).getItems().size() == 2);
        assertThat(list(robot).getItems().get(1).name()).isEqualTo("env dump (redacted)");
    }

    private static boolean inTheOverlay(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof atlantafx.base.controls.ModalPane) {
                return true;
            }
        }
        return false;
    }

    /** The detail pane shows the item named {@code name} (it is rebuilt when the choice changes). */
    private static boolean shows(FxRobot robot, String name) {
        return robot.lookup("#detailName").tryQuery().map(n -> ((Label) n).getText().equals(name)).orElse(false);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
