package dev.sitrep.ui.killswitch;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;

/**
 * The red confirm bar: it fills while held (mouse or Space) and reports every frame; releasing
 * reports the release. A click or Enter never confirms: only the view-model's hold does.
 */
final class HoldBar extends StackPane {

    private final AnimationTimer frames;

    HoldBar(String id, ObservableStringValue text, ObservableDoubleValue progress, Runnable begin, Runnable tick,
            Runnable release) {
        setId(id);
        getStyleClass().add("hold-button");
        ProgressBar fill = new ProgressBar();
        fill.progressProperty().bind(progress);
        fill.setMaxWidth(Double.MAX_VALUE);
        fill.setPrefHeight(52);
        fill.getStyleClass().add("hold-fill");
        fill.setMouseTransparent(true);
        Label label = new Label();
        label.textProperty().bind(text);
        label.getStyleClass().add("hold-text");
        label.setMouseTransparent(true);
        getChildren().addAll(fill, label);
        setFocusTraversable(true);
        setPickOnBounds(true);
        frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick.run();
            }
        };
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            begin.run();
            frames.start();
        });
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            release.run();
            frames.stop();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && progress.get() == 0) {
                begin.run();
                frames.start();
            }
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                release.run();
                frames.stop();
            }
            e.consume();
        });
    }
}
