package dev.sitrep.runbook;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file: every check adds what it finds, nothing stops at the first. */
final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, String message) {
        found.add(new Problem(file, Math.max(1, line), message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int size() {
        return found.size();
    }

    /** What was found, by line (stable for equal lines). */
    List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(found);
        out.sort(null);
        return List.copyOf(out);
    }
}
