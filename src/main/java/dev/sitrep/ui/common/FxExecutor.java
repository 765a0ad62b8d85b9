package dev.sitrep.ui.common;

import dev.sitrep.core.DaemonThreads;
import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The app's one owned pool for background work and polling; shut down when the app stops. */
public final class FxExecutor implements UiExecutor, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FxExecutor.class.getName());

    private final ExecutorService workers;
    private final ScheduledExecutorService timers;

    public FxExecutor() {
        workers = Executors.newFixedThreadPool(3, DaemonThreads.numbered("sitrep-worker"));
        timers = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sitrep-timer"));
    }

    @Override
    public <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        if (workers.isShutdown()) {
            // The window is closing: a change noticed just before has nowhere to go.
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        return workers.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | Error e) {
                LOG.log(Level.INFO, "background work failed", e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Runs {@code task} on the timer thread every {@code periodMillis}, never overlapping itself. */
    public ScheduledFuture<?> every(long periodMillis, Runnable task) {
        return timers.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "periodic task failed", e);
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the timers, lets work already handed in finish (a last save) for up to 5 s, then stops the workers. */
    @Override
    public void close() {
        timers.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("background work still running after 5 s at close; stopping it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
    }
}
