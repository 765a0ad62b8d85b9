package dev.sitrep.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes an export or report to a new file only, never over one (the CLI's {@code --to}, the console's Export). */
public final class NewFile {

    private NewFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code to}, which must not exist; answers the bytes written. */
    public static long write(Path to, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(to, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw SitrepException.invalid(to + " already exists and was left as it is; give a new file name with "
                    + SitrepException.input("to") + ".");
        } catch (NoSuchFileException e) {
            throw SitrepException.invalid("Cannot write " + to + ": its folder does not exist; create it or give "
                    + "another file (" + SitrepException.input("to") + ").");
        } catch (IOException e) {
            throw new SitrepException(SitrepException.Kind.FAILURE, "Cannot write " + to + ": " + e.getMessage(), e);
        }
        return bytes.length;
    }
}
