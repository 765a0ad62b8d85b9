package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes what a command produced to the file named by {@code --to}: a new file only, never over one. */
final class NewFile {

    private NewFile() {
    }

    /** Writes {@code text} as UTF-8 and prints {@code Wrote FILE (N bytes)}. */
    static void write(Path to, String text, PrintWriter out) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(to, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw SitrepException.invalid(to + " already exists and was left as it is; give a new file name with --to.");
        } catch (NoSuchFileException e) {
            throw SitrepException.invalid("Cannot write " + to + ": its folder does not exist; create it or give "
                    + "another --to.");
        } catch (IOException e) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "Cannot write " + to + ": " + e.getMessage(), e);
        }
        out.println("Wrote " + to + " (" + bytes.length + " bytes)");
    }
}
