package dev.sitrep.wall;

import java.util.List;

/**
 * Everything the wall shows at one moment, already in words: the native window and the browser
 * page both render this, so they cannot drift apart. Read-only by construction.
 *
 * @param utc        {@code 14:37 UTC}
 * @param local      the local time with zone and date, or the date alone when local is UTC
 * @param stale      empty while the data is current, else {@code stale since 14:02 UTC: ...}
 * @param halted     one line per halted platform (the red banner)
 * @param escalation one line per platform whose checks propose the kill switch or a rollback
 * @param rows       the page of active incidents shown, most severe first
 * @param page       1-based page shown, of {@code pages}
 */
public record WallSnapshot(String utc, String local, boolean drill, String stale, List<String> halted,
                           List<String> escalation, List<Row> rows, int activeCount, int page, int pages,
                           List<Platform> platforms) {

    public WallSnapshot {
        halted = List.copyOf(halted);
        escalation = List.copyOf(escalation);
        rows = List.copyOf(rows);
        platforms = List.copyOf(platforms);
    }

    /**
     * One active incident.
     *
     * @param ramp the severity's place on the colour ramp (0 most severe .. 4), -1 when the scale does not know it
     */
    public record Row(String id, String severity, int ramp, String title, String elapsed, String commander, String status,
                      List<Clock> clocks, List<String> badges) {

        public Row {
            clocks = List.copyOf(clocks);
            badges = List.copyOf(badges);
        }
    }

    /** A clock in words, with its state for the colour: {@code met}, {@code pending}, {@code soon}, {@code late}. */
    public record Clock(String text, String state) {
    }

    /** A platform in the bottom strip: its name, its state in a word, and the age of that state. */
    public record Platform(String name, String state, String detail) {
    }
}
