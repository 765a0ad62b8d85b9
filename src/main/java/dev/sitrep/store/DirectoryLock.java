package dev.sitrep.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one Sitrep process at a time (and one thread in it) open or close the database of a data
 * directory: an OS file lock on {@code store.lock}, which the OS lets go of when its process dies,
 * and a lock per directory inside this JVM (the OS lock belongs to the whole process). While it holds
 * the lock, a process names itself in {@code store.holder}, so that one that has to wait can say for whom.
 * H2's own lock file cannot do this: two processes opening at once race in its protocol and fail.
 */
final class DirectoryLock {

    static final String LOCK_FILE = "store.lock";
    static final String HOLDER_FILE = "store.holder";

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private DirectoryLock() {
    }

    /** The lock, held until {@link #close()}. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        /** Holds the OS lock; {@code null} for a thread that took the lock again. */
        private final FileChannel channel;

        private Held(ReentrantLock local, FileChannel channel) {
            this.local = local;
            this.channel = channel;
        }

        @Override
        public void close() {
            letGo(local, channel);
        }
    }

    /**
     * Takes the lock of {@code dir}, waiting until {@code deadlineNanos} (System.nanoTime) at the most,
     * and records {@code holder} (what this process is) for those who wait. Returns {@code null} when
     * the deadline passed first. A thread that already holds it gets it again (held until both close).
     */
    static Held acquire(Path dir, String holder, long deadlineNanos) throws IOException, InterruptedException {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(dir, d -> new ReentrantLock());
        if (!local.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            return null;
        }
        if (local.getHoldCount() > 1) {
            return new Held(local, null); // this thread has the OS lock already
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            while (lock == null && System.nanoTime() < deadlineNanos) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40));
                lock = tryLock(channel);
            }
            if (lock != null) {
                Files.writeString(dir.resolve(HOLDER_FILE), "pid " + ProcessHandle.current().pid() + ", " + holder);
                return new Held(local, channel);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            letGo(local, channel);
            throw e;
        }
        letGo(local, channel);
        return null;
    }

    private static void letGo(ReentrantLock local, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close(); // and with it the OS lock, if it was taken
            }
        } catch (IOException ignored) {
            // the channel is gone either way
        } finally {
            local.unlock();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameFileUnderAnotherName) {
            return null;
        }
    }

    /** Who holds (or last held) the lock of {@code dir}, as it named itself; {@code null} when unknown. */
    static String holder(Path dir) {
        try {
            String text = Files.readString(dir.resolve(HOLDER_FILE)).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException | RuntimeException unknown) {
            return null;
        }
    }
}
