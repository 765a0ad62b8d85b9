package dev.sitrep.ui.killswitch;

import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.ui.common.Controls;
import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The halt dialog: choose platforms, say why, hold to confirm. The confirm control only halts
 * while held (mouse or Space) for the hold time; a click, Enter or an early release does nothing.
 */
public final class KillSwitchDialog extends VBox {

    private final KillSwitchViewModel model;
    private final VBox choiceBox = new VBox(6);
    private final VBox outcomeBox = new VBox(8);
    private final TextField reason = new TextField();

    public KillSwitchDialog(KillSwitchViewModel model, Runnable close) {
        this.model = model;
        setId("killSwitchDialog");
        getStyleClass().add("kill-switch-dialog");
        setSpacing(12);
        setMaxWidth(720);
        setMaxHeight(USE_PREF_SIZE);

        Label title = new Label("Halt automation");
        title.getStyleClass().addAll(Styles.TITLE_2, "kill-switch-title");
        Label steps = Controls.muted("Choose the platforms, say why in one sentence, then hold the red bar until it fills. "
                + "Esc closes; nothing is sent until the hold completes.");
        Button all = new Button("All platforms");
        all.getStyleClass().add(Styles.FLAT);
        all.setOnAction(e -> model.selectAll());
        model.choices().addListener((ListChangeListener<KillSwitchViewModel.Choice>) c -> showChoices());

        reason.setId("killSwitchReason");
        reason.setPromptText("e.g. agents sending duplicate refunds");
        reason.textProperty().bindBidirectional(model.reasonProperty());
        reason.setOnAction(e -> { }); // Enter never confirms
        Label reasonLabel = Controls.fieldLabel("Why halt? One sentence (required)");
        reasonLabel.setLabelFor(reason);
        Label count = Controls.muted("");
        count.textProperty().bind(model.reasonCountProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);

        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.status().failureProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());

        HoldBar holdButton = new HoldBar("holdButton", model);
        holdButton.disableProperty().bind(model.armedProperty().not().or(model.status().busyProperty()));
        model.outcomes().addListener((ListChangeListener<KillSwitchViewModel.Outcome>) c -> showOutcomes());

        Button closeButton = new Button("Close (Esc)");
        closeButton.setOnAction(e -> close.run());
        HBox bottom = new HBox(10, closeButton);
        bottom.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, steps, new HBox(10, Controls.muted("Platforms"), all), choiceBox,
                reasonLabel, new HBox(10, reason, count), problem,
                holdButton, outcomeBox, bottom);
        showChoices();
    }

    public void focusReason() {
        reason.requestFocus();
    }

    private void showChoices() {
        choiceBox.getChildren().setAll(model.choices().stream().map(c -> {
            CheckBox box = new CheckBox(c.name() + " (" + c.kind() + ")");
            box.setId("choice-" + c.name());
            box.setMnemonicParsing(false); // profile names may hold underscores
            box.selectedProperty().bindBidirectional(c.selected());
            Label means = Controls.muted(c.haltMeans());
            return (javafx.scene.Node) new VBox(2, box, means);
        }).toList());
    }

    private void showOutcomes() {
        outcomeBox.getChildren().clear();
        for (KillSwitchViewModel.Outcome o : model.outcomes()) {
            Label line = new Label(o.platform() + ": " + o.text());
            line.setWrapText(true);
            line.getStyleClass().add(switch (o.outcome()) {
                case DONE -> "outcome-halted";
                case FAILED -> Styles.DANGER;
                case UNKNOWN -> "outcome-unknown";
            });
            outcomeBox.getChildren().add(line);
            if (o.manualFallback() != null) {
                TextArea fallback = new TextArea(o.manualFallback());
                fallback.setEditable(false);
                fallback.setWrapText(true);
                fallback.setPrefRowCount(3);
                fallback.getStyleClass().add("mono");
                Button copy = new Button("Copy");
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(o.manualFallback());
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                });
                outcomeBox.getChildren().addAll(Controls.muted(o.outcome() == KillSwitchService.Outcome.FAILED
                        ? "Run it by hand:" : "If it did not go through, run it by hand:"), fallback, copy);
            }
        }
        if (model.outcomes().stream().anyMatch(o -> o.outcome() == KillSwitchService.Outcome.FAILED)) {
            Button retry = new Button("Retry the ones that failed");
            retry.setOnAction(e -> model.retryFailed());
            outcomeBox.getChildren().add(retry);
        }
    }
}
