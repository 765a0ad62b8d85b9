package dev.sitrep.ui.evidence;

import dev.sitrep.ui.common.Messages;
import atlantafx.base.theme.Styles;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeInput;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The small forms over the Evidence page: a note, command output, a snapshot, a removal, a timeline entry. */
final class CaptureSheets {

    private CaptureSheets() {
    }

    static Node note(EvidenceViewModel model, Runnable close) {
        TextField name = field("noteName", "Name (optional: the first words are used)");
        TextArea text = area("noteText", "What you saw, heard or were told, in your own words");
        return sheet("Add a note", "Kept as evidence: hashed, on the timeline, in the custody log.", close, () -> {
            if (text.getText().isBlank()) {
                return false;
            }
            model.addNote(name.getText(), text.getText());
            return true;
        }, "Write the note first.", name, text);
    }

    static Node commandOutput(EvidenceViewModel model, Runnable close) {
        TextField command = field("commandText", "The command, e.g. kubectl get pods -n checkout");
        command.getStyleClass().add("mono");
        TextArea output = area("commandOutput", "Paste what it printed");
        output.getStyleClass().add("mono");
        return sheet("Add command output", "Kept with the command that printed it; scanned for secrets.", close, () -> {
            if (command.getText().isBlank() || output.getText().isEmpty()) {
                return false;
            }
            model.addCommandOutput(command.getText(), output.getText());
            return true;
        }, "Give the command and paste its output.", command, output);
    }

    static Node snapshot(EvidenceViewModel model, List<PlatformProfile> platforms, Runnable close) {
        ComboBox<PlatformProfile> platform = new ComboBox<>();
        platform.setId("snapshotPlatform");
        platform.getItems().setAll(platforms);
        platform.setConverter(Converters.showing(p -> p.name() + " (" + p.kind().key() + ", " + p.url() + ")"));
        platform.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> path = new ComboBox<>();
        path.setId("snapshotPath");
        path.setEditable(true);
        path.setMaxWidth(Double.MAX_VALUE);
        platform.valueProperty().addListener((obs, was, now) -> {
            path.getItems().setAll(now == null ? List.of() : EvidenceViewModel.statusPaths(now));
            path.setValue(path.getItems().isEmpty() ? "" : path.getItems().get(0));
        });
        if (!platforms.isEmpty()) {
            platform.setValue(platforms.get(0));
        }
        String help = platforms.isEmpty() ? "No platform reached over HTTP is configured; add one in Settings."
                : "Calls it now (GET, no credentials) and keeps the status, the headers without secrets, and the body.";
        return sheet("Snapshot a platform endpoint", help, close, () -> {
            String p = path.getEditor().getText();
            if (platform.getValue() == null || p == null || p.isBlank()) {
                return false;
            }
            model.snapshot(platform.getValue(), p.strip());
            return true;
        }, "Choose the platform and the call.", platform, path);
    }

    static Node remove(EvidenceViewModel model, EvidenceItem item, Runnable close) {
        TextField reason = field("removeReason", "Why (required; kept with the item and on the audit chain)");
        return sheet("Remove " + item.name(), "A removal is a tombstone: the bytes and the custody stay, the item is "
                + "marked removed with who, when and why.", close, () -> {
                    if (reason.getText().isBlank()) {
                        return false;
                    }
                    model.remove(reason.getText());
                    return true;
                }, "Say why it is removed.", reason);
    }

    static Node timeline(EvidenceViewModel model, EvidenceItem item, Clock clock, ZoneId zone, Runnable close) {
        TextField caption = field("timelineCaption", "What it shows, e.g. p99 latency crossed 4 s");
        TextField at = field("timelineAt", "When it shows it: 14:20, 14:20 UTC, 2026-11-22T14:20Z");
        at.setText(item.capturedAt().toString());
        return sheet("Add to the timeline", "Puts " + item.name() + " on the incident's timeline at the moment it shows, "
                + "for the postmortem to cite.", close, () -> {
                    if (caption.getText().isBlank()) {
                        return false;
                    }
                    Instant when;
                    try {
                        when = TimeInput.parse(at.getText(), clock, zone);
                    } catch (SitrepException e) {
                        caption.getProperties().put("error", Messages.of(e));
                        return false;
                    }
                    model.addToTimeline(caption.getText(), when);
                    return true;
                }, "Give a caption and a time (14:20, or 2026-11-22T14:20Z).", caption, at);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    private static TextArea area(String id, String prompt) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(prompt);
        a.setPrefRowCount(10);
        return a;
    }

    /** Title, help, fields, an error line, and Add (Ctrl+Enter in text areas) / Cancel (Esc). */
    private static Node sheet(String titleText, String help, Runnable close, BooleanSupplier apply, String missing,
                              Node... fields) {
        VBox sheet = new VBox(10);
        sheet.getStyleClass().add("declare-sheet");
        sheet.setId("evidenceSheet");
        sheet.setMaxWidth(720);
        sheet.setMaxHeight(VBox.USE_PREF_SIZE);
        Label title = new Label(titleText);
        title.getStyleClass().add(Styles.TITLE_4);
        Label error = new Label();
        error.setId("sheetError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        Button ok = new Button("Add (Ctrl+Enter)");
        ok.setId("sheetApply");
        ok.getStyleClass().add(Styles.ACCENT);
        ok.setDefaultButton(!(fields.length > 0 && fields[fields.length - 1] instanceof TextArea));
        Runnable submit = () -> {
            if (apply.getAsBoolean()) {
                close.run();
            } else {
                Object said = fields[0].getProperties().remove("error");
                error.setText(said != null ? said.toString() : missing);
            }
        };
        ok.setOnAction(e -> submit.run());
        Button cancel = new Button("Cancel (Esc)");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        sheet.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                submit.run();
                e.consume();
            }
        });
        HBox buttons = new HBox(10, ok, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        sheet.getChildren().addAll(title, Controls.muted(help));
        sheet.getChildren().addAll(fields);
        sheet.getChildren().addAll(error, buttons);
        return sheet;
    }
}
