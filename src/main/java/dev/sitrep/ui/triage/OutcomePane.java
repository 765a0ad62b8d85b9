package dev.sitrep.ui.triage;

import atlantafx.base.theme.Styles;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Icons;
import dev.sitrep.ui.common.SeverityStyle;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Where the triage ended: the severity with its definition, the kill-switch proposal, sections, contacts, and Declare / Apply. */
final class OutcomePane extends VBox {

    OutcomePane(TriageViewModel model) {
        super(14);
        setId("triageOutcome");
        Label chip = new Label();
        chip.setId("triageSeverity");
        chip.getStyleClass().addAll("severity-chip", "triage-severity");
        chip.textProperty().bind(model.severityProperty());
        TriageView.shownWhen(chip, model.severityProperty().isNotEmpty());
        model.severityProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty() && model.scale() != null) {
                SeverityStyle.apply(chip, model.scale(), now);
            }
        });
        Label title = new Label();
        title.setId("triageOutcomeTitle");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        title.textProperty().bind(model.outcomeTitleProperty());
        HBox head = new HBox(14, chip, title);
        head.setAlignment(Pos.CENTER_LEFT);
        Label definition = Controls.muted("");
        definition.textProperty().bind(model.severityDefinitionProperty());
        Label unsure = new Label();
        unsure.getStyleClass().add("watch-banner");
        unsure.setWrapText(true);
        unsure.textProperty().bind(model.unsureNoteProperty());
        TriageView.shownWhen(unsure, model.unsureNoteProperty().isNotEmpty());

        Label proposal = new Label("This outcome proposes the kill switch: stop the platform's new automated work now, "
                + "then follow the sections below.");
        proposal.setWrapText(true);
        Button kill = new Button("Open kill switch…", Icons.of(Feather.POWER));
        kill.setId("triageKillSwitch");
        kill.getStyleClass().add(Styles.DANGER);
        kill.setOnAction(e -> model.proposeKillSwitch());
        VBox killBox = new VBox(8, proposal, kill);
        killBox.getStyleClass().add("kill-proposal");
        TriageView.shownWhen(killBox, model.proposeKillSwitchProperty());

        // With an incident open, applying to it is the default (Enter); declaring a new one is still there (D).
        Button declare = new Button("", Icons.of(Feather.PLUS));
        declare.setId("triageDeclare");
        declare.textProperty().bind(Bindings.when(model.applyTargetProperty().isNull())
                .then("Declare incident (Enter)").otherwise("Declare a new incident (D)"));
        declare.setOnAction(e -> model.declare());
        Button apply = new Button();
        apply.setId("triageApply");
        apply.textProperty().bind(Bindings.createStringBinding(() -> model.applyTargetProperty().get() == null ? ""
                : "Apply to " + model.applyTargetProperty().get() + " (Enter)", model.applyTargetProperty()));
        TriageView.shownWhen(apply, model.applyTargetProperty().isNotNull());
        apply.getStyleClass().add(Styles.ACCENT);
        Runnable accent = () -> {
            declare.getStyleClass().remove(Styles.ACCENT);
            if (model.applyTargetProperty().get() == null) {
                declare.getStyleClass().add(Styles.ACCENT);
            }
        };
        model.applyTargetProperty().addListener((obs, was, now) -> accent.run());
        accent.run();
        apply.setOnAction(e -> model.applyTo(model.applyTargetProperty().get()));
        declare.disableProperty().bind(model.status().busyProperty());
        apply.disableProperty().bind(model.status().busyProperty());
        Label applied = new Label();
        applied.setId("triageApplied");
        applied.setWrapText(true);
        applied.getStyleClass().add(Styles.SUCCESS);
        applied.textProperty().bind(model.appliedProperty());
        TriageView.shownWhen(applied, model.appliedProperty().isNotEmpty());

        getChildren().addAll(head, definition, unsure, killBox,
                list("What to do", model.actionLines(), null),
                list("Sections (opened as checklists on the incident)", model.sections(), null),
                list("Escalation contacts", model.contacts(), "No contacts filled in yet: 'sitrep runbook export "
                        + "contacts', fill in your team's names, and drop the file in <data-dir>/runbooks."),
                new HBox(12, declare, apply), applied);
    }

    private static VBox list(String heading, ObservableList<String> items, String whenEmpty) {
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_4);
        VBox lines = new VBox(4);
        Runnable fill = () -> {
            lines.getChildren().setAll(items.stream().map(s -> (javafx.scene.Node) bullet(s)).toList());
            if (items.isEmpty() && whenEmpty != null) {
                lines.getChildren().add(Controls.muted(whenEmpty));
            }
        };
        items.addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        VBox box = new VBox(6, title, lines);
        if (whenEmpty == null) {
            TriageView.shownWhen(box, Bindings.isNotEmpty(items));
        }
        return box;
    }

    private static Label bullet(String text) {
        Label l = new Label("•  " + text);
        l.setWrapText(true);
        return l;
    }
}
