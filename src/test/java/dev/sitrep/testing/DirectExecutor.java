package dev.sitrep.testing;

import dev.sitrep.ui.common.UiExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs "background" work and its callbacks at once on the calling thread, for view-model tests. */
public final class DirectExecutor implements UiExecutor {

    @Override
    public <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return CompletableFuture.failedFuture(e);
        }
        onSuccess.accept(result);
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void onFxThread(Runnable action) {
        action.run();
    }
}
