package dev.sitrep.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a view-model's background work is going, for its view to bind: busy, progress (-1 while
 * unknown), a message while it runs, and the last failure in the commander's words. A run through
 * {@link #run} sets busy, clears the old failure, shows and logs a failure; a result or failure of a
 * run that a newer run of this status has overtaken is dropped. Used on the FX thread only.
 */
public final class TaskStatus {

    private static final Logger LOG = Logger.getLogger(TaskStatus.class.getName());

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");
    private long runs;
    private BackgroundTask.Handle current;

    /** Runs {@code task} as this status's current run; its failure is shown here. */
    public <T> BackgroundTask.Handle run(BackgroundTask<T> task, UiExecutor executor) {
        return run(task, executor, failure::set);
    }

    /**
     * Runs {@code task} as this status's current run, its failure text shown by {@code showFailure}
     * (a field's own message line) rather than here.
     */
    public <T> BackgroundTask.Handle run(BackgroundTask<T> task, UiExecutor executor, Consumer<String> showFailure) {
        long run = ++runs;
        busy.set(true);
        failure.set("");
        progress.set(-1);
        message.set(task.initialMessage());
        BackgroundTask.Handle handle = task.execute(executor, new BackgroundTask.Tracker() {
            @Override
            public boolean current() {
                return run == runs;
            }

            @Override
            public void progress(double fraction) {
                progress.set(fraction);
            }

            @Override
            public void message(String text) {
                message.set(text);
            }

            @Override
            public void succeeded() {
                busy.set(false);
            }

            @Override
            public void failed(Throwable f) {
                busy.set(false);
                showFailure.accept(Messages.of(f));
            }

            @Override
            public void finished() {
                busy.set(false);
                if (run == runs) {
                    current = null;
                }
            }
        });
        if (run == runs && busy.get()) {
            current = handle;
        }
        return handle;
    }

    /** Asks the current run to stop (it says so as its failure when it does). */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** Shows and logs the failure of work that is not a run of this status (a refresh, a quick change). */
    public void fail(Throwable f) {
        LOG.log(Level.WARNING, "background work failed", f);
        failure.set(Messages.of(f));
    }

    /** Shows a failure the view-model found itself (nothing to log: no exception). */
    public void fail(String text) {
        failure.set(text);
    }

    public void clearFailure() {
        failure.set("");
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** 0..1, or -1 while the amount is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the current run is doing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A view's message line: the failure when there is one, else {@code otherwise} (what was last done). */
    public StringBinding failureOr(ObservableStringValue otherwise) {
        return Bindings.createStringBinding(() -> failure.get().isEmpty() ? otherwise.get() : failure.get(),
                failure, otherwise);
    }

    /** The last failure in the commander's words; empty when there is none. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
