package dev.sitrep.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands its result back on it. View-models take one in their
 * constructor; the app gives them a thread pool, tests a same-thread executor.
 */
public interface UiExecutor {

    /**
     * Runs {@code work} in the background; {@code onSuccess} or {@code onFailure} then runs on the FX thread.
     *
     * @return a handle that can cancel the work
     */
    <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the FX thread (now, if already there). */
    void onFxThread(Runnable action);
}
