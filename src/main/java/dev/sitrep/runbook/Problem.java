package dev.sitrep.runbook;

/**
 * One thing wrong with a runbook file, located so an editor can jump to it. Reads
 * {@code runbooks/ai-triage.json:42: answer "Yes" leads to node "sec-check" which does not exist; ...}.
 *
 * @param file    the file as the person named it (a path, or {@code runbooks/NAME.json} for a built-in)
 * @param line    1-based line; 1 for problems of the whole file
 * @param message the problem and its fix, one line
 */
public record Problem(String file, int line, String message) implements Comparable<Problem> {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byFile = file.compareTo(other.file);
        return byFile != 0 ? byFile : Integer.compare(line, other.line);
    }
}
