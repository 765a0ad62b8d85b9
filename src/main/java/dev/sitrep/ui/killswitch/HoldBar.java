package dev.sitrep.ui.killswitch;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The red confirm bar: it fills while held (mouse or Space) and reports every frame; releasing
 * reports the release. A click or Enter never confirms: only the view-model's hold does, and the
 * bar answers them with "Hold, don't click" for {@link #HINT_SHOWN}. It looks ready (red, "Hold
 * Space or the mouse for 1.5 s to halt", class {@code hold-ready}) only when the hold would act;
 * otherwise it is grey and says what is missing (class {@code hold-not-ready}).
 */
final class HoldBar extends StackPane {

    static final Duration HINT_SHOWN = Duration.seconds(4);

    private final Holdable model;
    private final AnimationTimer frames;
    private final StringProperty hint = new SimpleStringProperty("");
    private final PauseTransition hintShown = new PauseTransition(HINT_SHOWN);
    private boolean filled;

    HoldBar(String id, Holdable model) {
        this.model = model;
        setId(id);
        getStyleClass().add("hold-button");
        ProgressBar fill = new ProgressBar();
        fill.progressProperty().bind(model.holdProgressProperty());
        fill.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        fill.setPrefHeight(52);
        fill.getStyleClass().add("hold-fill");
        fill.setMouseTransparent(true);
        Label label = new Label();
        label.textProperty().bind(Bindings.when(hint.isEmpty()).then(model.holdLabelProperty()).otherwise(hint));
        label.getStyleClass().add("hold-text");
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setPadding(new Insets(6, 12, 6, 12));
        label.setMouseTransparent(true);
        getChildren().addAll(fill, label);
        setFocusTraversable(true);
        setPickOnBounds(true);
        model.holdProgressProperty().addListener((obs, was, now) -> filled |= now.doubleValue() >= 1);
        showReady(model.holdReadyProperty().get());
        model.holdReadyProperty().addListener((obs, was, now) -> showReady(now));
        hintShown.setOnFinished(e -> {
            hint.set("");
            getStyleClass().remove("hold-hint");
        });
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.holding();
            }
        };
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            e.consume(); // the press is the hold's: a scroll pane around the dialog would take the keyboard from it
            begin();
        });
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> end());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && model.holdProgressProperty().get() == 0) {
                begin();
            } else if (e.getCode() == KeyCode.ENTER) {
                showHint();
            }
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                end();
            }
            e.consume();
        });
    }

    private void begin() {
        filled = false;
        model.beginHold();
        frames.start();
    }

    /** Released: a hold that did not fill was a click (or a tap of Space), and is told how it works. */
    private void end() {
        model.release();
        frames.stop();
        if (!filled) {
            showHint();
        }
    }

    private void showHint() {
        hint.set(model.clickHint());
        if (!getStyleClass().contains("hold-hint")) {
            getStyleClass().add("hold-hint");
        }
        hintShown.playFromStart();
    }

    private void showReady(boolean ready) {
        getStyleClass().removeAll("hold-ready", "hold-not-ready");
        getStyleClass().add(ready ? "hold-ready" : "hold-not-ready");
    }
}
