package dev.sitrep.ui.killswitch;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A confirm that only counts when held for its whole duration: {@link #begin()} on press,
 * {@link #tick()} every frame, {@link #release()} on release. Releasing early resets it with no
 * side effect; the action runs once, when the progress reaches 1. Ticks count against a plain
 * duration, handed in once the setting was read in the background: nothing is read per frame.
 * It also says whether it is ready ({@link #show}): what to do, or what is still missing.
 */
public final class HoldToConfirm {

    private final LongSupplier nanoTime;
    private Duration duration = DEFAULT;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private long startedAt = -1;
    private Runnable action = () -> { };
    private String verb = "";
    private List<String> missing = List.of();

    /** The hold until the workspace's setting is read. */
    public static final Duration DEFAULT = Duration.ofMillis(1500);

    public HoldToConfirm(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** How long the next hold must last. */
    public void setDuration(Duration duration) {
        this.duration = Objects.requireNonNull(duration);
        show(verb, missing);
    }

    public Duration duration() {
        return duration;
    }

    /**
     * Ready when nothing is {@code missing}: "Hold Space or the mouse for 1.5 s to {@code verb}";
     * otherwise "Needs: a reason, a platform chosen".
     */
    public void show(String verb, List<String> missing) {
        this.verb = verb;
        this.missing = List.copyOf(missing);
        ready.set(missing.isEmpty());
        label.set(missing.isEmpty() ? "Hold Space or the mouse for " + seconds() + " to " + verb
                : "Needs: " + String.join(", ", missing));
    }

    /** What a click or Enter on the control is told. */
    public String clickHint() {
        return "Hold, don't click: keep it pressed for " + seconds();
    }

    private String seconds() {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
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

    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }
}
