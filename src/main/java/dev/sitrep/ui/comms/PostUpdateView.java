package dev.sitrep.ui.comms;

import atlantafx.base.theme.Styles;
import dev.sitrep.comms.UpdateTemplate;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.SeverityStyle;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;

/**
 * The Post update sheet shown over the window. Alt+1..3 chooses the template, Ctrl+Shift+C copies,
 * Ctrl+Enter marks the update sent (the sheet says so and closes), Esc closes.
 */
public final class PostUpdateView extends VBox {

    /** How long the "recorded" confirmation stays before the sheet closes (unless it was reopened meanwhile). */
    static final Duration CLOSE_AFTER_SENT = Duration.millis(1200);
    private static final KeyCombination MARK_SENT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final List<KeyCode> TEMPLATE_KEYS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3);

    private final PostUpdateViewModel model;
    private final TextArea text = new TextArea();
    private final HBox templateButtons = new HBox();
    private final ToggleGroup templateGroup = new ToggleGroup();

    public PostUpdateView(PostUpdateViewModel model, Runnable close) {
        this.model = model;
        setId("postUpdateSheet");
        getStyleClass().add("post-update-sheet");
        getStylesheets().add(PostUpdateView.class.getResource("/dev/sitrep/ui/comms/post-update.css").toExternalForm());
        setSpacing(10);
        setPadding(new Insets(24));
        setMaxWidth(760);
        setMaxHeight(USE_PREF_SIZE);

        Label title = new Label("Post an update");
        title.getStyleClass().add(Styles.TITLE_3);
        Label chip = new Label();
        chip.getStyleClass().add("severity-chip");
        chip.textProperty().bind(model.severityProperty());
        chip.visibleProperty().bind(model.severityProperty().isNotEmpty());
        model.severityProperty().addListener((obs, was, now) -> SeverityStyle.apply(chip, model.scaleProperty().get(), now));
        Label heading = new Label();
        heading.setId("updateHeading");
        heading.getStyleClass().add("update-heading");
        heading.textProperty().bind(model.headingProperty());
        HBox incident = new HBox(10, chip, heading);
        incident.setAlignment(Pos.CENTER_LEFT);

        templateButtons.setAlignment(Pos.CENTER_LEFT);
        model.templates().addListener((javafx.collections.ListChangeListener<UpdateTemplate>) c -> buildTemplateButtons());
        model.templateIdProperty().addListener((obs, was, now) -> selectTemplateButton());
        Label keys = Controls.muted("Alt+1..3 chooses");
        HBox templateRow = new HBox(12, templateButtons, keys);
        templateRow.setAlignment(Pos.CENTER_LEFT);

        Label purpose = shownWhenSet(Controls.muted(""));
        purpose.textProperty().bind(model.purposeProperty());
        Label advice = shownWhenSet(new Label());
        advice.setId("updateAdvice");
        advice.setWrapText(true);
        advice.getStyleClass().add("update-not-set");
        advice.textProperty().bind(model.adviceProperty());

        text.setId("updateText");
        text.getStyleClass().add("update-text");
        text.setWrapText(true);
        text.setPrefRowCount(13);
        text.textProperty().bindBidirectional(model.textProperty());
        text.disableProperty().bind(model.readyProperty().not());

        Label notSet = shownWhenSet(new Label());
        notSet.setId("updateNotSet");
        notSet.setWrapText(true);
        notSet.getStyleClass().add("update-not-set");
        notSet.textProperty().bind(model.notSetProperty());
        Label due = shownWhenSet(Controls.muted(""));
        due.setId("updateDue");
        due.textProperty().bind(model.dueProperty());
        Label status = shownWhenSet(Controls.muted(""));
        status.setId("updateStatus");
        status.textProperty().bind(model.noticeProperty());
        Label error = shownWhenSet(new Label());
        error.setId("updateError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.status().failureProperty());
        Label sent = shownWhenSet(new Label());
        sent.setId("updateSent");
        sent.setWrapText(true);
        sent.getStyleClass().add("update-sent");
        sent.textProperty().bind(model.sentProperty());

        Button cancel = new Button("Close (Esc)");
        cancel.setOnAction(e -> close.run());
        Button copy = new Button("Copy (Ctrl+Shift+C)");
        copy.setId("copyUpdate");
        copy.setOnAction(e -> model.copy());
        copy.disableProperty().bind(model.readyProperty().not());
        Button markSent = new Button("Mark as sent (Ctrl+Enter)");
        markSent.setId("markSent");
        markSent.getStyleClass().add(Styles.ACCENT);
        markSent.setOnAction(e -> model.markSent());
        markSent.disableProperty().bind(model.readyProperty().not().or(model.status().busyProperty())
                .or(model.sentProperty().isNotEmpty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(10, grow, cancel, copy, markSent);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, incident, templateRow, purpose, advice, text, notSet, due, status, error,
                sent, buttons);

        model.readyProperty().addListener((obs, was, now) -> {
            if (now && getScene() != null) {
                text.requestFocus();
            }
        });
        model.sentProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                PauseTransition pause = new PauseTransition(CLOSE_AFTER_SENT);
                pause.setOnFinished(e -> {
                    if (!model.sentProperty().get().isEmpty()) {
                        close.run();
                    }
                });
                pause.play();
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (MARK_SENT.match(e)) {
                model.markSent();
                e.consume();
            } else if (COPY.match(e)) {
                model.copy();
                e.consume();
            } else if (e.isAltDown() && TEMPLATE_KEYS.contains(e.getCode())) {
                int index = TEMPLATE_KEYS.indexOf(e.getCode());
                if (index < model.templates().size()) {
                    model.choose(model.templates().get(index).id());
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        buildTemplateButtons();
    }

    private void buildTemplateButtons() {
        templateButtons.getChildren().clear();
        List<UpdateTemplate> templates = model.templates();
        for (int k = 0; k < templates.size(); k++) {
            UpdateTemplate t = templates.get(k);
            ToggleButton b = new ToggleButton(capitalised(t.name()));
            b.setMinWidth(USE_PREF_SIZE);
            b.setId("template-" + t.id());
            b.setUserData(t.id());
            b.setToggleGroup(templateGroup);
            b.getStyleClass().add(k == 0 ? Styles.LEFT_PILL : k == templates.size() - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            b.setOnAction(e -> {
                model.choose(t.id());
                selectTemplateButton();
            });
            templateButtons.getChildren().add(b);
        }
        selectTemplateButton();
    }

    private void selectTemplateButton() {
        for (var toggle : templateGroup.getToggles()) {
            toggle.setSelected(model.templateIdProperty().get().equals(toggle.getUserData()));
        }
    }

    /** Puts the cursor in the text (done by itself when the incident has loaded while the sheet is shown). */
    public void focusText() {
        text.requestFocus();
    }

    private static Label shownWhenSet(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
