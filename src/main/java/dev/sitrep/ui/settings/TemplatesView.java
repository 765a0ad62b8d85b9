package dev.sitrep.ui.settings;

import atlantafx.base.theme.Styles;
import dev.sitrep.comms.Placeholder;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The "Status update templates" part of Settings. */
public final class TemplatesView extends VBox {

    public TemplatesView(TemplatesViewModel model) {
        setId("templates");
        setSpacing(10);

        Label title = new Label("Status update templates");
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = Controls.muted("What Post update starts from. Each {{placeholder}} is filled in from the incident "
                + "when an update is composed; the list is below.");

        ComboBox<String> choice = new ComboBox<>(model.ids());
        choice.setId("templateChoice");
        choice.setConverter(Converters.showing(TemplatesViewModel::name));
        choice.valueProperty().bindBidirectional(model.chosenProperty());
        Label origin = Controls.muted("");
        origin.setId("templateOrigin");
        origin.textProperty().bind(model.originProperty());
        Label purpose = Controls.muted("");
        purpose.textProperty().bind(model.purposeProperty());

        TextArea body = new TextArea();
        body.setId("templateBody");
        body.getStyleClass().add("mono");
        body.setWrapText(true);
        body.setPrefRowCount(10);
        body.textProperty().bindBidirectional(model.bodyProperty());

        Button save = new Button("Save template");
        save.setId("saveTemplate");
        save.setOnAction(e -> model.save());
        Button reset = new Button("Reset to built-in");
        reset.setId("resetTemplate");
        reset.setOnAction(e -> model.reset());
        reset.disableProperty().bind(model.canResetProperty().not());

        Label error = new Label();
        error.setId("templateError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.status().failureProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label status = Controls.muted("");
        status.setId("templateStatus");
        status.textProperty().bind(model.noticeProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());

        TextField warRoom = new TextField();
        warRoom.setId("warRoomField");
        warRoom.setPromptText("e.g. bridge https://meet.example.com/inc or #incident-room");
        warRoom.textProperty().bindBidirectional(model.warRoomProperty());
        warRoom.setOnAction(e -> model.saveWarRoom());
        HBox.setHgrow(warRoom, Priority.ALWAYS);
        Button saveWarRoom = new Button("Save");
        saveWarRoom.setId("saveWarRoom");
        saveWarRoom.setOnAction(e -> model.saveWarRoom());

        getChildren().addAll(new VBox(2, title, help), row(choice, origin), purpose, body, row(save, reset), error,
                status, placeholders(), new VBox(2, subtitle("War room"),
                        Controls.muted("Filled into {{war_room}}: your standing bridge, channel or room.")),
                row(warRoom, saveWarRoom));
    }

    private static TitledPane placeholders() {
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(4);
        int r = 0;
        for (Placeholder p : Placeholder.values()) {
            Label token = new Label(p.token());
            token.getStyleClass().add("mono");
            token.setMinWidth(USE_PREF_SIZE);
            Label what = Controls.muted(p.description());
            grid.addRow(r++, token, what);
        }
        TitledPane pane = new TitledPane("Placeholders", grid);
        pane.setId("placeholderList");
        pane.setExpanded(false);
        return pane;
    }

    private static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static HBox row(Node... nodes) {
        HBox row = new HBox(10, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
