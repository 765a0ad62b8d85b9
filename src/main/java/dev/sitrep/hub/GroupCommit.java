package dev.sitrep.hub;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes that arrive while this hub process is writing wait, and the next transaction writes them
 * together (up to {@link #MAX_GROUP}, in the order they came): one turn at the database's write
 * lock and one commit for the group instead of one each. Under load that is what keeps a push's
 * wait short: sixteen connections queued on the lock row, each committing alone, spend more time
 * handing the lock over and flushing the log than writing. Only requests in flight wait here;
 * nothing outlives them, so the hub still keeps no state between requests.
 *
 * @param <T> what one push asks for
 * @param <R> what it gets back
 */
final class GroupCommit<T, R> {

    /** Pushes written in one transaction at most. */
    static final int MAX_GROUP = 64;

    /** Writes a group in one transaction, giving each its result; a failure fails the whole group. */
    interface Writer<T, R> {
        List<R> write(List<T> group) throws SQLException;
    }

    private static final class Pending<T, R> {
        final T work;
        R result;
        Exception failure;
        boolean done;

        Pending(T work) {
            this.work = work;
        }
    }

    private final Writer<T, R> writer;
    private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
    private boolean writing;

    GroupCommit(Writer<T, R> writer) {
        this.writer = writer;
    }

    /** Writes {@code work}, with whatever else waits; returns its result once its group committed. */
    R submit(T work) throws SQLException {
        Pending<T, R> mine = new Pending<>(work);
        boolean interrupted = false;
        try {
            synchronized (this) {
                queue.add(mine);
            }
            while (true) {
                List<Pending<T, R>> group = new ArrayList<>();
                synchronized (this) {
                    while (!mine.done && writing) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the push is queued: it finishes, then the flag is set again
                        }
                    }
                    if (mine.done) {
                        return outcome(mine);
                    }
                    writing = true;
                    while (!queue.isEmpty() && group.size() < MAX_GROUP) {
                        group.add(queue.poll());
                    }
                }
                try {
                    write(group);
                } finally {
                    synchronized (this) {
                        group.forEach(p -> p.done = true);
                        writing = false;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One transaction for the group; if it fails, each push once more on its own, so one bad push fails alone. */
    private void write(List<Pending<T, R>> group) {
        if (tryWrite(group) || group.size() == 1) {
            return;
        }
        for (Pending<T, R> p : group) {
            p.failure = null;
            tryWrite(List.of(p));
        }
    }

    private boolean tryWrite(List<Pending<T, R>> group) {
        try {
            List<R> results = writer.write(group.stream().map(p -> p.work).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result = results.get(i);
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            group.forEach(p -> p.failure = e);
            return false;
        }
    }

    private R outcome(Pending<T, R> p) throws SQLException {
        if (p.failure instanceof SQLException e) {
            throw e;
        }
        if (p.failure instanceof RuntimeException e) {
            throw e;
        }
        return p.result;
    }
}
