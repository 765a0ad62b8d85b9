package dev.sitrep.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/** The console's one-second beat: the board's clocks count, the incident page's resume watch counts. */
public final class SecondTicker {

    private final List<Runnable> listeners = new ArrayList<>();
    private final Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> List.copyOf(listeners)
            .forEach(Runnable::run)));

    public SecondTicker() {
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }

    /** Runs {@code listener} on the FX thread every second from now on. */
    public void add(Runnable listener) {
        listeners.add(listener);
    }

    public void stop() {
        timeline.stop();
    }
}
