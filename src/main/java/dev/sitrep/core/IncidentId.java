package dev.sitrep.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * An incident id unique without a central counter: the UTC declaration minute plus four random
 * Crockford base-32 characters, e.g. {@code INC-20261122-1432-7QF2}. Two consoles declaring in the
 * same minute collide with odds of one in a million; the store retries with a fresh suffix.
 */
public record IncidentId(String value) implements Comparable<IncidentId> {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("INC-\\d{8}-\\d{4}-[0-9A-HJKMNP-TV-Z]{4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public IncidentId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw SitrepException.invalid(Limits.quote(value) + " is not an incident id; ids look like INC-20261122-1432-7QF2.");
        }
    }

    public static IncidentId generate(Instant at, RandomGenerator random) {
        StringBuilder id = new StringBuilder("INC-").append(STAMP.format(at)).append('-');
        for (int i = 0; i < 4; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new IncidentId(id.toString());
    }

    /** Whether {@code text} is an incident id exactly as written (upper case, no blanks). */
    public static boolean isValid(String text) {
        return FORMAT.matcher(text).matches();
    }

    /** Accepts the id in any case, with surrounding blanks. */
    public static IncidentId parse(String text) {
        return new IncidentId(text == null ? null : text.trim().toUpperCase(Locale.ROOT));
    }

    @Override
    public int compareTo(IncidentId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
