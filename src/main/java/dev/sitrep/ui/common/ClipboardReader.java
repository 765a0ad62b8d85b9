package dev.sitrep.ui.common;

import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the clipboard holds: files, an image or text. The system clipboard in the app, a fake in tests. FX thread. */
public interface ClipboardReader {

    List<Path> files();

    Optional<Image> image();

    Optional<String> text();

    static ClipboardReader system() {
        return new ClipboardReader() {
            @Override
            public List<Path> files() {
                Clipboard c = Clipboard.getSystemClipboard();
                return c.hasFiles() ? c.getFiles().stream().map(File::toPath).toList() : List.of();
            }

            @Override
            public Optional<Image> image() {
                Clipboard c = Clipboard.getSystemClipboard();
                return c.hasImage() ? Optional.ofNullable(c.getImage()) : Optional.empty();
            }

            @Override
            public Optional<String> text() {
                Clipboard c = Clipboard.getSystemClipboard();
                return c.hasString() ? Optional.ofNullable(c.getString()) : Optional.empty();
            }
        };
    }
}
