package dev.sitrep.ui.evidence;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import dev.sitrep.ui.common.Png;
import dev.sitrep.ui.common.ScreenGrabber;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A screenshot as evidence: choose the screen, optionally hide this window while it is taken,
 * then drag on the picture to keep only a region (or keep the whole screen). Kept as PNG,
 * exactly as captured.
 */
final class ScreenshotSheet extends VBox {

    private static final double PREVIEW_WIDTH = 680;
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH-mm-ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final EvidenceViewModel model;
    private final ScreenGrabber grabber;
    private final Clock clock;
    private final Runnable close;
    private final ComboBox<ScreenGrabber.ScreenArea> screen = new ComboBox<>();
    private final CheckBox hide = new CheckBox("Hide Sitrep while the picture is taken");
    private final Pane picture = new Pane();
    private final Rectangle selection = new Rectangle();
    private final Label hint = Controls.muted("");
    private final Button keep = new Button("Keep as evidence");
    private Image captured;
    private ScreenGrabber.ScreenArea capturedScreen;
    private double scale = 1;
    private double startX;
    private double startY;

    ScreenshotSheet(EvidenceViewModel model, ScreenGrabber grabber, Clock clock, Runnable close) {
        super(10);
        this.model = model;
        this.grabber = grabber;
        this.clock = clock;
        this.close = close;
        setId("screenshotSheet");
        getStyleClass().add("declare-sheet");
        setMaxWidth(PREVIEW_WIDTH + 40);
        setMaxHeight(USE_PREF_SIZE);
        Label title = new Label("Take a screenshot");
        title.getStyleClass().add(Styles.TITLE_4);
        screen.setId("screenChoice");
        screen.getItems().setAll(grabber.screens());
        screen.setConverter(Converters.showing(ScreenGrabber.ScreenArea::label));
        screen.getSelectionModel().selectFirst();
        hide.setSelected(true);
        Button take = new Button("Capture");
        take.setId("captureScreen");
        take.setDefaultButton(true);
        take.setOnAction(e -> capture());
        keep.setId("keepScreenshot");
        keep.getStyleClass().add(Styles.ACCENT);
        keep.setDisable(true);
        keep.setOnAction(e -> keep());
        Button cancel = new Button("Cancel (Esc)");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        selection.getStyleClass().add("screenshot-selection");
        selection.setVisible(false);
        picture.setId("screenshotPicture");
        picture.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        picture.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
        HBox choose = new HBox(10, screen, take, hide);
        choose.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(10, keep, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, choose, picture, hint, buttons);
    }

    private void capture() {
        ScreenGrabber.ScreenArea area = screen.getValue();
        if (area == null) {
            hint.setText("No screen to capture.");
            return;
        }
        Stage stage = getScene() != null && getScene().getWindow() instanceof Stage s ? s : null;
        if (hide.isSelected() && stage != null) {
            stage.setIconified(true);
            PauseTransition wait = new PauseTransition(Duration.millis(700)); // let the window manager hide it
            wait.setOnFinished(e -> {
                grab(area);
                stage.setIconified(false);
                stage.toFront();
            });
            wait.play();
        } else {
            grab(area);
        }
    }

    private void grab(ScreenGrabber.ScreenArea area) {
        captured = grabber.capture(area.bounds());
        capturedScreen = area;
        scale = Math.min(1, PREVIEW_WIDTH / captured.getWidth());
        ImageView view = new ImageView(captured);
        view.setFitWidth(captured.getWidth() * scale);
        view.setPreserveRatio(true);
        selection.setVisible(false);
        picture.getChildren().setAll(view, selection);
        picture.setPrefSize(captured.getWidth() * scale, captured.getHeight() * scale);
        picture.setMaxSize(captured.getWidth() * scale, captured.getHeight() * scale);
        hint.setText("Drag on the picture to keep only a region; otherwise the whole screen is kept.");
        keep.setDisable(false);
    }

    private void pressed(MouseEvent e) {
        startX = clamp(e.getX(), picture.getPrefWidth());
        startY = clamp(e.getY(), picture.getPrefHeight());
        selection.setVisible(false);
    }

    private void dragged(MouseEvent e) {
        if (captured == null) {
            return;
        }
        double x = clamp(e.getX(), picture.getPrefWidth());
        double y = clamp(e.getY(), picture.getPrefHeight());
        select(Math.min(startX, x), Math.min(startY, y), Math.abs(x - startX), Math.abs(y - startY));
    }

    /** Selects a region in preview coordinates (what a drag does; tests call it directly). */
    void select(double x, double y, double width, double height) {
        selection.setX(x);
        selection.setY(y);
        selection.setWidth(width);
        selection.setHeight(height);
        selection.setVisible(width >= 4 && height >= 4);
        hint.setText(selection.isVisible() ? "Region " + (int) region().getWidth() + "x" + (int) region().getHeight()
                + " px kept; drag again to change it." : "Drag on the picture to keep only a region.");
    }

    private Rectangle2D region() {
        if (!selection.isVisible()) {
            return new Rectangle2D(0, 0, captured.getWidth(), captured.getHeight());
        }
        double x = Math.floor(selection.getX() / scale);
        double y = Math.floor(selection.getY() / scale);
        double w = Math.min(captured.getWidth() - x, Math.ceil(selection.getWidth() / scale));
        double h = Math.min(captured.getHeight() - y, Math.ceil(selection.getHeight() / scale));
        return new Rectangle2D(x, y, w, h);
    }

    private void keep() {
        Rectangle2D r = region();
        Image kept = selection.isVisible() ? new WritableImage(captured.getPixelReader(), (int) r.getMinX(),
                (int) r.getMinY(), (int) r.getWidth(), (int) r.getHeight()) : captured;
        Png.Pixels pixels = Png.pixels(kept);
        String when = HMS.format(clock.instant());
        String source = capturedScreen.label() + (selection.isVisible() ? ", region " + (int) r.getWidth() + "x"
                + (int) r.getHeight() + " at " + (int) r.getMinX() + "," + (int) r.getMinY() : ", whole screen");
        model.addImage(EvidenceItem.Kind.SCREENSHOT, "screen " + capturedScreen.number() + " " + when + " UTC.png",
                () -> Png.encode(pixels), source);
        close.run();
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
