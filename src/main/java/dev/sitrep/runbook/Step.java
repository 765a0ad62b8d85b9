package dev.sitrep.runbook;

import java.util.Optional;

/**
 * One thing to do.
 *
 * @param command what to copy and run, or {@code null}
 * @param expect  what a good result looks like, or {@code null}
 */
public record Step(String text, String command, String expect, int line) {

    public Optional<String> expected() {
        return Optional.ofNullable(expect);
    }
}
