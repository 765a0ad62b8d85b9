package dev.sitrep.ui.killswitch;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A confirm that only counts when held for its whole duration: {@link #begin()} on press,
 * {@link #tick()} every frame, {@link #release()} on release. Releasing early resets it with no
 * side effect; the action runs once, when the progress reaches 1. Ticks count against a plain
 * duration, handed in once the setting was read in the background: nothing is read per frame.
 */
public final class HoldToConfirm {

    private final LongSupplier nanoTime;
    private Duration duration = DEFAULT;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private long startedAt = -1;
    private Runnable action = () -> { };

    /** The hold until the workspace's setting is read. */
    public static final Duration DEFAULT = Duration.ofMillis(1500);

    public HoldToConfirm(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long the next hold must last. */
    public void setDuration(Duration duration) {
        this.duration = Objects.requireNonNull(duration);
    }

    public Duration duration() {
        return duration;
    }

    /** Starts holding; {@code onComplete} runs if the hold lasts. */
    public void begin(Runnable onComplete) {
        action = onComplete;
        startedAt = nanoTime.getAsLong();
        progress.set(0);
    }

    public void tick() {
        if (startedAt < 0) {
            return;
        }
        double p = Math.min(1.0, (nanoTime.getAsLong() - startedAt) / (double) duration.toNanos());
        progress.set(p);
        if (p >= 1.0) {
            startedAt = -1;
            action.run();
        }
    }

    public void release() {
        if (startedAt >= 0) {
            reset();
        }
    }

    public void reset() {
        startedAt = -1;
        progress.set(0);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
