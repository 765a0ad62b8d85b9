package dev.sitrep.runbook;

/** One answer to a question, numbered in the order the file gives them. */
public record Answer(String text, Target target, int line) {
}
