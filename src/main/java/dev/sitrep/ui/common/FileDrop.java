package dev.sitrep.ui.common;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files dropped onto a node (drag and drop from the file manager). The system one uses JavaFX's
 * drag events; a test installs a fake and drops paths itself (TestFX cannot drag from outside).
 */
@FunctionalInterface
public interface FileDrop {

    /** Makes {@code target} accept dropped files and hand them to {@code onFiles}. */
    void install(Node target, Consumer<List<Path>> onFiles);

    static FileDrop system() {
        return (target, onFiles) -> {
            target.addEventHandler(DragEvent.DRAG_OVER, e -> {
                if (e.getDragboard().hasFiles()) {
                    e.acceptTransferModes(TransferMode.COPY);
                    target.pseudoClassStateChanged(DROP_TARGET, true);
                }
                e.consume();
            });
            target.addEventHandler(DragEvent.DRAG_EXITED, e -> target.pseudoClassStateChanged(DROP_TARGET, false));
            target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
                boolean files = e.getDragboard().hasFiles();
                if (files) {
                    onFiles.accept(e.getDragboard().getFiles().stream().map(File::toPath).toList());
                }
                target.pseudoClassStateChanged(DROP_TARGET, false);
                e.setDropCompleted(files);
                e.consume();
            });
        };
    }

    /** Set on a node while files are dragged over it, for the stylesheet to highlight. */
    javafx.css.PseudoClass DROP_TARGET = javafx.css.PseudoClass.getPseudoClass("drop-target");
}
