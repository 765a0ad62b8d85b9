package dev.sitrep.bench;

import dev.sitrep.testing.ChildJvm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up to the first shown frame with a data directory holding 10,000 incidents and 200,000
 * timeline events, beside a bare themed JavaFX window started the same way in the same run
 * (goal <= 1.3x); also start-up until the board shows its incidents. Both run in child JVMs on
 * the headless Monocle platform with the software renderer, eleven rounds each, medians.
 */
@Tag("bench")
class StartupBenchmark {

    /** With a DISPLAY (e.g. Xvfb) both windows are real; without one, both use headless Monocle. */
    private static final boolean REAL_DISPLAY = System.getenv("DISPLAY") != null;
    private static final List<String> HEADLESS = REAL_DISPLAY ? List.of() : List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true");
    private static final int ROUNDS = 11;

    @TempDir
    Path tmp;

    @Test
    void residentMemoryWithTheBoardOfFiveHundredOpenIncidents() throws Exception {
        Path data = tmp.resolve("open");
        BenchData.fill(data, 10_000, 20, 20);
        List<String> options = new java.util.ArrayList<>(HEADLESS);
        options.add("-Dsitrep.startupMarkers=true");
        ProcessBuilder pb = ChildJvm.builder(options, "dev.sitrep.Launcher", List.of())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (REAL_DISPLAY) {
            pb.environment().put("DISPLAY", System.getenv("DISPLAY"));
        }
        pb.environment().put("SITREP_HOME", data.toString());
        Process p = pb.start();
        String rows = "?";
        long rss = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STARTUP board-ready ")) {
                    rows = line.substring("STARTUP board-ready ".length());
                } else if (line.startsWith("STARTUP rss-kb ")) {
                    rss = Long.parseLong(line.substring("STARTUP rss-kb ".length()).strip());
                    break;
                }
            }
        } finally {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        System.out.printf("BENCH board-rss: the console on 10,000 incidents + 200,000 events with %s cards on the board "
                + "(default JVM settings, after a GC): %,d MB resident | goal <= 350 MB%n", rows, rss / 1024);
    }

    @Test
    void firstFrameAgainstABareWindow() throws Exception {
        Path data = tmp.resolve("data");
        BenchData.fill(data, 10_000, 20);
        run(List.of(), BareWindow.Main.class.getName(), null, "first-frame"); // warm the disk cache
        run(List.of("-Dsitrep.startupMarkers=true"), "dev.sitrep.Launcher", data, "board-ready");
        long[] bare = new long[ROUNDS];
        long[] first = new long[ROUNDS];
        long[] ready = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            bare[i] = run(List.of(), BareWindow.Main.class.getName(), null, "first-frame")[0];
            long[] sitrep = run(List.of("-Dsitrep.startupMarkers=true"), "dev.sitrep.Launcher", data, "board-ready");
            first[i] = sitrep[0];
            ready[i] = sitrep[1];
        }
        long b = BenchData.median(bare);
        long f = BenchData.median(first);
        long r = BenchData.median(ready);
        String display = REAL_DISPLAY ? "real display " + System.getenv("DISPLAY") : "headless Monocle";
        System.out.printf("BENCH startup (%s)%n", display);
        System.out.printf("BENCH startup-first-frame: Sitrep with 10,000 incidents + 200,000 events: %,d ms | bare themed "
                + "window (baseline): %,d ms | ratio %.2fx (goal <= 1.3x)%n", f, b, (double) f / b);
        System.out.printf("BENCH startup-board-ready: Sitrep until the board lists its incidents: %,d ms | bare themed "
                + "window (baseline): %,d ms | ratio %.2fx%n", r, b, (double) r / b);
    }

    /**
     * Starts a child JVM with no arguments (as a desktop shortcut does; the data directory comes from
     * SITREP_HOME) and returns the milliseconds from start to each STARTUP marker line, in order.
     */
    private static long[] run(List<String> jvm, String main, Path dataDir, String lastMarker) throws Exception {
        List<String> options = new java.util.ArrayList<>(HEADLESS);
        options.addAll(jvm);
        long start = System.nanoTime();
        ProcessBuilder pb = ChildJvm.builder(options, main, List.of()).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (REAL_DISPLAY) {
            pb.environment().put("DISPLAY", System.getenv("DISPLAY"));
        }
        if (dataDir != null) {
            pb.environment().put("SITREP_HOME", dataDir.toString());
        }
        Process p = pb.start();
        long[] marks = new long[2];
        int n = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("STARTUP ") && n < 2) {
                    marks[n++] = (System.nanoTime() - start) / 1_000_000;
                    if (line.startsWith("STARTUP " + lastMarker)) {
                        break;
                    }
                }
            }
        } finally {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (n == 0) {
            throw new IllegalStateException(main + " printed no STARTUP marker");
        }
        return marks;
    }
}
