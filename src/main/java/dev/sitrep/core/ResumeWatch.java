package dev.sitrep.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * After a platform's automation is resumed, the incidents naming it are watched for
 * {@link #LENGTH} before they may be declared resolved: a fix that does not hold shows up in
 * the first half hour.
 */
public record ResumeWatch(String platform, Instant resumedAt) {

    public static final Duration LENGTH = Duration.ofMinutes(30);

    public Instant until() {
        return resumedAt.plus(LENGTH);
    }

    public Duration leftAt(Instant now) {
        return Duration.between(now, until());
    }

    /** The watch on {@code incident} still running at {@code now} that ends last, if any. */
    public static Optional<ResumeWatch> on(Incident incident, Collection<PlatformStatus> states, Instant now) {
        return states.stream()
                .filter(s -> incident.platforms().contains(s.name()) && s.resumedAt() != null)
                .map(s -> new ResumeWatch(s.name(), s.resumedAt()))
                .filter(w -> w.until().isAfter(now))
                .max(Comparator.comparing(ResumeWatch::until));
    }

    /** What the incident page and the board say: {@code pn-prod resumed 14:32 UTC: watch until 15:02 UTC (12 min left)}. */
    public String describe(Instant now) {
        long minutes = Math.max(1, (leftAt(now).toSeconds() + 59) / 60);
        return platform + " resumed " + TimeFormat.utcTime(resumedAt) + ": watch until " + TimeFormat.utcTime(until())
                + " (" + minutes + " min left)";
    }
}
