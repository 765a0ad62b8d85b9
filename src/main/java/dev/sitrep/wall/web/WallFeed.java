package dev.sitrep.wall.web;

import dev.sitrep.core.DaemonThreads;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.wall.WallModel;
import dev.sitrep.wall.WallSnapshot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the browser wall's current fragment. Two owned threads: the reader checks the data's
 * change sequence every {@link #TICK} (one index lookup) and re-reads the model when it moved,
 * or at least every second; the publisher renders every {@link #TICK} (so clocks move, pages turn
 * every {@link #PAGE_EVERY}, and the stale marker appears even while the reader hangs on a store
 * that stopped answering) and publishes the fragment when its text changed: at most once a
 * second for clocks and pages, and a store change within {@link #CHANGE_GAP_NANOS} of the previous
 * update (the wall's goal is a change on screen within 1 s, and its countdowns already use the
 * once-a-second slot). Readers of the feed wait on {@link #await}.
 */
public final class WallFeed implements AutoCloseable {

    public static final Duration TICK = Duration.ofMillis(200);
    public static final Duration PAGE_EVERY = Duration.ofSeconds(15);
    static final long REFRESH_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    /** Updates that only move clocks or turn the page: at most one a second. */
    static final long PUBLISH_GAP_NANOS = Duration.ofSeconds(1).toNanos();
    /** An update carrying a store change waits at most this long after the previous one. */
    static final long CHANGE_GAP_NANOS = Duration.ofMillis(250).toNanos();

    private static final Logger LOG = Logger.getLogger(WallFeed.class.getName());

    /** A published fragment; {@code version} counts up from 1. */
    public record Published(long version, String fragment, WallSnapshot snapshot) {
    }

    private final WallModel model;
    private final LongSupplier changes;
    private final ScheduledExecutorService threads;
    private final long started = System.nanoTime();
    private final Object lock = new Object();
    private final Object publishing = new Object();
    private Published current;
    private boolean closed;
    private long lastSeq;
    private long lastRefresh;
    private long lastPublish;
    private long catchUpAt = Long.MAX_VALUE;

    /** Reads once (so the first page is complete), then keeps reading a workspace's store until closed. */
    public WallFeed(WallModel model, ChangeFeed changes) {
        this(model, changes::latest);
    }

    /**
     * Reads once, then keeps reading until closed: at once when {@code latestChange} (a cheap
     * sequence number that moves whenever the data changes) moved, else at least every second.
     */
    public WallFeed(WallModel model, LongSupplier latestChange) {
        this.model = model;
        this.changes = latestChange;
        lastRefresh = System.nanoTime();
        lastSeq = latestOr(Long.MIN_VALUE);
        model.refresh();
        WallSnapshot s = snapshot();
        current = new Published(1, WallHtml.fragment(s), s);
        lastPublish = System.nanoTime() - PUBLISH_GAP_NANOS;
        threads = Executors.newScheduledThreadPool(2, DaemonThreads.numbered("sitrep-wall-feed"));
        threads.scheduleWithFixedDelay(this::read, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The newest published fragment. */
    public Published current() {
        synchronized (lock) {
            return current;
        }
    }

    /**
     * The first published fragment newer than {@code seenVersion}, waiting up to {@code timeout};
     * {@code null} on timeout or once closed.
     */
    public Published await(long seenVersion, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!closed && current.version() <= seenVersion) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return closed ? null : current;
        }
    }

    /**
     * The whole wall now, every active incident on one page: what a wall's {@code /snapshot}
     * answers, for a native wall elsewhere that pages it to its own screen.
     */
    public WallSnapshot whole() {
        return model.snapshot(1, Integer.MAX_VALUE);
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void read() {
        try {
            long now = System.nanoTime();
            long seq = latestOr(lastSeq);
            boolean changed = seq != lastSeq;
            if (changed || now - lastRefresh >= REFRESH_EVERY_NANOS) {
                lastSeq = seq;
                lastRefresh = now;
                model.refresh();
                publish(changed ? CHANGE_GAP_NANOS : PUBLISH_GAP_NANOS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "wall feed read failed", e);
        }
    }

    private void tick() {
        publish(PUBLISH_GAP_NANOS);
    }

    /** Publishes the fragment if its text changed and {@code gapNanos} passed since the last update, else once it has. */
    private void publish(long gapNanos) {
        try {
            synchronized (publishing) {
                long now = System.nanoTime();
                WallSnapshot s = snapshot();
                String fragment = WallHtml.fragment(s);
                synchronized (lock) {
                    if (closed || fragment.equals(current.fragment())) {
                        return;
                    }
                    long wait = lastPublish + gapNanos - now;
                    if (wait > 0) {
                        // too soon after the last update: publish the moment the gap closes, not a tick later
                        if (now + wait < catchUpAt) {
                            catchUpAt = now + wait;
                            threads.schedule(() -> catchUp(gapNanos), wait, TimeUnit.NANOSECONDS);
                        }
                        return;
                    }
                    current = new Published(current.version() + 1, fragment, s);
                    lastPublish = now;
                    lock.notifyAll();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "wall feed publish failed", e);
        }
    }

    private void catchUp(long gapNanos) {
        synchronized (lock) {
            catchUpAt = Long.MAX_VALUE;
        }
        publish(gapNanos);
    }

    private WallSnapshot snapshot() {
        long page = 1 + (System.nanoTime() - started) / PAGE_EVERY.toNanos();
        return model.snapshot((int) Math.min(Integer.MAX_VALUE, page), WallHtml.ROWS_PER_PAGE);
    }

    private long latestOr(long fallback) {
        try {
            return changes.getAsLong();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
