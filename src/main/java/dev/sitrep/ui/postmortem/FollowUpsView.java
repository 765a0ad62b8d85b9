package dev.sitrep.ui.postmortem;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.ActionItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

import java.time.LocalDate;
import java.util.function.Consumer;

/** The Follow-ups tab: every action item across incidents, overdue first (marked, never by colour alone). */
final class FollowUpsView extends BorderPane {

    private static final javafx.css.PseudoClass OVERDUE = javafx.css.PseudoClass.getPseudoClass("overdue");

    FollowUpsView(FollowUpsViewModel model, Consumer<IncidentId> openPostmortem) {
        setId("followUps");
        setPadding(new Insets(8, 0, 0, 0));
        CheckBox only = new CheckBox("Overdue only");
        only.setId("overdueOnly");
        only.selectedProperty().bindBidirectional(model.overdueOnlyProperty());
        Label summary = new Label();
        summary.setId("followUpsSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(model.status().failureOr(model.summaryProperty()));
        HBox top = new HBox(14, only, summary, Controls.muted("Double-click a row to open its postmortem."));
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);

        TableView<FollowUpsViewModel.Row> table = new TableView<>(model.rows());
        table.setId("followUpsTable");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No follow-ups: action items added to postmortems are listed here."));
        TableColumn<FollowUpsViewModel.Row, LocalDate> due = new TableColumn<>("Due");
        due.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().due()));
        due.setCellFactory(TextFieldTableCell.forTableColumn(ActionItemsTable.ISO_DAY));
        due.setOnEditCommit(e -> model.update(e.getRowValue().item(), null, e.getNewValue(), null));
        due.setMaxWidth(130);
        TableColumn<FollowUpsViewModel.Row, String> late = new TableColumn<>("");
        late.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().overdue() ? "OVERDUE" : ""));
        late.setMaxWidth(100);
        late.setEditable(false);
        TableColumn<FollowUpsViewModel.Row, ActionItem.Status> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().status()));
        status.setCellFactory(ComboBoxTableCell.forTableColumn(Converters.showing(ActionItem.Status::label),
                FXCollections.observableArrayList(ActionItem.Status.values())));
        status.setOnEditCommit(e -> model.update(e.getRowValue().item(), null, null, e.getNewValue()));
        status.setMaxWidth(130);
        TableColumn<FollowUpsViewModel.Row, String> owner = new TableColumn<>("Owner");
        owner.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().owner()));
        owner.setCellFactory(TextFieldTableCell.forTableColumn());
        owner.setOnEditCommit(e -> model.update(e.getRowValue().item(), e.getNewValue() == null ? "" : e.getNewValue(),
                null, null));
        owner.setMaxWidth(160);
        TableColumn<FollowUpsViewModel.Row, String> incident = new TableColumn<>("Incident");
        incident.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().incident() + " · "
                + c.getValue().incidentTitle()));
        incident.setEditable(false);
        incident.setPrefWidth(300);
        TableColumn<FollowUpsViewModel.Row, String> action = new TableColumn<>("Action");
        action.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().item().action()));
        action.setEditable(false);
        incident.setMaxWidth(420);
        table.getColumns().setAll(java.util.List.of(due, late, status, owner, incident, action));
        table.setRowFactory(v -> {
            TableRow<FollowUpsViewModel.Row> row = new TableRow<>() {
                @Override
                protected void updateItem(FollowUpsViewModel.Row item, boolean empty) {
                    super.updateItem(item, empty);
                    pseudoClassStateChanged(OVERDUE, !empty && item != null && item.overdue());
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openPostmortem.accept(row.getItem().item().incident());
                }
            });
            return row;
        });
        setCenter(table);
        BorderPane.setMargin(table, new Insets(8, 0, 0, 0));
    }
}
