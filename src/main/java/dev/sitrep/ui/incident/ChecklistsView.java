package dev.sitrep.ui.incident;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.Checklist;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The incident's checklists: tick a step (who and when go on the timeline), copy its command in one click. */
public final class ChecklistsView extends ScrollPane {

    private final ChecklistViewModel model;
    private final VBox box = new VBox(18);

    public ChecklistsView(ChecklistViewModel model) {
        this.model = model;
        setId("checklists");
        setFitToWidth(true);
        getStyleClass().add("checklists");
        setContent(box);
        box.getStyleClass().add("checklist-box");
        model.checklists().addListener((javafx.collections.ListChangeListener<Checklist>) c -> show());
        show();
    }

    private void show() {
        box.getChildren().clear();
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.status().failureProperty());
        problem.managedProperty().bind(model.status().failureProperty().isNotEmpty());
        box.getChildren().add(problem);
        if (model.checklists().isEmpty()) {
            box.getChildren().add(Controls.muted("No checklist yet. A triage outcome opens the sections it names here; "
                    + "each tick records who and when on the timeline."));
            return;
        }
        for (Checklist c : model.checklists()) {
            Label title = new Label(c.title());
            title.getStyleClass().add(Styles.TITLE_4);
            Label progress = Controls.muted(c.progress() + " · runbook " + c.runbook() + " · opened "
                    + TimeFormat.utcTime(c.openedAt()) + " by " + c.openedBy());
            VBox steps = new VBox(10);
            c.steps().forEach(s -> steps.getChildren().add(step(c, s)));
            box.getChildren().add(new VBox(6, title, progress, steps));
        }
    }

    private VBox step(Checklist c, Checklist.Step s) {
        CheckBox tick = new CheckBox(s.position() + ". " + s.text());
        tick.setId("step-" + c.section() + "-" + s.position());
        tick.setWrapText(true);
        tick.setMnemonicParsing(false); // runbook text keeps its underscores (DISABLE_NEW)
        tick.setSelected(s.done());
        tick.setOnAction(e -> model.tick(c, s.position(), tick.isSelected()));
        VBox step = new VBox(4, tick);
        step.getStyleClass().add("checklist-step");
        if (s.done()) {
            step.getChildren().add(Controls.muted("done " + TimeFormat.utcTime(s.doneAt()) + " by " + s.doneBy()));
        }
        if (s.command() != null) {
            Label command = new Label(s.command());
            command.getStyleClass().addAll("mono", "command");
            command.setWrapText(true);
            HBox.setHgrow(command, Priority.ALWAYS);
            Button copy = new Button("Copy", Icons.of(Feather.COPY));
            copy.getStyleClass().add(Styles.SMALL);
            copy.setMinWidth(Region.USE_PREF_SIZE);
            copy.setTooltip(new Tooltip("Copy the command"));
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(s.command());
                Clipboard.getSystemClipboard().setContent(content);
                copy.setText("Copied");
            });
            HBox line = new HBox(8, command, copy);
            line.setAlignment(Pos.CENTER_LEFT);
            step.getChildren().add(line);
        }
        if (s.expected() != null) {
            step.getChildren().add(Controls.muted("Expect: " + s.expected()));
        }
        return step;
    }
}
