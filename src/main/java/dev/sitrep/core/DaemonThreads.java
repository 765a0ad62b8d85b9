package dev.sitrep.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The one way Sitrep makes its background threads: daemons (they never keep the process alive), named for what they do. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Every thread is called {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> start(r, name);
    }

    /** Threads are called {@code prefix-1}, {@code prefix-2}, ... in the order they are made. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> start(r, prefix + "-" + n.incrementAndGet());
    }

    private static Thread start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
