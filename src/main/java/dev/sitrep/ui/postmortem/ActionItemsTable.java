package dev.sitrep.ui.postmortem;

import dev.sitrep.core.ActionItem;
import dev.sitrep.ui.common.Converters;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;

import java.time.LocalDate;

/**
 * The incident's action items as an editable table (action, owner, due day, status) with a row to add
 * one: Enter in the action or owner field adds it, as the button does.
 */
final class ActionItemsTable extends VBox {

    /** Days as 2026-11-27 everywhere: never a locale's month/day order. */
    static final LocalDateStringConverter ISO_DAY = new LocalDateStringConverter(
            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE);

    ActionItemsTable(PostmortemViewModel model) {
        super(8);
        TableView<ActionItem> table = new TableView<>(model.actionItems());
        table.setId("pmActions");
        table.setEditable(true);
        table.setPrefHeight(180);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new javafx.scene.control.Label("No action items yet: each needs an owner and a due day."));

        TableColumn<ActionItem, ActionItem.Status> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        status.setCellFactory(ComboBoxTableCell.forTableColumn(Converters.showing(ActionItem.Status::label),
                FXCollections.observableArrayList(ActionItem.Status.values())));
        status.setOnEditCommit(e -> model.updateAction(e.getRowValue(), null, null, null, e.getNewValue()));
        status.setPrefWidth(120);
        status.setMaxWidth(130);

        TableColumn<ActionItem, LocalDate> due = new TableColumn<>("Due");
        due.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().due()));
        due.setCellFactory(TextFieldTableCell.forTableColumn(ISO_DAY));
        due.setOnEditCommit(e -> model.updateAction(e.getRowValue(), null, null, e.getNewValue(), null));
        due.setPrefWidth(120);
        due.setMaxWidth(130);

        TableColumn<ActionItem, String> owner = new TableColumn<>("Owner");
        owner.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().owner()));
        owner.setCellFactory(TextFieldTableCell.forTableColumn());
        owner.setOnEditCommit(e -> model.updateAction(e.getRowValue(), null, e.getNewValue() == null ? "" : e.getNewValue(),
                null, null));
        owner.setPrefWidth(140);
        owner.setMaxWidth(180);

        TableColumn<ActionItem, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().action()));
        action.setCellFactory(TextFieldTableCell.forTableColumn());
        action.setOnEditCommit(e -> {
            if (e.getNewValue() != null && !e.getNewValue().isBlank()) {
                model.updateAction(e.getRowValue(), e.getNewValue(), null, null, null);
            }
        });
        table.getColumns().setAll(java.util.List.of(status, due, owner, action));

        TextField what = new TextField();
        what.setId("pmActionText");
        what.setPromptText("Action, e.g. add an alert on pool saturation");
        TextField who = new TextField();
        who.setId("pmActionOwner");
        who.setPromptText("Owner");
        who.setPrefColumnCount(10);
        DatePicker when = new DatePicker(model.today().plusDays(7));
        when.setId("pmActionDue");
        when.setPrefWidth(150);
        when.setConverter(ISO_DAY);
        Button add = new Button("Add action item");
        add.setId("pmAddAction");
        add.setOnAction(e -> {
            if (model.addAction(what.getText(), who.getText(), when.getValue())) {
                what.clear();
                who.clear();
            }
            what.requestFocus(); // ready for the next one
        });
        what.setOnAction(e -> add.fire());
        who.setOnAction(e -> add.fire());
        HBox row = new HBox(8, what, who, when, add);
        HBox.setHgrow(what, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(table, row);
    }
}
