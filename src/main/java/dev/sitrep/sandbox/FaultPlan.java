package dev.sitrep.sandbox;

import dev.sitrep.sandbox.SandboxServer.Fault;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Which fault, if any, the sandbox serves for the next request: first the queued ones
 * ({@link SandboxServer#misbehave}), then an error burst, where a fraction of requests fail.
 * A burst is spread evenly rather than at random (a fraction of 0.25 fails every fourth
 * request), so a drill plays the same way twice and a test can count on it.
 * Not thread-safe: the sandbox guards it with its own lock.
 */
final class FaultPlan {

    /** How long a {@link Fault#SLOW} answer waits before answering, unless a scenario says otherwise. */
    static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(15);

    private final Deque<Fault> queued = new ArrayDeque<>();
    private Fault burstFault;
    private double burstFraction;
    private double burstDebt;
    private Duration slowDelay = DEFAULT_SLOW_DELAY;

    void queue(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            queued.add(fault);
        }
    }

    void startBurst(Fault fault, double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("an error burst's fraction must be above 0 and at most 1, not " + fraction);
        }
        burstFault = fault;
        burstFraction = fraction;
        burstDebt = 0;
    }

    void endBurst() {
        burstFault = null;
    }

    void slowDelay(Duration delay) {
        slowDelay = delay;
    }

    Duration slowDelay() {
        return slowDelay;
    }

    /** The fault for the request at hand, or {@code null} to answer normally. */
    Fault next() {
        Fault fault = queued.poll();
        if (fault != null) {
            return fault;
        }
        if (burstFault == null) {
            return null;
        }
        burstDebt += burstFraction;
        if (burstDebt >= 1 - 1e-9) {
            burstDebt -= 1;
            return burstFault;
        }
        return null;
    }
}
