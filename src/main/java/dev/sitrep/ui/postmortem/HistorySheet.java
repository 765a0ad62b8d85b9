package dev.sitrep.ui.postmortem;

import atlantafx.base.theme.Styles;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.postmortem.TextDiff;
import dev.sitrep.ui.common.Controls;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The revision history: each saved version, compared line by line with the editor's text, and restored. */
final class HistorySheet extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** The changed lines with two unchanged lines around each change; longer unchanged runs are one "…" line. */
    static List<TextDiff.Line> withContext(List<TextDiff.Line> lines) {
        List<TextDiff.Line> out = new java.util.ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < lines.size(); i++) {
            boolean near = false;
            for (int k = Math.max(0, i - 2); k <= Math.min(lines.size() - 1, i + 2) && !near; k++) {
                near = lines.get(k).kind() != TextDiff.Kind.SAME;
            }
            if (near) {
                if (skipped > 0) {
                    out.add(new TextDiff.Line(TextDiff.Kind.SAME, "… " + skipped + " unchanged line"
                            + (skipped == 1 ? "" : "s") + " …"));
                    skipped = 0;
                }
                out.add(lines.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0) {
            out.add(new TextDiff.Line(TextDiff.Kind.SAME, "… " + skipped + " unchanged line" + (skipped == 1 ? "" : "s")
                    + " …"));
        }
        return out;
    }

    HistorySheet(PostmortemViewModel model, Runnable close) {
        super(10);
        setId("historySheet");
        getStyleClass().add("declare-sheet");
        setMaxWidth(900);
        setMaxHeight(640);
        Label title = new Label("Revision history");
        title.getStyleClass().add(Styles.TITLE_4);
        ListView<Postmortems.RevisionInfo> revisions = new ListView<>(model.revisions());
        revisions.setId("revisionList");
        revisions.setPrefHeight(180);
        revisions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Postmortems.RevisionInfo r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : WHEN.format(r.savedAt()) + " UTC · " + r.savedBy() + " · "
                        + r.reason() + " · version " + r.version());
            }
        });
        ListView<TextDiff.Line> diff = new ListView<>();
        diff.setId("revisionDiff");
        diff.setPrefHeight(300);
        diff.setPlaceholder(Controls.muted("Choose a revision and Compare: lines only in it are marked −, lines only "
                + "in the editor now +."));
        diff.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TextDiff.Line line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-added", "diff-removed");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(switch (line.kind()) {
                    case SAME -> "  " + line.text();
                    case ADDED -> "+ " + line.text();
                    case REMOVED -> "− " + line.text();
                });
                if (line.kind() != TextDiff.Kind.SAME) {
                    getStyleClass().add(line.kind() == TextDiff.Kind.ADDED ? "diff-added" : "diff-removed");
                }
            }
        });
        diff.getStyleClass().add("mono");
        diff.setFixedCellSize(22);
        Button compare = new Button("Compare with the editor");
        compare.setId("compareRevision");
        compare.disableProperty().bind(revisions.getSelectionModel().selectedItemProperty().isNull());
        compare.setOnAction(e -> model.compare(revisions.getSelectionModel().getSelectedItem(), lines -> {
            List<TextDiff.Line> changed = lines.stream().filter(l -> l.kind() != TextDiff.Kind.SAME).toList();
            diff.getItems().setAll(changed.isEmpty() ? List.of(new TextDiff.Line(TextDiff.Kind.SAME,
                    "No difference from the editor.")) : withContext(lines));
        }));
        Button restore = new Button("Restore this version");
        restore.setId("restoreRevision");
        restore.disableProperty().bind(revisions.getSelectionModel().selectedItemProperty().isNull());
        restore.setOnAction(e -> {
            model.restore(revisions.getSelectionModel().getSelectedItem());
            close.run();
        });
        Button done = new Button("Close (Esc)");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
        HBox buttons = new HBox(10, compare, restore, done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, Controls.muted("Autosaves keep a version a minute; every other save keeps one. "
                + "Restoring makes a new version: nothing is lost."), revisions, diff, buttons);
        model.loadRevisions();
    }
}
