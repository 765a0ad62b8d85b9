package dev.sitrep.runbook.importer;

/**
 * One line of the source that the importer could not map, or changed on the way in.
 *
 * @param line   1-based line of the source it came from
 * @param reason why, and where the text went (one line)
 * @param text   the text as it stood in the source (after repair), possibly empty
 */
public record ImportNote(int line, String reason, String text) {

    public ImportNote {
        line = Math.max(1, line);
        reason = reason == null ? "" : reason;
        text = text == null ? "" : text;
    }

    /** {@code line 12: reason: text}, the text shortened to {@code max} characters. */
    public String describe(int max) {
        String shown = text.length() > max ? text.substring(0, Math.max(0, max - 1)) + "\u2026" : text;
        return "line " + line + ": " + reason + (shown.isEmpty() ? "" : ": " + shown);
    }
}
