package dev.sitrep.ui.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One piece of background work and what happens after it:
 * {@code BackgroundTask.wrap(work).onSuccess(...).onFailure(...).executeWith(executor)}, or
 * {@code status.run(task, executor)} to show it in a view-model's {@link TaskStatus}. The work runs off
 * the FX thread; every callback runs on it. A failure is always logged (with its exception).
 */
public final class BackgroundTask<T> {

    private static final Logger LOG = Logger.getLogger(BackgroundTask.class.getName());

    /** Work that reports how far it got and can see that it was asked to stop. */
    @FunctionalInterface
    public interface Body<T> {
        T run(Progress progress) throws Exception;
    }

    /** Handed to a {@link Body}; callable from the worker thread. */
    public interface Progress {
        /** 0..1, or -1 while the amount is unknown. */
        void progress(double fraction);

        void message(String text);

        /** True once {@link Handle#cancel()} was called: the work should stop (and say so) at the next chance. */
        boolean isCancelled();
    }

    /** A task handed to an executor. */
    public interface Handle {
        /** Asks the work to stop; work not yet started never starts (and only its onFinished runs). */
        void cancel();

        boolean isCancelled();
    }

    /** What a {@link TaskStatus} needs to follow one run; every call is on the FX thread. */
    interface Tracker {
        boolean current();

        void progress(double fraction);

        void message(String text);

        void succeeded();

        void failed(Throwable failure);

        void finished();
    }

    private final Body<T> body;
    private String initialMessage = "";
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinished = () -> { };

    private BackgroundTask(Body<T> body) {
        this.body = body;
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        Objects.requireNonNull(work);
        return new BackgroundTask<>(progress -> work.call());
    }

    public static <T> BackgroundTask<T> wrap(Body<T> work) {
        return new BackgroundTask<>(Objects.requireNonNull(work));
    }

    /** What a status says while the work starts (before the work reports anything). */
    public BackgroundTask<T> withMessage(String text) {
        this.initialMessage = text == null ? "" : text;
        return this;
    }

    /** Runs on the FX thread when the task is handed in, before the work starts. */
    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Where the failure is shown. Without a status, a task with no failure handler cannot be executed. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** Runs on the FX thread after the success or failure callback (or when cancelled before it started). */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    String initialMessage() {
        return initialMessage;
    }

    /** Hands the work to {@code executor}; the callbacks run on the FX thread. */
    public Handle executeWith(UiExecutor executor) {
        if (onFailure == null) {
            throw new IllegalStateException("a background task needs a failure handler that shows the failure");
        }
        return execute(executor, null);
    }

    /** The work was cancelled before it started: no callback but onFinished runs. */
    private static final class NeverStarted extends Exception {
        private static final long serialVersionUID = 1L;

        NeverStarted() {
            super(null, null, false, false);
        }
    }

    Handle execute(UiExecutor executor, Tracker tracker) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicBoolean started = new AtomicBoolean();
        Progress progress = new Progress() {
            @Override
            public void progress(double fraction) {
                if (tracker != null) {
                    executor.onFxThread(() -> {
                        if (tracker.current()) {
                            tracker.progress(fraction);
                        }
                    });
                }
            }

            @Override
            public void message(String text) {
                if (tracker != null) {
                    executor.onFxThread(() -> {
                        if (tracker.current()) {
                            tracker.message(text);
                        }
                    });
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
        onRunning.run();
        executor.submit(() -> {
            if (!started.compareAndSet(false, true)) {
                throw new NeverStarted();
            }
            return body.run(progress);
        }, result -> {
            if (tracker != null) {
                if (!tracker.current()) {
                    return; // a newer run of the same status has the last word
                }
                tracker.succeeded();
            }
            onSuccess.accept(result);
            finish(tracker);
        }, failure -> {
            if (failure instanceof NeverStarted) {
                return;
            }
            LOG.log(Level.WARNING, "background work failed", failure);
            if (tracker != null) {
                if (!tracker.current()) {
                    return;
                }
                tracker.failed(failure);
            }
            if (onFailure != null) {
                onFailure.accept(failure);
            }
            finish(tracker);
        });
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                if (started.compareAndSet(false, true)) {
                    executor.onFxThread(() -> finish(tracker)); // it will not start: nothing else would end it
                }
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    private void finish(Tracker tracker) {
        if (tracker != null) {
            if (!tracker.current()) {
                return;
            }
            tracker.finished();
        }
        onFinished.run();
    }
}
