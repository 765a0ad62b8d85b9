package dev.sitrep.ui.postmortem;

import dev.sitrep.ui.common.Messages;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeInput;
import dev.sitrep.ui.common.Converters;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The timeline as a table: include or leave out each entry, correct its wording for the
 * postmortem (the incident's own timeline never changes), mark milestones, and add an entry the
 * record lacks (the first symptom, found later in a log).
 */
final class TimelineTable extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final PostmortemViewModel model;
    private final ObservableList<Postmortem.TimelineRow> rows = FXCollections.observableArrayList();

    TimelineTable(PostmortemViewModel model, ZoneId zone) {
        super(8);
        this.model = model;
        TableView<Postmortem.TimelineRow> table = new TableView<>(rows);
        table.setId("pmTimeline");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No entries: add the first one below."));
        TableFit.allRows(table);

        TableColumn<Postmortem.TimelineRow, Boolean> include = new TableColumn<>("In");
        include.setCellValueFactory(c -> {
            SimpleBooleanProperty p = new SimpleBooleanProperty(c.getValue().included());
            p.addListener((obs, was, now) -> replace(c.getValue(), c.getValue().withIncluded(now)));
            return p;
        });
        include.setCellFactory(CheckBoxTableCell.forTableColumn(include));
        include.setMinWidth(44);
        include.setMaxWidth(44);

        TableColumn<Postmortem.TimelineRow, String> time = new TableColumn<>("Time (UTC)");
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(WHEN.format(c.getValue().at())));
        time.setEditable(false);
        TableFit.wideEnoughFor(time, List.of(time.getText()));

        TableColumn<Postmortem.TimelineRow, PostmortemMilestone> milestone = new TableColumn<>("Milestone");
        milestone.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().milestone()));
        ObservableList<PostmortemMilestone> choices = FXCollections.observableArrayList();
        choices.add(null);
        choices.addAll(Arrays.asList(PostmortemMilestone.values()));
        milestone.setCellFactory(ComboBoxTableCell.forTableColumn(Converters.showing(m -> m == null ? "" : m.label()),
                choices));
        milestone.setOnEditCommit(e -> replace(e.getRowValue(), e.getRowValue().withMilestone(e.getNewValue())));
        TableFit.wideEnoughFor(milestone, Arrays.stream(PostmortemMilestone.values()).map(PostmortemMilestone::label)
                .toList());

        TableColumn<Postmortem.TimelineRow, String> text = new TableColumn<>("Event (double-click to reword)");
        text.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().text()));
        text.setMinWidth(240);
        TableFit.wrapping(text);
        text.setOnEditCommit(e -> {
            if (e.getNewValue() != null && !e.getNewValue().isBlank()) {
                replace(e.getRowValue(), e.getRowValue().withText(e.getNewValue().strip()));
            }
        });
        table.getColumns().setAll(List.of(include, time, milestone, text));

        model.docProperty().addListener((obs, was, now) -> follow(now));
        follow(model.docProperty().get());
        getChildren().addAll(table, addRow(zone));
    }

    /** Shows the document's rows when they differ (an added row, a restore), keeping the table otherwise. */
    private void follow(Postmortem doc) {
        if (doc != null && !rows.equals(doc.timeline())) {
            rows.setAll(doc.timeline());
        }
    }

    private void replace(Postmortem.TimelineRow was, Postmortem.TimelineRow now) {
        int index = rows.indexOf(was);
        if (index >= 0 && !was.equals(now)) {
            rows.set(index, now);
            model.setRow(index, now);
        }
    }

    private HBox addRow(ZoneId zone) {
        TextField at = new TextField();
        at.setId("pmAddAt");
        at.setPromptText("When: 14:20 UTC, 2026-11-22 14:20");
        at.setPrefColumnCount(16);
        TextField what = new TextField();
        what.setId("pmAddText");
        what.setPromptText("What happened (an entry the record lacks)");
        ComboBox<PostmortemMilestone> marks = new ComboBox<>();
        marks.setId("pmAddMilestone");
        marks.getItems().add(null);
        marks.getItems().addAll(PostmortemMilestone.values());
        marks.setConverter(Converters.showing(m -> m == null ? "no milestone" : m.label()));
        marks.setValue(PostmortemMilestone.FIRST_SYMPTOM);
        Label error = new Label();
        error.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        Button add = new Button("Add entry");
        add.setId("pmAddRow");
        add.setOnAction(e -> {
            try {
                model.addRow(TimeInput.parse(at.getText(), Clock.systemUTC(), zone), what.getText(), marks.getValue());
                at.clear();
                what.clear();
                error.setText("");
            } catch (SitrepException ex) {
                error.setText(Messages.of(ex));
            }
        });
        HBox row = new HBox(8, at, what, marks, add, error);
        HBox.setHgrow(what, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
