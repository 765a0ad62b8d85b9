package dev.sitrep.ui.killswitch;

import dev.sitrep.ui.common.Controls;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The resume sheet: the checklist, the summary and the approver gate the Resume button; while it is
 * disabled, a line above it says what is still needed.
 */
public final class ResumeView extends VBox {

    public ResumeView(ResumeViewModel model, Runnable close) {
        setId("resumeSheet");
        getStyleClass().add("declare-sheet");
        setSpacing(10);
        setMaxWidth(680);
        setMaxHeight(USE_PREF_SIZE);
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(model.platformProperty().map(p -> "Resume " + p));
        Label help = Controls.muted("Resume only once the root cause is understood and the fix is in place. Everything here goes "
                + "on the audit trail.");
        CheckBox cause = check("Root cause identified", model.rootCauseProperty());
        CheckBox fix = check("Fix verified (in staging where there is one)", model.fixVerifiedProperty());
        CheckBox review = check("Post-incident review done", model.reviewDoneProperty());
        TextField summary = new TextField();
        summary.setId("resumeSummary");
        summary.setPromptText("e.g. retry key added to refund-helper");
        summary.textProperty().bindBidirectional(model.summaryProperty());
        TextField approver = new TextField();
        approver.setId("resumeApprover");
        approver.setPromptText("e.g. sam");
        approver.textProperty().bindBidirectional(model.approverProperty());
        ToggleGroup modes = new ToggleGroup();
        RadioButton full = new RadioButton("full");
        RadioButton minimal = new RadioButton("minimal");
        full.setToggleGroup(modes);
        minimal.setToggleGroup(modes);
        full.setSelected(true);
        full.setOnAction(e -> model.modeProperty().set("full"));
        minimal.setOnAction(e -> model.modeProperty().set("minimal"));
        Label preview = Controls.muted("");
        preview.textProperty().bind(model.previewProperty());
        VBox modeBox = new VBox(4, new HBox(12, Controls.muted("Mode"), full, minimal), preview);
        modeBox.visibleProperty().bind(model.hasModesProperty());
        modeBox.managedProperty().bind(modeBox.visibleProperty());
        Label result = new Label();
        result.setWrapText(true);
        result.textProperty().bind(model.status().failureOr(model.resultProperty()));
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        Label needs = new Label();
        needs.setId("resumeNeeds");
        needs.setWrapText(true);
        needs.getStyleClass().add(Styles.WARNING);
        needs.textProperty().bind(model.needsBinding());
        needs.managedProperty().bind(needs.textProperty().isNotEmpty());
        needs.visibleProperty().bind(needs.managedProperty());
        Button resume = new Button("Resume");
        resume.setId("resumeButton");
        resume.getStyleClass().add(Styles.ACCENT);
        resume.disableProperty().bind(model.readyBinding().not());
        resume.setOnAction(e -> model.resume());
        Button cancel = new Button("Close (Esc)");
        cancel.setOnAction(e -> close.run());
        HBox buttons = new HBox(10, cancel, resume);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, help, cause, fix, review, labelled("What was fixed (remediation summary)", summary),
                summary, labelled("Approver: the senior engineer who approved", approver), approver, modeBox, result,
                needs, buttons);
    }

    /** A label above a field that stays when the field is typed in (a prompt text does not). */
    private static Label labelled(String text, TextField field) {
        Label label = Controls.fieldLabel(text);
        label.setLabelFor(field);
        return label;
    }

    private static CheckBox check(String text, javafx.beans.property.BooleanProperty property) {
        CheckBox box = new CheckBox(text);
        box.selectedProperty().bindBidirectional(property);
        return box;
    }
}
