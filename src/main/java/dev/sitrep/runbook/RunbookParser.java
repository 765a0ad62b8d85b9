package dev.sitrep.runbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads one runbook file and checks everything that can be checked without the other runbooks:
 * size, JSON syntax, version, keys and types, ids, references inside the file, the triage
 * tree's shape, severities and the "not sure" rule. Every problem is collected and located.
 */
public final class RunbookParser {

    /** Files above this size are refused before they are read. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    /**
     * A file as read: the runbook (absent when the file is not a readable runbook at all) and its
     * problems, by line. A runbook with problems is never used.
     */
    public record Parsed(Runbook runbook, List<Problem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return runbook != null && problems.isEmpty();
        }
    }

    private RunbookParser() {
    }

    /** Parses {@code bytes}; {@code file} is how problems name the file. */
    public static Parsed parse(String file, byte[] bytes) {
        Problems problems = new Problems(file);
        if (bytes.length > MAX_BYTES) {
            problems.add(1, tooBig(bytes.length));
            return new Parsed(null, problems.sorted());
        }
        JsonTree tree = JsonTreeReader.read(bytes, problems);
        Runbook runbook = tree == null ? null : RunbookReader.read(tree, problems);
        if (runbook != null) {
            RunbookChecker.check(runbook, problems);
        }
        return new Parsed(runbook, problems.sorted());
    }

    /** Reads and parses the file at {@code path}; {@code file} is how problems name it. */
    public static Parsed read(Path path, String file) {
        Problems problems = new Problems(file);
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                problems.add(1, tooBig(size));
                return new Parsed(null, problems.sorted());
            }
            return parse(file, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            problems.add(1, "does not exist; check the path");
        } catch (IOException e) {
            problems.add(1, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); check that it is a readable file");
        }
        return new Parsed(null, problems.sorted());
    }

    private static String tooBig(long size) {
        return String.format(Locale.ROOT, "is %.1f MB; a runbook may be %d MB at most: split it into several runbooks "
                + "that refer to each other with \"runbook#section\"", size / (1024.0 * 1024), MAX_BYTES / (1024 * 1024));
    }
}
