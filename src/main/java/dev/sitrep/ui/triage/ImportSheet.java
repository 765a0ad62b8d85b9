package dev.sitrep.ui.triage;

import atlantafx.base.theme.Styles;
import dev.sitrep.ui.common.Controls;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The import preview: what was recognised, what was kept as notes (with their lines), and Save. */
public final class ImportSheet extends VBox {

    public ImportSheet(ImportViewModel model, Runnable close) {
        super(12);
        setId("importSheet");
        getStyleClass().add("declare-sheet");
        setMaxWidth(860);
        setMaxHeight(680);
        Label title = new Label("Import a runbook");
        title.getStyleClass().add(Styles.TITLE_3);
        Label source = Controls.muted("");
        source.textProperty().bind(model.sourceProperty());
        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.visibleProperty().bind(model.status().busyProperty());
        progress.managedProperty().bind(model.status().busyProperty());
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.status().failureProperty());
        problem.managedProperty().bind(model.status().failureProperty().isNotEmpty());
        Label saved = new Label();
        saved.setId("importSaved");
        saved.getStyleClass().add(Styles.SUCCESS);
        saved.setWrapText(true);
        saved.textProperty().bind(model.savedProperty());
        saved.managedProperty().bind(model.savedProperty().isNotEmpty());
        VBox lists = new VBox(10, list("Recognised", model.recognised()),
                list("Kept as notes (could not be mapped; nothing is dropped)", model.notes()));
        ScrollPane scroll = new ScrollPane(lists);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        Button save = new Button("Save to the team's runbooks");
        save.setId("importSave");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.canSaveProperty().not().or(model.status().busyProperty()));
        save.setOnAction(e -> model.save());
        Button cancel = new Button("Close (Esc)");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        HBox buttons = new HBox(10, save, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, source, progress, summary, problem, scroll, saved, buttons);
    }

    private static VBox list(String heading, ObservableList<String> items) {
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_4);
        VBox lines = new VBox(3);
        Runnable fill = () -> lines.getChildren().setAll(items.stream().map(s -> {
            Label l = new Label("•  " + s);
            l.setWrapText(true);
            l.setMnemonicParsing(false);
            return (javafx.scene.Node) l;
        }).toList());
        items.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        VBox box = new VBox(4, title, lines);
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(items));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
