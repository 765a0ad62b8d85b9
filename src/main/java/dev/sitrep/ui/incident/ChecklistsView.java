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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incident's checklists: tick a step (who and when go on the timeline), copy its command in one click.
 * A tick changes its row in place: every row keeps its place and height (the "done at, by" line is
 * reserved), so a second quick click lands on the step it was aimed at.
 */
public final class ChecklistsView extends ScrollPane {

    private final ChecklistViewModel model;
    private final VBox box = new VBox(18);
    private final VBox lists = new VBox(18);
    /** What is on screen, by checklist id, to update in place while the same checklists and steps are shown. */
    private final Map<String, Shown> shown = new LinkedHashMap<>();

    /** One checklist on screen: its progress line and a row per step. */
    private record Shown(Label progress, List<StepRow> steps) {
    }

    /** One step on screen: its tick box and the "done at, by" line under it (empty until done, never removed). */
    private record StepRow(CheckBox tick, Label done) {
    }

    public ChecklistsView(ChecklistViewModel model) {
        this.model = model;
        setId("checklists");
        setFitToWidth(true);
        getStyleClass().add("checklists");
        setContent(box);
        box.getStyleClass().add("checklist-box");
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.status().failureProperty());
        problem.managedProperty().bind(model.status().failureProperty().isNotEmpty());
        box.getChildren().addAll(problem, lists);
        model.checklists().addListener((javafx.collections.ListChangeListener<Checklist>) c -> show());
        show();
    }

    private void show() {
        List<Checklist> now = model.checklists();
        if (sameSteps(now)) {
            now.forEach(this::update);
            return;
        }
        shown.clear();
        lists.getChildren().clear();
        if (now.isEmpty()) {
            lists.getChildren().add(Controls.muted("No checklist yet. A triage outcome opens the sections it names "
                    + "here; each tick records who and when on the timeline."));
            return;
        }
        for (Checklist c : now) {
            Label title = new Label(c.title());
            title.getStyleClass().add(Styles.TITLE_4);
            Label progress = Controls.muted("");
            VBox steps = new VBox(10);
            List<StepRow> rows = new ArrayList<>();
            c.steps().forEach(s -> steps.getChildren().add(step(c, s, rows)));
            shown.put(c.id(), new Shown(progress, rows));
            lists.getChildren().add(new VBox(6, title, progress, steps));
            update(c);
        }
    }

    /** The same checklists with the same number of steps are on screen (only ticks changed). */
    private boolean sameSteps(List<Checklist> now) {
        return !now.isEmpty() && now.stream().map(Checklist::id).toList().equals(List.copyOf(shown.keySet()))
                && now.stream().allMatch(c -> shown.get(c.id()).steps().size() == c.steps().size());
    }

    private void update(Checklist c) {
        Shown on = shown.get(c.id());
        on.progress().setText(c.progress() + " · runbook " + c.runbook() + " · opened " + TimeFormat.utcTime(c.openedAt())
                + " by " + c.openedBy());
        for (Checklist.Step s : c.steps()) {
            StepRow row = on.steps().get(s.position() - 1);
            row.tick().setSelected(s.done());
            row.done().setText(s.done() ? "done " + TimeFormat.utcTime(s.doneAt()) + " by " + s.doneBy() : "");
        }
    }

    private VBox step(Checklist c, Checklist.Step s, List<StepRow> rows) {
        CheckBox tick = new CheckBox(s.position() + ". " + s.text());
        tick.setId("step-" + c.section() + "-" + s.position());
        tick.setWrapText(true);
        tick.setMnemonicParsing(false); // runbook text keeps its underscores (DISABLE_NEW)
        tick.setOnAction(e -> model.tick(c, s.position(), tick.isSelected()));
        Label done = Controls.muted("");
        done.setWrapText(false); // one line, always there: a tick does not move the rows below
        rows.add(new StepRow(tick, done));
        VBox step = new VBox(4, tick, done);
        step.getStyleClass().add("checklist-step");
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
