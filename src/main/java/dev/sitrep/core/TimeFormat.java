package dev.sitrep.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How Sitrep writes times for people: always explicit, UTC first, local beside it. */
public final class TimeFormat {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private TimeFormat() {
    }

    /** {@code 14:32 UTC (15:32 CET) · 22 Nov 2026}; the local part is left out when local is UTC. */
    public static String stamp(Instant at, ZoneId local) {
        var utc = at.atZone(ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(HM.format(utc)).append(" UTC");
        var here = at.atZone(local);
        if (!here.getOffset().equals(ZoneOffset.UTC)) {
            out.append(" (").append(HM.format(here)).append(' ').append(ZONE.format(here));
            LocalDate localDay = here.toLocalDate();
            if (!localDay.equals(utc.toLocalDate())) {
                out.append(", ").append(DAY_SHORT.format(localDay));
            }
            out.append(')');
        }
        return out.append(" · ").append(DAY.format(utc)).toString();
    }

    /** {@code 14:32 UTC}: the UTC time of day alone, where the date is plain from context. */
    public static String utcTime(Instant at) {
        return HM.format(at.atZone(ZoneOffset.UTC)) + " UTC";
    }

    /** Elapsed time: {@code 38s}, {@code 42m}, {@code 1h 07m}, {@code 2d 03h}. */
    public static String elapsed(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 48) {
            return String.format(Locale.ROOT, "%dh %02dm", h, m % 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", h / 24, h % 24);
    }

    /** A countdown: {@code 04:12}, {@code 1:04:12}, and {@code -02:10} once overdue. */
    public static String countdown(Duration remaining) {
        long s = remaining.getSeconds();
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, h, m, sec)
                : String.format(Locale.ROOT, "%s%02d:%02d", sign, m, sec);
    }
}
