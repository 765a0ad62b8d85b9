package dev.sitrep.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.SitrepException;
import dev.sitrep.core.TimeFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An incident that is not over, declared within {@link #WINDOW} under the same title (ignoring case
 * and spacing): declaring another one now is likely a duplicate. {@code ago} is how long ago it was declared.
 */
public record LikelyDuplicate(Incident incident, Duration ago) {

    /** How close two declarations with the same title must be to count as likely duplicates. */
    public static final Duration WINDOW = Duration.ofMinutes(30);

    /** The newest of {@code recent} (incidents declared around {@code now}) that {@code title} likely duplicates. */
    static Optional<LikelyDuplicate> among(List<Incident> recent, String title, Instant now) {
        String wanted = normalised(title);
        return recent.stream()
                .filter(i -> !i.status().isFinal() && normalised(i.title()).equals(wanted))
                .filter(i -> Duration.between(i.declaredAt(), now).abs().compareTo(WINDOW) <= 0)
                .max(Comparator.comparing(Incident::declaredAt))
                .map(i -> new LikelyDuplicate(i, Duration.between(i.declaredAt(), now)));
    }

    /** A title as compared: runs of white space (no-break spaces too) as one space, trimmed, lower case. */
    static String normalised(String title) {
        return title.replaceAll("(?U)\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** {@code INC-… "Checkout 5xx spike" (investigating), declared 12m ago}. */
    public String describe() {
        return incident.id() + " \"" + incident.title() + "\" (" + incident.status().key() + "), declared "
                + TimeFormat.elapsed(ago) + " ago";
    }

    /** Declaring was refused because of a likely duplicate; nothing was stored. */
    public static final class Refused extends SitrepException {

        private final transient LikelyDuplicate duplicate;

        Refused(LikelyDuplicate duplicate) {
            super(Kind.INVALID_INPUT, "Likely a duplicate of " + duplicate.describe() + "; nothing was declared. Work on "
                    + duplicate.incident().id() + ", or declare anyway with " + input("anyway") + ".");
            this.duplicate = duplicate;
        }

        public LikelyDuplicate duplicate() {
            return duplicate;
        }
    }
}
