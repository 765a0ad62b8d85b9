package dev.sitrep.ui.killswitch;

import dev.sitrep.ui.common.Controls;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Containment on a Cullis broker: choose, say why, hold to revoke. */
public final class ContainDialog extends VBox {

    public ContainDialog(ContainViewModel model, Runnable close) {
        setId("containDialog");
        getStyleClass().add("kill-switch-dialog");
        setSpacing(12);
        setMaxWidth(720);
        setMaxHeight(USE_PREF_SIZE);
        Label title = new Label("Contain: revoke an agent certificate");
        title.getStyleClass().addAll(Styles.TITLE_3, "kill-switch-title");
        Label help = Controls.muted("The broker stops trusting that organisation's agent at once. Nothing is sent until the hold "
                + "completes; everything goes on the audit trail.");
        ComboBox<String> broker = new ComboBox<>(model.platforms());
        broker.valueProperty().bindBidirectional(model.platformProperty());
        TextField org = Controls.field("organisation id", model.orgProperty());
        TextField serial = Controls.field("certificate serial (hex)", model.serialProperty());
        TextField reason = Controls.field("Why? One sentence (required)", model.reasonProperty());
        reason.setId("containReason");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.addRow(0, Controls.muted("Broker"), broker);
        form.addRow(1, Controls.muted("Organisation"), org);
        form.addRow(2, Controls.muted("Serial"), serial);
        form.addRow(3, Controls.muted("Reason"), reason);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        Label problem = new Label();
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.status().failureProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        HoldBar hold = new HoldBar("containHold", model);
        hold.disableProperty().bind(model.status().busyProperty());
        Label result = new Label();
        result.setWrapText(true);
        result.getStyleClass().add("outcome-halted");
        result.textProperty().bind(model.resultProperty());
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        TextArea fallback = new TextArea();
        fallback.setEditable(false);
        fallback.setWrapText(true);
        fallback.setPrefRowCount(3);
        fallback.getStyleClass().add("mono");
        fallback.textProperty().bind(model.fallbackProperty());
        fallback.visibleProperty().bind(model.fallbackProperty().isNotEmpty());
        fallback.managedProperty().bind(fallback.visibleProperty());
        Button closeButton = new Button("Close (Esc)");
        closeButton.setOnAction(e -> close.run());
        HBox bottom = new HBox(closeButton);
        bottom.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, help, form, problem, hold, result, fallback, bottom);
    }
}
