package dev.sitrep.ui.board;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Role;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A small sheet from a card: change the severity (with a reason), the status, or name someone to a role. */
final class QuickChangeSheet extends VBox {

    enum Kind { SEVERITY, STATUS, ROLE }

    QuickChangeSheet(BoardViewModel model, Incident incident, Kind kind, Runnable close) {
        super(12);
        setId("quickChange");
        getStyleClass().add("declare-sheet");
        setMaxWidth(560);
        setMaxHeight(USE_PREF_SIZE);
        Label title = new Label(switch (kind) {
            case SEVERITY -> "Change severity";
            case STATUS -> "Change status";
            case ROLE -> "Assign a role";
        } + " · " + incident.id());
        title.getStyleClass().add(Styles.TITLE_4);
        Label what = Controls.muted(incident.severity() + " · " + incident.status().key() + " · " + incident.title());
        TextField value = new TextField();
        TextField reason = new TextField();
        reason.setId("quickReason");
        reason.setPromptText(kind == Kind.SEVERITY ? "Reason (required; goes on the timeline)" : "Reason (optional)");
        ComboBox<SeverityLevel> level = new ComboBox<>();
        ComboBox<IncidentStatus> status = new ComboBox<>();
        ComboBox<Role> role = new ComboBox<>();
        VBox body = new VBox(8, title, what);
        switch (kind) {
            case SEVERITY -> {
                level.getItems().setAll(model.scaleProperty().get().levels().stream()
                        .filter(l -> !l.code().equals(incident.severity())).toList());
                level.setConverter(Converters.showing(l -> l.code() + ": " + l.criteria()));
                level.setId("quickSeverity");
                level.setMaxWidth(Double.MAX_VALUE);
                body.getChildren().addAll(level, reason);
            }
            case STATUS -> {
                status.getItems().setAll(BoardViewModel.nextStatuses(incident));
                status.setConverter(Converters.showing(IncidentStatus::key));
                status.setId("quickStatus");
                status.setMaxWidth(Double.MAX_VALUE);
                body.getChildren().addAll(status, reason);
            }
            case ROLE -> {
                role.getItems().setAll(Role.values());
                role.setConverter(Converters.showing(Role::label));
                role.setId("quickRole");
                role.setValue(Role.COMMANDER);
                role.setMaxWidth(Double.MAX_VALUE);
                value.setId("quickName");
                value.setPromptText("Name");
                value.setText(incident.commander() == null ? "" : incident.commander());
                role.setOnAction(e -> value.setText(role.getValue() == Role.RESPONDER ? ""
                        : java.util.Objects.toString(incident.roles().get(role.getValue()), "")));
                body.getChildren().addAll(role, value);
            }
        }
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        Button apply = new Button("Apply (Enter)");
        apply.setId("quickApply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(true);
        Button cancel = new Button("Cancel (Esc)");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        apply.setOnAction(e -> {
            switch (kind) {
                case SEVERITY -> {
                    if (level.getValue() == null || reason.getText().isBlank()) {
                        error.setText("Pick the new severity and say why: the reason goes on the timeline.");
                        return;
                    }
                    model.changeSeverity(incident, level.getValue().code(), reason.getText());
                }
                case STATUS -> {
                    if (status.getValue() == null) {
                        error.setText("Pick the new status.");
                        return;
                    }
                    model.changeStatus(incident, status.getValue(), reason.getText());
                }
                case ROLE -> {
                    if (role.getValue() == null || value.getText().isBlank()) {
                        error.setText("Pick the role and give the name.");
                        return;
                    }
                    model.assign(incident, role.getValue(), value.getText());
                }
            }
            close.run();
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
        HBox buttons = new HBox(10, apply, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(body, error, buttons);
    }
}
