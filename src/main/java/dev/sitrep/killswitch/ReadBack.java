package dev.sitrep.killswitch;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.KillSwitchState;
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
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reading a platform's kill-switch state back after a halt or resume failed in a way that leaves
 * open whether the platform carried it out (a 5xx, a timeout, a connection lost after sending, an
 * answer that cannot be read). {@link #now} reads a few times with a growing pause, within
 * {@link #NOW_CAP}; {@link #later} keeps reading in the background, backing off as the pull loop
 * does, for at most {@link #LATER_CAP}.
 */
public final class ReadBack {

    /** Runs a task once after a delay, off the caller's thread. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Duration delay, Runnable task);
    }

    /** What a read-back found: the state, or why it could not be read. */
    record Read(KillSwitchState state, SitrepException failure) {
    }

    static final int NOW_TRIES = 3;
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration NOW_CAP = Duration.ofSeconds(5);
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

    /** Reads up to {@value #NOW_TRIES} times, pausing 250 ms, then twice as long, while within {@link #NOW_CAP}. */
    Read now(Supplier<KillSwitchState> read) {
        Instant deadline = clock.instant().plus(NOW_CAP);
        Duration pause = FIRST_PAUSE;
        SitrepException last = null;
        for (int attempt = 0; attempt < NOW_TRIES; attempt++) {
            if (attempt > 0) {
                if (clock.instant().plus(pause).isAfter(deadline) || !sleep(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2);
            }
            try {
                return new Read(read.get(), null);
            } catch (SitrepException e) {
                last = e;
            }
        }
        return new Read(null, last);
    }

    /**
     * Reads again in the background, backing off after each failure, until a read succeeds (then
     * {@code known} gets the state) or {@link #LATER_CAP} has passed (then {@code gaveUp} gets the
     * last failure).
     */
    void later(Supplier<KillSwitchState> read, Consumer<KillSwitchState> known, Consumer<SitrepException> gaveUp) {
        later(read, known, gaveUp, 1, clock.instant().plus(LATER_CAP));
    }

    private void later(Supplier<KillSwitchState> read, Consumer<KillSwitchState> known, Consumer<SitrepException> gaveUp,
                       int failures, Instant until) {
        scheduler.schedule(backoff.next(failures, Duration.ZERO), () -> {
            try {
                KillSwitchState s;
                try {
                    s = read.get();
                } catch (SitrepException e) {
                    if (clock.instant().isBefore(until)) {
                        later(read, known, gaveUp, failures + 1, until);
                    } else {
                        gaveUp.accept(e);
                    }
                    return;
                }
                known.accept(s);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording what a kill-switch read-back found failed", e);
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
