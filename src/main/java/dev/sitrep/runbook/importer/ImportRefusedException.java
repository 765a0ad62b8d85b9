package dev.sitrep.runbook.importer;

import dev.sitrep.core.SitrepException;

/**
 * The source cannot be imported at all (too big, binary, empty). The message reads
 * {@code FILE:LINE: what is wrong; what to do}, one line, so the CLI prints it as it is and the
 * console shows it beside the file.
 */
public final class ImportRefusedException extends SitrepException {

    private final String file;
    private final int line;
    private final String reason;

    ImportRefusedException(String file, int line, String reason) {
        super(Kind.INVALID_INPUT, file + ":" + Math.max(1, line) + ": " + reason);
        this.file = file;
        this.line = Math.max(1, line);
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line of the problem; 1 for the whole file. */
    public int line() {
        return line;
    }

    /** The message without the file and line. */
    public String reason() {
        return reason;
    }
}
