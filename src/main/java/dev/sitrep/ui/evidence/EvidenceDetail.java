package dev.sitrep.ui.evidence;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.ByteSize;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.evidence.SecretScanner;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.TextClipboard;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * The chosen item: its facts (full SHA-256, copyable), its preview (image or text), the secrets
 * found in it, what it can be done with, and its custody from the audit chain.
 */
final class EvidenceDetail extends ScrollPane {

    /** What the buttons under the preview do. */
    record Actions(Runnable open, Runnable addToTimeline, Runnable redactedCopy, Runnable remove) {
    }

    private final VBox box = new VBox(12);
    private final Function<EvidenceItem, Path> blob;
    private final ZoneId zone;
    private final Actions actions;
    private final TextClipboard clipboard;

    EvidenceDetail(EvidenceViewModel model, Function<EvidenceItem, Path> blob, ZoneId zone, Actions actions,
                   TextClipboard clipboard) {
        this.blob = blob;
        this.zone = zone;
        this.actions = actions;
        this.clipboard = clipboard;
        setId("evidenceDetail");
        setFitToWidth(true);
        box.setPadding(new Insets(4, 12, 12, 12));
        setContent(box);
        model.detailProperty().addListener((obs, was, now) -> show(now));
        show(null);
    }

    private void show(EvidenceViewModel.Detail d) {
        if (d == null) {
            Label none = Controls.muted("Choose an item to see its preview, its hash and its custody. Drop files on the "
                    + "list, or use the buttons above, to add evidence.");
            box.getChildren().setAll(none);
            return;
        }
        EvidenceItem item = d.item();
        Label title = new Label(item.name());
        title.setId("detailName");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        box.getChildren().setAll(title);
        if (item.removed()) {
            Label removed = new Label("REMOVED " + TimeFormat.stamp(item.removedAt(), zone) + " by " + item.removedBy()
                    + ": " + item.removedReason() + ". The bytes and the custody are kept.");
            removed.getStyleClass().add("evidence-removed");
            removed.setWrapText(true);
            box.getChildren().add(removed);
        }
        box.getChildren().add(facts(d));
        if (!d.secrets().isEmpty()) {
            box.getChildren().add(secrets(d));
        }
        box.getChildren().add(buttons(item));
        box.getChildren().add(preview(d));
        box.getChildren().add(custody(d));
    }

    private GridPane facts(EvidenceViewModel.Detail d) {
        EvidenceItem item = d.item();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int row = 0;
        TextField hash = new TextField(item.sha256());
        hash.setId("detailHash");
        hash.setEditable(false);
        hash.getStyleClass().add("mono");
        hash.setPrefColumnCount(40);
        Button copy = new Button("Copy");
        copy.setOnAction(e -> clipboard.put(item.sha256()));
        HBox hashRow = new HBox(6, hash, copy);
        HBox.setHgrow(hash, Priority.ALWAYS);
        grid.addRow(row++, Controls.fieldLabel("SHA-256"), hashRow);
        grid.addRow(row++, Controls.fieldLabel("Kind"), new Label(item.kind().key().replace('_', ' ') + " · "
                + item.mediaType() + " · " + ByteSize.format(item.size())));
        grid.addRow(row++, Controls.fieldLabel("Captured"), new Label(TimeFormat.stamp(item.capturedAt(), zone) + " by "
                + item.capturedBy()));
        if (item.source() != null) {
            Label source = new Label(item.source());
            source.setWrapText(true);
            grid.addRow(row++, Controls.fieldLabel("Source"), source);
        }
        if (item.description() != null) {
            Label about = new Label(item.description());
            about.setWrapText(true);
            grid.addRow(row++, Controls.fieldLabel("About"), about);
        }
        if (!item.tags().isEmpty()) {
            grid.addRow(row++, Controls.fieldLabel("Tags"), new Label("#" + String.join(" #", item.tags())));
        }
        if (d.derivedFrom() != null) {
            grid.addRow(row, Controls.fieldLabel("Derived"), new Label("Redacted copy of " + d.derivedFrom().name()
                    + " (secrets masked; the original is unchanged)"));
        }
        return grid;
    }

    private VBox secrets(EvidenceViewModel.Detail d) {
        Label head = new Label("Looks like " + d.secrets().size() + " secret" + (d.secrets().size() == 1 ? "" : "s")
                + " in this text: think twice before sharing it.");
        head.setWrapText(true);
        head.getStyleClass().add("evidence-secret-head");
        VBox list = new VBox(2, head);
        for (SecretScanner.Finding f : d.secrets().subList(0, Math.min(8, d.secrets().size()))) {
            Label line = new Label("line " + f.line() + ": " + f.kind() + "  " + f.masked());
            line.getStyleClass().add("mono");
            line.setWrapText(true);
            list.getChildren().add(line);
        }
        if (d.item().derivedFrom() == null) {
            Button copy = new Button("Add redacted copy");
            copy.setId("redactedCopy");
            copy.setOnAction(e -> actions.redactedCopy().run());
            list.getChildren().add(copy);
        }
        list.setId("secretsFound");
        list.getStyleClass().add("evidence-secrets");
        return list;
    }

    private HBox buttons(EvidenceItem item) {
        Button open = new Button("Open in viewer");
        open.setId("openInViewer");
        open.setOnAction(e -> actions.open().run());
        Button timeline = new Button("Add to timeline…");
        timeline.setId("addToTimeline");
        timeline.setOnAction(e -> actions.addToTimeline().run());
        Button remove = new Button("Remove…");
        remove.setId("removeEvidence");
        remove.setDisable(item.removed());
        remove.setOnAction(e -> actions.remove().run());
        return new HBox(8, open, timeline, remove);
    }

    private VBox preview(EvidenceViewModel.Detail d) {
        EvidenceItem item = d.item();
        VBox preview = new VBox(4);
        preview.setId("evidencePreview");
        if (EvidenceViewModel.isImage(item) && item.size() <= (32L << 20)) {
            ImageView image = new ImageView(new Image(blob.apply(item).toUri().toString(), 0, 0, true, true, true));
            image.setPreserveRatio(true);
            image.fitWidthProperty().bind(widthProperty().subtract(40));
            image.setSmooth(true);
            preview.getChildren().add(image);
        } else if (d.hasText()) {
            TextArea text = new TextArea(d.text());
            text.setId("previewText");
            text.setEditable(false);
            text.setWrapText(false);
            text.getStyleClass().add("mono");
            text.setPrefRowCount(Math.min(18, Math.max(4, (int) d.text().lines().count())));
            preview.getChildren().add(text);
            if (d.textCut()) {
                preview.getChildren().add(Controls.muted("The first " + EvidenceViewModel.PREVIEW_CHARS / 1024
                        + " KiB are shown; open it in the viewer for the rest."));
            }
        } else {
            preview.getChildren().add(Controls.muted("No preview for " + item.mediaType() + "; open it in the viewer."));
        }
        return preview;
    }

    private VBox custody(EvidenceViewModel.Detail d) {
        Label head = new Label("Custody (audit chain)");
        head.getStyleClass().add(Styles.TEXT_BOLD);
        VBox list = new VBox(3, head);
        list.setId("custody");
        for (AuditEntry a : d.custody()) {
            Label line = new Label("#" + a.seq() + "  " + TimeFormat.stamp(a.at(), zone) + "  " + a.action() + " by "
                    + a.actor() + (a.reason() == null ? "" : " · " + a.reason()));
            line.setWrapText(true);
            line.getStyleClass().add("custody-line");
            list.getChildren().add(line);
        }
        list.getChildren().add(Controls.muted("Each line is an entry of the tamper-evident audit chain; "
                + "'sitrep audit verify' checks the whole chain."));
        return list;
    }
}
