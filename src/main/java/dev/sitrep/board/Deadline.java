package dev.sitrep.board;

import dev.sitrep.core.TimeFormat;

import java.time.Duration;
import java.time.Instant;

/**
 * One clock on a card: a target time, and when it was met. Counts down while pending, turns
 * amber in the last third of its window, red once late, and says when it was met.
 *
 * @param what  how the card names it: "ack", "1st comm", "update"
 * @param from  when the window opened (for the amber third)
 * @param due   the target
 * @param met   when it was met, or {@code null}
 */
public record Deadline(String what, Instant from, Instant due, Instant met) {

    /** Where a clock stands; the words on the card say it too, never the colour alone. */
    public enum State { MET, PENDING, DUE_SOON, OVERDUE }

    public State stateAt(Instant now) {
        if (met != null) {
            return State.MET;
        }
        if (!now.isBefore(due)) {
            return State.OVERDUE;
        }
        Duration window = Duration.between(from, due);
        Duration left = Duration.between(now, due);
        return left.multipliedBy(3).compareTo(window) <= 0 ? State.DUE_SOON : State.PENDING;
    }

    /** {@code ack in 3:12}, {@code ack LATE 2:10}, {@code ack ✓ 14:35}. */
    public String textAt(Instant now) {
        return switch (stateAt(now)) {
            case MET -> what + " ✓ " + TimeFormat.utcTime(met).replace(" UTC", "");
            case OVERDUE -> what + " LATE " + TimeFormat.countdown(Duration.between(due, now));
            case PENDING, DUE_SOON -> what + " in " + TimeFormat.countdown(Duration.between(now, due));
        };
    }
}
