package dev.sitrep.ui.common;

import atlantafx.base.theme.Styles;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;

/** The small controls every form here is built from, made one way. */
public final class Controls {

    private Controls() {
    }

    /** Secondary text that wraps: help, definitions, results. */
    public static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** A short form label that keeps its full width beside its field. */
    public static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    /** A text field bound both ways to {@code property}, with a prompt. */
    public static TextField field(String prompt, StringProperty property) {
        TextField f = new TextField();
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
