package dev.sitrep.app;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the FX thread spends per frame (from the pulse's animation step to the end of its layout
 * pass) and the gaps between pulses, recorded while a benchmark's load runs: the in-process
 * benchmarks' one way to say whether the window stayed smooth.
 */
final class FrameTimes {

    private final List<Long> frames = new ArrayList<>();
    private final List<Long> gaps = new ArrayList<>();
    private final long[] begun = new long[1];
    private long lastPulse;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long t = System.nanoTime();
            if (lastPulse != 0) {
                gaps.add(t - lastPulse);
            }
            lastPulse = t;
            begun[0] = t;
        }
    };
    private final Runnable post = () -> {
        if (begun[0] != 0) {
            frames.add(System.nanoTime() - begun[0]);
            begun[0] = 0;
        }
    };
    private final Scene scene;

    private FrameTimes(Scene scene) {
        this.scene = scene;
    }

    /** Starts recording on {@code scene}. */
    static FrameTimes start(FxRobot robot, Scene scene) {
        FrameTimes times = new FrameTimes(scene);
        robot.interact(() -> {
            times.timer.start();
            scene.addPostLayoutPulseListener(times.post);
        });
        return times;
    }

    /** Stops recording; the frame times in nanoseconds. */
    long[] stop(FxRobot robot) {
        robot.interact(() -> {
            timer.stop();
            scene.removePostLayoutPulseListener(post);
        });
        return frames.stream().mapToLong(Long::longValue).toArray();
    }

    /** The time between consecutive pulses (60 Hz is 16.7 ms; a stall shows as a long gap). */
    long[] gaps() {
        return gaps.stream().mapToLong(Long::longValue).toArray();
    }

    static long percentile(long[] values, int p) {
        return dev.sitrep.bench.BenchData.percentile(values, p);
    }

    static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
