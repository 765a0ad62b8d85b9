package dev.sitrep.postmortem;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week such as {@code 2026-W47}: Monday 00:00 UTC up to the next Monday. Week 1 is the
 * week that holds the year's first Thursday, so a week can start in December of the year before.
 */
public record IsoWeek(int year, int week) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    public IsoWeek {
        long weeks = weeksIn(year);
        if (week < 1 || week > weeks) {
            throw SitrepException.invalid(String.format(Locale.ROOT, "%04d-W%02d does not exist: %04d has %d ISO weeks; "
                    + "give a week from %04d-W01 to %04d-W%d.", year, week, year, weeks, year, year, weeks));
        }
    }

    /** Exactly {@code YYYY-Www} (capital W, two-digit week), e.g. {@code 2026-W47}. */
    public static IsoWeek parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw SitrepException.invalid(Limits.quote(text) + " is not an ISO week; give it as YYYY-Www, e.g. 2026-W47.");
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The week that holds {@code day}. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    /** Monday 00:00 UTC. */
    public Instant start() {
        return monday().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The next Monday 00:00 UTC: the first instant no longer in this week. */
    public Instant end() {
        return monday().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public IsoWeek minusWeeks(int weeks) {
        return of(monday().minusWeeks(weeks));
    }

    /** {@code 16 Nov - 22 Nov 2026}; both years when the week spans two. */
    public String days() {
        return days(monday(), sunday());
    }

    /** {@code 19 Oct - 22 Nov 2026} from {@code first} to {@code last}, both included. */
    static String days(LocalDate first, LocalDate last) {
        return (first.getYear() == last.getYear() ? DAY_MONTH.format(first) : DAY_MONTH_YEAR.format(first)) + " - "
                + DAY_MONTH_YEAR.format(last);
    }

    private static long weeksIn(int year) {
        return LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04d-W%02d", year, week);
    }
}
