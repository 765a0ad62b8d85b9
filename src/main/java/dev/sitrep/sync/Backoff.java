package dev.sitrep.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a platform again: its normal interval while it answers; after failures, 5 s
 * doubling up to 5 min, each with +-50% jitter so consoles that lost the same platform do not
 * come back in lockstep.
 */
public final class Backoff {

    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    private final RandomGenerator random;

    public Backoff(RandomGenerator random) {
        this.random = random;
    }

    public Duration next(int failures, Duration interval) {
        if (failures <= 0) {
            return interval;
        }
        long base = FIRST_RETRY.toMillis() << Math.min(failures - 1, 16);
        long capped = Math.min(base, MAX_RETRY.toMillis());
        double jitter = 0.5 + random.nextDouble();
        return Duration.ofMillis(Math.max(1000, (long) (capped * jitter)));
    }
}
