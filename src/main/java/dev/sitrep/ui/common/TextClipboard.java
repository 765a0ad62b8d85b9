package dev.sitrep.ui.common;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Where "Copy" puts text: the system clipboard in the app, a fake in view-model tests. Call on the FX thread. */
@FunctionalInterface
public interface TextClipboard {

    void put(String text);

    static TextClipboard system() {
        return text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        };
    }
}
