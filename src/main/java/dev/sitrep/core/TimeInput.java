package dev.sitrep.core;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times people type for backdated events ({@code --at}). Accepted:
 * {@code now}; an ISO instant or offset time ({@code 2026-11-22T14:32:00Z},
 * {@code 2026-11-22T15:32+01:00}); a date and time ({@code 2026-11-22 14:32}, local unless it ends
 * in {@code Z} or {@code UTC}); a time of day ({@code 14:32}, the latest such moment that is not in
 * the future, local unless it ends in {@code Z} or {@code UTC}); and time ago ({@code -15m},
 * {@code 1h30m ago}, {@code -90s}). Times more than a minute in the future are refused.
 */
public final class TimeInput {

    static final String FORMS = "use now, 14:32, 14:32 UTC, 2026-11-22 14:32, 2026-11-22T14:32:00Z or -15m";
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);
    private static final Pattern AGO = Pattern.compile("^(?:-\\s*)?((?:\\d+\\s*[dhms]\\s*)+)(ago)?$");
    private static final Pattern AGO_PART = Pattern.compile("(\\d+)\\s*([dhms])");
    private static final Pattern CLOCK = Pattern.compile("^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(Z|UTC)?$");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*(Z|UTC)?$");

    private TimeInput() {
    }

    public static Instant parse(String raw, Clock clock, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            throw SitrepException.invalid("The time is empty; " + FORMS + ".");
        }
        String text = raw.strip();
        Instant now = clock.instant();
        Instant at;
        try {
            at = interpret(text.toUpperCase(Locale.ROOT), text, now, zone);
        } catch (DateTimeException e) {
            at = null;
        }
        if (at == null) {
            throw SitrepException.invalid("Cannot read the time " + Limits.quote(text) + "; " + FORMS + ".");
        }
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw SitrepException.invalid("The time " + Limits.quote(text) + " is in the future (" + at
                    + "); events are recorded when they have happened.");
        }
        return at;
    }

    private static Instant interpret(String upper, String text, Instant now, ZoneId zone) {
        if (upper.equals("NOW")) {
            return now;
        }
        Matcher ago = AGO.matcher(upper.toLowerCase(Locale.ROOT));
        if (ago.matches() && (text.startsWith("-") || ago.group(2) != null)) {
            return now.minus(agoDuration(ago.group(1)));
        }
        Matcher clock = CLOCK.matcher(upper);
        if (clock.matches()) {
            ZoneId in = clock.group(4) != null ? ZoneOffset.UTC : zone;
            LocalTime time = LocalTime.of(Integer.parseInt(clock.group(1)), Integer.parseInt(clock.group(2)),
                    clock.group(3) == null ? 0 : Integer.parseInt(clock.group(3)));
            LocalDate today = LocalDate.ofInstant(now, in);
            Instant candidate = ZonedDateTime.of(today, time, in).toInstant();
            return candidate.isAfter(now.plus(FUTURE_TOLERANCE))
                    ? ZonedDateTime.of(today.minusDays(1), time, in).toInstant() : candidate;
        }
        Matcher dateTime = DATE_TIME.matcher(upper);
        if (dateTime.matches()) {
            ZoneId in = dateTime.group(3) != null ? ZoneOffset.UTC : zone;
            String t = dateTime.group(2).length() == 4 ? "0" + dateTime.group(2) : dateTime.group(2);
            return LocalDateTime.parse(dateTime.group(1) + "T" + t).atZone(in).toInstant();
        }
        if (upper.contains("T")) {
            try {
                return Instant.parse(upper);
            } catch (DateTimeException notInstant) {
                return OffsetDateTime.parse(upper).toInstant();
            }
        }
        return null;
    }

    private static Duration agoDuration(String parts) {
        Duration total = Duration.ZERO;
        Matcher part = AGO_PART.matcher(parts);
        while (part.find()) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return total;
    }
}
