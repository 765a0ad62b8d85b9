package dev.sitrep.ui.common;

import dev.sitrep.core.SitrepException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a file in the program the operating system chooses for it: {@code xdg-open} on Linux,
 * {@code open} on macOS, {@code start} on Windows. Tests pass a fake that records the path.
 * Safe off the FX thread.
 */
@FunctionalInterface
public interface SystemViewer {

    void open(Path file);

    static SystemViewer system() {
        return file -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command = os.contains("win") ? List.of("cmd", "/c", "start", "\"\"", file.toString())
                    : os.contains("mac") ? List.of("open", file.toString()) : List.of("xdg-open", file.toString());
            try {
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw SitrepException.invalid("Could not open " + file.getFileName() + " with '" + command.get(0)
                        + "' (" + e.getMessage() + "). The copy is at " + file + "; open it by hand.");
            }
        };
    }
}
