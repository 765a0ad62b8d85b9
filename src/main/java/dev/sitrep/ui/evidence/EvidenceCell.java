package dev.sitrep.ui.evidence;

import dev.sitrep.core.ByteSize;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One item in the evidence list: a thumbnail (images) or the kind's icon, the name, what it is,
 * when and by whom, and the start of its SHA-256; removed items are struck through with the reason.
 */
final class EvidenceCell extends ListCell<EvidenceItem> {

    private static final int THUMB = 56;
    /** Thumbnails already decoded, by hash (the same screenshot twice is decoded once). */
    private static final Map<String, Image> THUMBNAILS = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > 200;
        }
    };

    private final Function<EvidenceItem, Path> blob;
    private final StackPane thumb = new StackPane();
    private final Label name = new Label();
    private final Label meta = new Label();
    private final Label hash = new Label();
    private final HBox row;

    EvidenceCell(Function<EvidenceItem, Path> blob) {
        this.blob = blob;
        thumb.setMinSize(THUMB, THUMB);
        thumb.setMaxSize(THUMB, THUMB);
        thumb.getStyleClass().add("evidence-thumb");
        name.getStyleClass().add("evidence-name");
        meta.getStyleClass().add("evidence-meta");
        hash.getStyleClass().addAll("mono", "evidence-hash");
        VBox text = new VBox(2, name, meta, hash);
        row = new HBox(10, thumb, text);
        row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(EvidenceItem item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        name.setText(item.name());
        name.getStyleClass().remove("removed");
        if (item.removed()) {
            name.getStyleClass().add("removed");
        }
        meta.setText(item.kind().key().replace('_', ' ') + " · " + ByteSize.format(item.size()) + " · "
                + TimeFormat.utcTime(item.capturedAt()) + " by " + item.capturedBy()
                + (item.tags().isEmpty() ? "" : " · #" + String.join(" #", item.tags()))
                + (item.derivedFrom() != null ? " · redacted copy" : "")
                + (item.removed() ? " · REMOVED: " + item.removedReason() : ""));
        hash.setText("sha256 " + item.sha256().substring(0, 16) + "…");
        if (EvidenceViewModel.isImage(item) && item.size() <= (32L << 20)) {
            Image image = THUMBNAILS.computeIfAbsent(item.sha256(), h -> new Image(blob.apply(item).toUri().toString(),
                    THUMB, THUMB, true, true, true));
            ImageView view = new ImageView(image);
            thumb.getChildren().setAll(view);
        } else {
            thumb.getChildren().setAll(Icons.of(icon(item.kind()), 26));
        }
        setText(null);
        setGraphic(row);
    }

    static Ikon icon(EvidenceItem.Kind kind) {
        return switch (kind) {
            case FILE -> Feather.PAPERCLIP;
            case IMAGE -> Feather.IMAGE;
            case TEXT -> Feather.CLIPBOARD;
            case NOTE -> Feather.EDIT_3;
            case SCREENSHOT -> Feather.MONITOR;
            case ENDPOINT -> Feather.ACTIVITY;
            case COMMAND_OUTPUT -> Feather.TERMINAL;
        };
    }
}
