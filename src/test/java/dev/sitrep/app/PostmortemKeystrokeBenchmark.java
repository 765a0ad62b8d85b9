package dev.sitrep.app;

import dev.sitrep.bench.BenchData;
import dev.sitrep.core.IncidentId;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.postmortem.PostmortemFeature;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key press in a postmortem section to its preview updated (through the next pulse's CSS and
 * layout), with the draft of a 5,000-event incident open, beside the same key press in a bare
 * text area in the same window.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class PostmortemKeystrokeBenchmark {

    private static final int ROUNDS = 41;

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private IncidentId incident;

    @Start
    void start(Stage stage) {
        try (Store store = Store.open(dir)) {
            IncidentService incidents = TestServices.on(store, "bench").random(new Random(3)).build().incidents();
            incident = incidents.declare(new Declaration("Checkout 5xx after deploy", "SEV2", "checkout", List.of("pn"),
                    null, false, null)).id();
            store.write(tx -> {
                tx.timeline().append(BenchData.timelineEvents(incident, Clock.systemUTC().instant(), 5_000));
                return null;
            });
        }
        console = new ConsoleFixture(stage, dir, Map.of(), w -> { });
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void keyPressToPreviewWithAFiveThousandEventDraftOpen(FxRobot robot) throws Exception {
        robot.interact(() -> console.desktop.navigator().writePostmortem(incident));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#pmSection-went_well").tryQuery().isPresent());
        TextArea section = robot.lookup("#pmSection-went_well").queryAs(TextArea.class);
        assertThat(console.feature(PostmortemFeature.class).model().docProperty().get().timeline()).hasSizeGreaterThan(5_000);
        TextArea bare = new TextArea();
        robot.interact(() -> ((javafx.scene.layout.Pane) console.scene.getRoot().lookup("#postmortemEditor"))
                .getChildren().add(bare));
        robot.interact(() -> section.setText("Paging worked: **"));
        long[] typed = new long[ROUNDS];
        long[] baseline = new long[ROUNDS];
        for (int i = -5; i < ROUNDS; i++) {
            String word = "w" + (i + 5);
            long t = keyToPulse(robot, () -> section.appendText(" " + word));
            long b = keyToPulse(robot, () -> bare.appendText(" " + word));
            if (i >= 0) {
                typed[i] = t;
                baseline[i] = b;
            }
            assertThat(robot.lookup("#pmPreview-went_well").lookup((Text n) -> n.getText().contains(word)).tryQuery())
                    .as("the preview shows what was typed").isPresent();
        }
        System.out.printf("BENCH postmortem-keystroke: key press in a section -> its preview updated (next pulse's CSS "
                        + "and layout), 5,000-event draft open: median %.1f ms, p95 %.1f ms | the same key press in a bare "
                        + "text area (baseline): median %.1f ms, p95 %.1f ms | goal <= 50 ms%n",
                BenchData.median(typed) / 1e6, FrameTimes.percentile(typed, 95) / 1e6,
                BenchData.median(baseline) / 1e6, FrameTimes.percentile(baseline, 95) / 1e6);
    }

    /** From the change (on the FX thread) to the end of the next layout pass. */
    private long keyToPulse(FxRobot robot, Runnable change) throws Exception {
        Scene scene = console.scene;
        CompletableFuture<Long> laidOut = new CompletableFuture<>();
        long[] start = new long[1];
        robot.interact(() -> {
            Runnable[] hook = new Runnable[1];
            hook[0] = () -> {
                laidOut.complete(System.nanoTime());
                Platform.runLater(() -> scene.removePostLayoutPulseListener(hook[0]));
            };
            start[0] = System.nanoTime();
            change.run();
            scene.addPostLayoutPulseListener(hook[0]);
            Platform.requestNextPulse();
        });
        return laidOut.get(10, TimeUnit.SECONDS) - start[0];
    }
}
