package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.bench.BenchData;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.declare.DeclareFeature;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Declare-to-listed: from pressing Enter in the declare sheet to the incident on the board, in a
 * workspace of 10,000 incidents and 200,000 timeline events; beside the store's own round trip
 * (declare, then read the board's list) measured in the same run.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class DeclareLatencyBenchmark {

    private static final int ROUNDS = 21;

    @TempDir
    static Path dir;
    private ConsoleFixture console;
    private Services workspace;
    private Desktop desktop;

    @Start
    void start(Stage stage) {
        BenchData.fill(dir, 10_000, 20);
        console = new ConsoleFixture(stage, dir, Map.of(), w -> { });
        workspace = console.workspace;
        desktop = console.desktop;
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void declareToListed() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !console.feature(BoardFeature.class).model().rows().isEmpty());
        long[] ui = new long[ROUNDS];
        long[] store = new long[ROUNDS];
        IncidentService incidents = workspace.incidents();
        for (int i = 0; i < ROUNDS; i++) {
            ui[i] = declareThroughTheSheet("UI round " + i);
            long t0 = System.nanoTime();
            incidents.declare(Declaration.titled("store round " + i));
            incidents.list(IncidentService.UNFINISHED);
            store[i] = (System.nanoTime() - t0) / 1_000;
        }
        long u = BenchData.median(ui);
        long s = BenchData.median(store);
        System.out.printf("BENCH declare-to-listed: Enter in the declare sheet to the row on the board (10,000 incidents): "
                + "%.1f ms | store round trip, declare + list (baseline): %.1f ms | ratio %.2fx%n", u / 1000.0, s / 1000.0,
                (double) u / s);
    }

    private long declareThroughTheSheet(String title) throws Exception {
        CompletableFuture<Long> listed = new CompletableFuture<>();
        long[] start = new long[1];
        Platform.runLater(() -> {
            desktop.navigator().declare(); // Ctrl+N: the sheet over the window
            console.feature(DeclareFeature.class).model().reset(SeverityScales.FIVE_LEVEL, "bench");
            console.feature(DeclareFeature.class).model().titleProperty().set(title);
            ListChangeListener<Object> watch = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<?> c) {
                    if (console.feature(BoardFeature.class).model().lane("SEV2").stream().anyMatch(r -> r.title().equals(title))) {
                        listed.complete((System.nanoTime() - start[0]) / 1_000);
                        console.feature(BoardFeature.class).model().lane("SEV2").removeListener(this);
                    }
                }
            };
            console.feature(BoardFeature.class).model().lane("SEV2").addListener(watch);
            start[0] = System.nanoTime();
            console.feature(DeclareFeature.class).model().declare();
        });
        return listed.get(30, TimeUnit.SECONDS);
    }
}
