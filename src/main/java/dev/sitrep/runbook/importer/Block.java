package dev.sitrep.runbook.importer;

import java.util.List;

/** A piece of the source the {@link BlockScanner} recognised, with the line it starts on. */
sealed interface Block {

    int line();

    /**
     * A heading.
     *
     * @param level    1 (largest) to 6; for a plain heading the level {@link HeadingDetector#plainLevel} gives
     * @param explicit written as a Markdown heading ({@code #} or underlined), so its level is the author's
     */
    record Heading(int line, int level, String text, boolean explicit) implements Block {
    }

    /**
     * A list item with what belongs to it.
     *
     * @param command a command found in the lines under it (an indented line or a fenced block), or {@code null}
     * @param expect  an "Expect: ..." under it, or {@code null}
     */
    record Item(int line, boolean checkbox, String text, String command, String expect) implements Block {
    }

    /** Text; {@code leadIn} when it ends with a colon (it introduces what follows). */
    record Paragraph(int line, String text) implements Block {
        boolean leadIn() {
            return text.endsWith(":");
        }
    }

    /** A command to copy: a fenced or indented block, or a line that is obviously a shell command. */
    record Code(int line, String text, String language, boolean fenced) implements Block {
    }

    /** Rows of a table as written (cells not yet mapped). */
    record Table(int line, List<Row> rows, boolean separated) implements Block {
        record Row(int line, List<String> cells) {
        }
    }

    /** The lines of an ASCII decision tree. */
    record Tree(int line, List<Line> lines) implements Block {
    }

    /** {@code Expect: 200 OK}: what a good result looks like, for the step before. */
    record Expect(int line, String text) implements Block {
    }

    /** Something with no place in a runbook (an image, a comment, a lone marker): kept as a note. */
    record Unmapped(int line, String text, String reason) implements Block {
    }

    /**
     * Reported to the reader but not a note: page chrome left out on purpose (navigation, a table
     * of contents), or something read in a way worth saying (a fence that never closes).
     */
    record Adjusted(int line, String text, String reason) implements Block {
    }
}
