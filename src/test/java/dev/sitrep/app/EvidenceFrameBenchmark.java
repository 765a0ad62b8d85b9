package dev.sitrep.app;

import dev.sitrep.bench.BenchData;
import dev.sitrep.incident.Declaration;
import dev.sitrep.ui.evidence.EvidenceFeature;
import javafx.scene.input.KeyCode;
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

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's frames while the Evidence page ingests a 1 GiB file (hashing and copying on a
 * worker thread, progress on the page), beside the same page idle in the same run.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class EvidenceFrameBenchmark {

    private static final long SIZE = 1L << 30;

    @TempDir
    Path dir;
    @TempDir
    Path files;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> w.incidents().declare(Declaration.titled("Disk image")));
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void framesWhileAGibibyteIsIngested(FxRobot robot) throws Exception {
        Path image = files.resolve("disk.img");
        byte[] chunk = new byte[1 << 20];
        new Random(3).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(image)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                chunk[0]++;
                out.write(chunk);
            }
        }
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> console.feature(EvidenceFeature.class).model().incidentProperty().get() != null);
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);

        FrameTimes idle = FrameTimes.start(robot, console.scene);
        WaitForAsyncUtils.sleep(3, TimeUnit.SECONDS);
        long[] idleFrames = idle.stop(robot);

        FrameTimes busy = FrameTimes.start(robot, console.scene);
        long t = System.nanoTime();
        robot.interact(() -> console.feature(EvidenceFeature.class).model().addPaths(List.of(image)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !console.feature(EvidenceFeature.class).model().status().busyProperty().get());
        long took = System.nanoTime() - t;
        long[] busyFrames = busy.stop(robot);
        assertThat(!console.feature(EvidenceFeature.class).model().status().failureProperty().get().isEmpty())
                .as(console.feature(EvidenceFeature.class).model().status().failureProperty().get()).isFalse();

        System.out.printf("BENCH evidence-frames: FX thread per frame while the Evidence page ingests 1 GiB (%.1f s, "
                        + "%.0f MB/s): median %.2f ms, p95 %.2f ms, max %.1f ms; longest gap between pulses %.1f ms | same "
                        + "page idle (baseline): median %.2f ms, p95 %.2f ms, max %.1f ms; longest gap %.1f ms | goal: "
                        + "p95 <= 16 ms, no gap over 100 ms%n", took / 1e9, SIZE / 1e6 / (took / 1e9),
                BenchData.median(busyFrames) / 1e6, FrameTimes.percentile(busyFrames, 95) / 1e6,
                FrameTimes.max(busyFrames) / 1e6, FrameTimes.max(busy.gaps()) / 1e6,
                BenchData.median(idleFrames) / 1e6, FrameTimes.percentile(idleFrames, 95) / 1e6,
                FrameTimes.max(idleFrames) / 1e6, FrameTimes.max(idle.gaps()) / 1e6);
    }
}
