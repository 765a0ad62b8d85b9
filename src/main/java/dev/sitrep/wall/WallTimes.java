package dev.sitrep.wall;

import dev.sitrep.core.TimeFormat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The wall's times in words: the UTC clock, the local time and date, the stale marker. */
final class WallTimes {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("HH:mm zzz · EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private WallTimes() {
    }

    /** {@code 14:37 UTC}. */
    static String utc(Instant now) {
        return HM.format(now.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** The local time with zone and date, or the date alone when local is UTC. */
    static String local(Instant now, ZoneId zone) {
        ZonedDateTime t = now.atZone(zone);
        return t.getOffset().equals(ZoneOffset.UTC) ? DAY.format(t) : LOCAL.format(t);
    }

    /** {@code stale since 14:02 UTC: why}. */
    static String staleSince(Instant lastGood, String error) {
        return "stale since " + TimeFormat.utcTime(lastGood) + (error == null ? "" : ": " + error);
    }
}
