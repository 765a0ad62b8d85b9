package dev.sitrep.ui.common;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The operating system's file and folder choosers; tests pass a fake that answers at once. Call on the FX thread. */
public interface FilePicker {

    /** Files chosen (none when cancelled). */
    List<Path> files(Window owner, String title);

    Optional<Path> folder(Window owner, String title);

    /** One file, offered through {@code filters} (the first chosen at the start); empty when cancelled. */
    Optional<Path> file(Window owner, String title, List<FileChooser.ExtensionFilter> filters);

    /** Where to write a new file, starting from {@code suggested}; empty when cancelled. */
    Optional<Path> saveAs(Window owner, String title, String suggested);

    static FilePicker system() {
        return new FilePicker() {
            @Override
            public List<Path> files(Window owner, String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                List<File> chosen = chooser.showOpenMultipleDialog(owner);
                return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
            }

            @Override
            public Optional<Path> folder(Window owner, String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> file(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().addAll(filters);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> saveAs(Window owner, String title, String suggested) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggested);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }
        };
    }
}
