package dev.sitrep.testing;

import dev.sitrep.core.DaemonThreads;
import dev.sitrep.ui.common.UiExecutor;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Work on real worker threads; callbacks queued for the thread that made the executor (the test's
 * stand-in for the FX thread), which runs them in {@link #runUntil}. Like the app's executor, minus JavaFX.
 */
public final class QueueExecutor implements UiExecutor, AutoCloseable {

    private final Thread fxThread = Thread.currentThread();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, DaemonThreads.numbered("test-worker"));
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final AtomicInteger running = new AtomicInteger();

    @Override
    public <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        running.incrementAndGet();
        return workers.submit(() -> {
            try {
                T result = work.call();
                fx.add(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                fx.add(() -> onFailure.accept(e));
            } finally {
                running.decrementAndGet();
            }
        });
    }

    @Override
    public void onFxThread(Runnable action) {
        if (isFxThread()) {
            action.run();
        } else {
            fx.add(action);
        }
    }

    public boolean isFxThread() {
        return Thread.currentThread() == fxThread;
    }

    /** Runs callbacks on this thread as they arrive until {@code done}; fails after 10 s. */
    public void runUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done after 10 s");
            }
            Runnable next = fx.poll(10, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }

    /** Runs callbacks until no work runs and no callback waits. */
    public void runUntilIdle() throws InterruptedException {
        runUntil(() -> running.get() == 0 && fx.isEmpty());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
