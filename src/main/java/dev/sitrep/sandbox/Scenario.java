package dev.sitrep.sandbox;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A drill script for the sandbox: what goes wrong, and when, counted from the moment it starts.
 * Read one with {@link ScenarioReader}; play it with {@link ScenarioPlayer}.
 *
 * @param steps  in the order they happen (steps at the same offset keep the file's order)
 * @param repeat {@code null} to play once
 */
public record Scenario(String name, String description, List<Step> steps, Repeat repeat) {

    /** The only format version this Sitrep reads. */
    public static final int VERSION = 1;

    public Scenario {
        steps = steps.stream().sorted(Comparator.comparing(Step::at)).toList();
    }

    /**
     * One cue.
     *
     * @param number the step's position in the file, counted from 1, for messages
     * @param at     offset from the scenario's start
     * @param note   optional words printed with the step ("customers report failed checkouts"), or {@code null}
     */
    public record Step(int number, Duration at, ScenarioAction action, String note) {
    }

    /**
     * Plays the steps again every {@code every}, {@code rounds} times in all ({@code 0}: until stopped).
     */
    public record Repeat(Duration every, int rounds) {

        public boolean forever() {
            return rounds == 0;
        }
    }

    /** When the last thing in one round happens, an error burst's end included. */
    public Duration length() {
        return steps.stream().map(s -> s.at().plus(s.action().lasts())).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
}
