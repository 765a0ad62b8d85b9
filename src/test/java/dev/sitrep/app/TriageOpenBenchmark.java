package dev.sitrep.app;

import dev.sitrep.bench.BenchData;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.ui.triage.TriageFeature;
import javafx.scene.control.Label;
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

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening the wizard on a library of 200 team runbooks: from Ctrl+2 (first open) and from "Start
 * over" (which reads the library again) to the first question on screen, beside loading the same
 * library directly in the same run.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class TriageOpenBenchmark {

    private static final int ROUNDS = 7;

    @TempDir
    static Path dir;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        BenchData.runbooks(RunbookLibrary.teamDirectory(dir), 200);
        console = new ConsoleFixture(stage, dir, Map.of(), w -> { });
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void openTheWizardOnTwoHundredRunbooks(FxRobot robot) throws Exception {
        long first = System.nanoTime();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitForQuestion(robot);
        long firstOpen = System.nanoTime() - first;
        long[] reopen = new long[ROUNDS];
        long[] direct = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            var before = console.feature(TriageFeature.class).model().sessionProperty().get();
            robot.moveTo("#triageRestart");
            long t = System.nanoTime();
            robot.clickOn("#triageRestart");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> console.feature(TriageFeature.class).model().sessionProperty().get() != before);
            WaitForAsyncUtils.waitForFxEvents();
            reopen[i] = System.nanoTime() - t;
            long d = System.nanoTime();
            assertThat(RunbookLibrary.load(dir).triageTrees()).hasSizeGreaterThan(60);
            direct[i] = System.nanoTime() - d;
        }
        System.out.printf("BENCH triage-open: wizard on 200 team runbooks: first open (Ctrl+2 to first question) %.0f ms; "
                        + "Start over (reload + first question) %.1f ms | loading the library directly (baseline) %.1f ms "
                        + "| ratio %.2fx%n", firstOpen / 1e6, BenchData.median(reopen) / 1e6, BenchData.median(direct) / 1e6,
                (double) BenchData.median(reopen) / BenchData.median(direct));
    }

    private static void waitForQuestion(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#triageQuestion").tryQuery()
                .map(n -> !((Label) n).getText().isEmpty()).orElse(false));
    }
}
