package dev.sitrep.app;

import dev.sitrep.bench.BenchData;
import dev.sitrep.core.Incident;
import dev.sitrep.core.Role;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.ui.board.BoardFeature;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live board with 10,000 incidents (500 open): a store change to the card updated, and the
 * time the FX thread spends per frame (animation, CSS, layout) while 100 changes a second stream
 * in, beside the same on an empty board in the same run. (Resident memory: StartupBenchmark, in the
 * console's own process.)
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class BoardBenchmark {

    private static final int ROUNDS = 21;

    @TempDir
    static Path dir;
    @TempDir
    static Path empty;
    private Stage stage;
    private ConsoleFixture console;

    @Start
    void start(Stage s) {
        BenchData.fill(dir, 10_000, 5, 20);
        this.stage = s;
    }

    @AfterEach
    void close() {
        if (console != null) {
            console.close();
        }
    }

    private void open(FxRobot robot, Path data) {
        if (console != null) {
            console.close();
        }
        robot.interact(() -> console = new ConsoleFixture(stage, data, Map.of(), w -> { }));
    }

    @Test
    void changeToCardAndFrameTimeUnderAStreamOfChanges(FxRobot robot) throws Exception {
        open(robot, empty);
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        long[] idle = frames(robot, 3);

        open(robot, dir);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> console.feature(BoardFeature.class).model().rows().size() == 500);
        IncidentService incidents = console.workspace.incidents();
        List<Incident> open = new ArrayList<>(console.feature(BoardFeature.class).model().rows());

        long[] latency = new long[ROUNDS];
        for (int i = -3; i < ROUNDS; i++) {
            Incident target = open.get(Math.floorMod(i * 37, open.size()));
            long took = changeToCard(incidents, target, "ic-" + i);
            if (i >= 0) {
                latency[i] = took;
            }
        }
        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int n = 0;
            long next = System.nanoTime();
            while (streaming.get()) {
                Incident target = open.get(Math.floorMod(n * 53, open.size()));
                incidents.assign(target.id(), Role.SCRIBE, "scribe-" + n++);
                next += 10_000_000L; // 100 changes a second
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    WaitForAsyncUtils.sleep(wait / 1_000_000, TimeUnit.MILLISECONDS);
                }
            }
        }, "bench-writer");
        writer.start();
        long[] busy = frames(robot, 5);
        streaming.set(false);
        writer.join();

        System.out.printf("BENCH board-change-to-card: 10,000 incidents (500 open): store change -> card updated median "
                        + "%.1f ms (p95 %.1f ms) | goal <= 100 ms%n", BenchData.median(latency) / 1e6,
                FrameTimes.percentile(latency, 95) / 1e6);
        System.out.printf("BENCH board-frame: FX thread per frame (animation + CSS + layout) while 100 changes/s stream "
                        + "in: median %.2f ms, p95 %.2f ms | empty board, idle (baseline): median %.2f ms, p95 %.2f ms "
                        + "| goal median <= 16 ms%n", BenchData.median(busy) / 1e6, FrameTimes.percentile(busy, 95) / 1e6,
                BenchData.median(idle) / 1e6, FrameTimes.percentile(idle, 95) / 1e6);
    }

    /** Writes one change off the FX thread and waits for its card to be replaced in its lane. */
    private long changeToCard(IncidentService incidents, Incident target, String commander) throws Exception {
        ObservableList<Incident> lane = console.feature(BoardFeature.class).model().lane(target.severity());
        CompletableFuture<Long> seen = new CompletableFuture<>();
        ListChangeListener<Incident> watch = c -> {
            if (lane.stream().anyMatch(i -> i.id().equals(target.id()) && commander.equals(i.commander()))) {
                seen.complete(System.nanoTime());
            }
        };
        WaitForAsyncUtils.asyncFx(() -> lane.addListener(watch)).get();
        long start = System.nanoTime();
        incidents.assign(target.id(), Role.COMMANDER, commander);
        long end = seen.get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> lane.removeListener(watch)).get();
        return end - start;
    }

    private long[] frames(FxRobot robot, int seconds) {
        FrameTimes times = FrameTimes.start(robot, console.scene);
        WaitForAsyncUtils.sleep(seconds, TimeUnit.SECONDS);
        return times.stop(robot);
    }
}
