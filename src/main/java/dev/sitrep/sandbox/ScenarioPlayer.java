package dev.sitrep.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plays a {@link Scenario} against a {@link SandboxServer}: each step happens when the injected
 * clock reaches its offset from {@link #start()}. Time comes only from the clock; the scheduler
 * only wakes the player up, at the next step's time, to {@link #tick()}. So a test with a
 * hand-moved clock advances it and calls {@code tick()} itself, without sleeping, and a tick
 * that wakes early or late still plays exactly the steps that are due, in order.
 */
public final class ScenarioPlayer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScenarioPlayer.class.getName());

    /**
     * One step as it happened.
     *
     * @param at     when it was due (start + round * every + offset)
     * @param offset its offset within the round
     * @param round  counted from 1
     * @param what   what happened, in one line
     */
    public record Played(Instant at, Duration offset, int round, Scenario.Step step, String what) {
    }

    /** One thing to do in a round: a step, or the end of an error burst. */
    private record Cue(Duration offset, Scenario.Step step, ScenarioAction action) {
    }

    private final Scenario scenario;
    private final SandboxServer sandbox;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Consumer<Played> listener;
    private final List<Cue> cues;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Instant start;
    private int round;
    private int next;
    private ScheduledFuture<?> wakeUp;
    private boolean closed;

    public ScenarioPlayer(Scenario scenario, SandboxServer sandbox, Clock clock, ScheduledExecutorService scheduler,
                          Consumer<Played> listener) {
        this.scenario = scenario;
        this.sandbox = sandbox;
        this.clock = clock;
        this.scheduler = scheduler;
        this.listener = listener;
        this.cues = cues(scenario);
    }

    private static List<Cue> cues(Scenario scenario) {
        List<Cue> cues = new ArrayList<>();
        for (Scenario.Step step : scenario.steps()) {
            cues.add(new Cue(step.at(), step, step.action()));
            if (step.action() instanceof ScenarioAction.ErrorBurst burst) {
                cues.add(new Cue(step.at().plus(burst.length()), step, new ScenarioAction.EndErrorBurst()));
            }
        }
        cues.sort(Comparator.comparing(Cue::offset)); // stable: same-time cues keep the file's order
        return List.copyOf(cues);
    }

    /** Starts the clock on the scenario and plays the steps due at once (offset zero). */
    public synchronized void start() {
        if (start != null) {
            throw new IllegalStateException("scenario " + scenario.name() + " is already playing; a player plays once");
        }
        start = clock.instant();
        if (cues.isEmpty()) {
            finish();
        }
        tick();
    }

    /** Plays every step that is due by the clock now, then sleeps until the next one. */
    public synchronized void tick() {
        if (start == null || closed || done.isDone()) {
            return;
        }
        Instant now = clock.instant();
        while (!done.isDone() && !due(next).isAfter(now)) {
            Cue cue = cues.get(next);
            listener.accept(new Played(due(next), cue.offset(), round + 1, cue.step(), cue.action().apply(sandbox)));
            advance();
        }
        if (!done.isDone()) {
            scheduleWakeUp(Duration.between(now, due(next)));
        }
    }

    /** Completes when the last step of the last round has played; never for a scenario that repeats forever. */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** When the next step is due, or {@code null} when not started or finished. */
    public synchronized Instant nextDue() {
        return start == null || done.isDone() ? null : due(next);
    }

    private Instant due(int cue) {
        Duration roundStart = scenario.repeat() == null ? Duration.ZERO : scenario.repeat().every().multipliedBy(round);
        return start.plus(roundStart).plus(cues.get(cue).offset());
    }

    private void advance() {
        next++;
        if (next < cues.size()) {
            return;
        }
        Scenario.Repeat repeat = scenario.repeat();
        if (repeat != null && (repeat.forever() || round + 1 < repeat.rounds())) {
            round++;
            next = 0;
        } else {
            finish();
        }
    }

    private void finish() {
        cancelWakeUp();
        done.complete(null);
    }

    private void scheduleWakeUp(Duration in) {
        cancelWakeUp();
        wakeUp = scheduler.schedule(this::safeTick, Math.max(0, in.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "scenario " + scenario.name() + " stopped: a step failed", e);
            close();
            done.completeExceptionally(e);
        }
    }

    private void cancelWakeUp() {
        if (wakeUp != null) {
            wakeUp.cancel(false);
            wakeUp = null;
        }
    }

    /** Stops playing; the sandbox keeps the state the steps so far gave it. Leaves the scheduler running (not ours). */
    @Override
    public synchronized void close() {
        closed = true;
        cancelWakeUp();
    }
}
