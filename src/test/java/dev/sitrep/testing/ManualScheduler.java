package dev.sitrep.testing;

import dev.sitrep.killswitch.ReadBack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what is scheduled until the test runs it ({@link #runDue()}), whatever the delay. */
public final class ManualScheduler implements ReadBack.Scheduler {

    private final List<Runnable> waiting = new ArrayList<>();

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        waiting.add(task);
    }

    /** How many tasks wait. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Runs the tasks waiting now (what they schedule waits for the next call). */
    public void runDue() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(waiting);
            waiting.clear();
        }
        due.forEach(Runnable::run);
    }
}
