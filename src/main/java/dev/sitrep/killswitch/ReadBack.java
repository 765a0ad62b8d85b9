package dev.sitrep.killswitch;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.sync.Backoff;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reading a platform back after a halt, resume or containment failed in a way that leaves open
 * whether the platform carried it out (a 5xx, a timeout, a connection lost after sending, an
 * answer that cannot be read). {@link #now} reads a few times with a growing pause, within
 * {@link #NOW_CAP}; {@link #later} keeps reading in the background, backing off as the pull loop
 * does, for {@link #LATER_CAP}. When the answer was lost ({@link #answerLost}) the platform may
 * still be at it, so a read that shows nothing changed yet is not the end of it.
 */
public final class ReadBack {

    /** Runs a task once after a delay, off the caller's thread. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Duration delay, Runnable task);
    }

    /** What a read-back found: what was read, or why it could not be read. */
    record Read<T>(T value, SitrepException failure) {
    }

    static final int NOW_TRIES = 3;
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration NOW_CAP = Duration.ofSeconds(5);
    /**
     * How long the background reads go on, and how long after a lost answer a platform showing
     * nothing changed is still taken to be at it (after that, what it shows is the outcome).
     */
    static final Duration LATER_CAP = Duration.ofMinutes(15);

    private static final Logger LOG = Logger.getLogger(ReadBack.class.getName());

    private final Clock clock;
    private final Backoff backoff;
    private final Scheduler scheduler;

    public ReadBack(Clock clock, Backoff backoff, Scheduler scheduler) {
        this.clock = clock;
        this.backoff = backoff;
        this.scheduler = scheduler;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Whether the platform may have carried out the request that failed with {@code e}. Not when
     * the platform refused it (its own words, a 429) or it never left: Sitrep's own checks, a
     * refused connection, an unknown host, a failed TLS handshake.
     */
    static boolean needed(SitrepException e) {
        if (!(e instanceof PlatformException p) || p.kind() != SitrepException.Kind.PLATFORM_UNREACHABLE
                || p.httpStatus() == 429) {
            return false;
        }
        for (Throwable t = p.getCause(); t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof SSLHandshakeException) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the platform's own answer to the request is missing: none came (a timeout, a
     * connection dropped after sending) or only a gateway's (502, 504). The platform may then still
     * be carrying it out, and a read showing nothing changed proves nothing yet. A 500 is the
     * platform's own answer: what is read back after it is the outcome.
     */
    static boolean answerLost(SitrepException e) {
        return needed(e) && e instanceof PlatformException p
                && (p.httpStatus() == 0 || p.httpStatus() == 502 || p.httpStatus() == 504);
    }

    /**
     * Reads up to {@value #NOW_TRIES} times, pausing 250 ms, then twice as long, while within
     * {@link #NOW_CAP}, until a read succeeds and is {@code enough}; answers the last value read (or,
     * when none was, the last failure).
     */
    <T> Read<T> now(Supplier<T> read, Predicate<T> enough) {
        Instant deadline = clock.instant().plus(NOW_CAP);
        Duration pause = FIRST_PAUSE;
        Read<T> last = new Read<>(null, null);
        for (int attempt = 0; attempt < NOW_TRIES; attempt++) {
            if (attempt > 0) {
                if (clock.instant().plus(pause).isAfter(deadline) || !sleep(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2);
            }
            try {
                last = new Read<>(read.get(), null);
                if (enough.test(last.value())) {
                    break;
                }
            } catch (SitrepException e) {
                if (last.value() == null) {
                    last = new Read<>(null, e);
                }
            }
        }
        return last;
    }

    /**
     * Reads again in the background, backing off after each read, until {@code settled} says what
     * was read settles it, or {@link #LATER_CAP} has passed: the last read is made then, and if it
     * does not settle it either, {@code gaveUp} gets its failure ({@code null} when it was read).
     */
    <T> void later(Supplier<T> read, Predicate<T> settled, Consumer<SitrepException> gaveUp) {
        later(read, settled, gaveUp, 1, clock.instant().plus(LATER_CAP));
    }

    private <T> void later(Supplier<T> read, Predicate<T> settled, Consumer<SitrepException> gaveUp, int reads,
                           Instant until) {
        Duration wait = backoff.next(reads, Duration.ZERO);
        Duration left = Duration.between(clock.instant(), until);
        scheduler.schedule(left.isNegative() ? Duration.ZERO : wait.compareTo(left) > 0 ? left : wait, () -> {
            try {
                SitrepException failure = null;
                try {
                    if (settled.test(read.get())) {
                        return;
                    }
                } catch (SitrepException e) {
                    failure = e;
                }
                if (clock.instant().isBefore(until)) {
                    later(read, settled, gaveUp, reads + 1, until);
                } else {
                    gaveUp.accept(failure);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording what a read-back found failed", e);
            }
        });
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
