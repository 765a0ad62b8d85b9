package dev.sitrep.ui.declare;

import dev.sitrep.ui.common.Controls;
import atlantafx.base.theme.Styles;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.ui.common.Converters;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** The declare sheet shown over the window by Ctrl+N. Enter declares, Esc closes; a likely duplicate is offered instead. */
public final class DeclareView extends VBox {

    private final TextField titleField = new TextField();

    /** @param openIncident closes the sheet and opens that incident (the likely duplicate) */
    public DeclareView(DeclareViewModel model, Runnable close, Consumer<IncidentId> openIncident) {
        setId("declareSheet");
        getStyleClass().add("declare-sheet");
        setSpacing(10);
        setPadding(new Insets(24));
        setMaxWidth(640);
        setMaxHeight(USE_PREF_SIZE);

        Label heading = new Label("Declare an incident");
        heading.getStyleClass().add(Styles.TITLE_3);
        titleField.setId("declareTitle");
        titleField.setPromptText("What is wrong, in one line (e.g. Checkout 5xx spike)");
        titleField.textProperty().bindBidirectional(model.titleProperty());
        titleField.getStyleClass().add(Styles.LARGE);
        Label titleError = errorLabel();
        titleError.setId("declareTitleError");
        titleError.textProperty().bind(model.titleErrorProperty());
        bindShown(titleError);
        model.titleErrorProperty().addListener((obs, was, now) ->
                titleField.pseudoClassStateChanged(Styles.STATE_DANGER, !now.isEmpty()));

        ComboBox<SeverityLevel> severity = new ComboBox<>(model.levels());
        severity.setId("declareSeverity");
        severity.valueProperty().bindBidirectional(model.severityProperty());
        severity.setConverter(Converters.showing(SeverityLevel::code));
        severity.setMinWidth(110);
        Label definition = new Label();
        definition.setWrapText(true);
        definition.getStyleClass().add(Styles.TEXT_MUTED);
        definition.textProperty().bind(model.severityDefinitionProperty());

        TextField service = Controls.field("optional", model.serviceProperty());
        TextField platforms = Controls.field("optional, comma separated", model.platformsProperty());
        TextField commander = Controls.field("", model.commanderProperty());
        commander.promptTextProperty().bind(model.commanderHintProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, Controls.fieldLabel("Severity"), new HBox(10, severity, definition));
        grid.addRow(1, Controls.fieldLabel("Service"), service);
        grid.addRow(2, Controls.fieldLabel("Platforms"), platforms);
        grid.addRow(3, Controls.fieldLabel("Commander"), commander);
        HBox.setHgrow(definition, Priority.ALWAYS);
        GridPane.setHgrow(service, Priority.ALWAYS);

        Label error = errorLabel();
        error.textProperty().bind(model.status().failureProperty());
        bindShown(error);

        VBox duplicate = duplicateWarning(model, openIncident);

        Button declare = new Button("Declare (Enter)");
        declare.setId("declareButton");
        declare.getStyleClass().add(Styles.ACCENT);
        declare.setOnAction(e -> model.declare());
        declare.disableProperty().bind(model.status().busyProperty());
        Button cancel = new Button("Cancel (Esc)");
        cancel.setOnAction(e -> close.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(10, grow, cancel, declare);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(heading, titleField, titleError, grid, error, duplicate, buttons);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.declare();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
    }

    /** The incident this would likely duplicate: what it is, Open it, or Declare anyway. Shown while there is one. */
    private static VBox duplicateWarning(DeclareViewModel model, Consumer<IncidentId> openIncident) {
        Label text = new Label();
        text.setId("declareDuplicate");
        text.setWrapText(true);
        text.getStyleClass().add("watch-banner");
        text.textProperty().bind(model.duplicateWarningProperty());
        Button open = new Button();
        open.setId("declareOpenDuplicate");
        open.textProperty().bind(Bindings.createStringBinding(() -> model.duplicateProperty().get() == null ? ""
                : "Open " + model.duplicateProperty().get().incident().id(), model.duplicateProperty()));
        open.setOnAction(e -> openIncident.accept(model.duplicateProperty().get().incident().id()));
        Button anyway = new Button("Declare anyway");
        anyway.setId("declareAnyway");
        anyway.setOnAction(e -> model.declareAnyway());
        anyway.disableProperty().bind(model.status().busyProperty());
        VBox box = new VBox(8, text, new HBox(10, open, anyway));
        box.visibleProperty().bind(model.duplicateProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label errorLabel() {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(Styles.DANGER);
        return l;
    }

    private static void bindShown(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    public void focusTitle() {
        titleField.requestFocus();
    }
}
