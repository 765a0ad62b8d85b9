package dev.sitrep.bench;

import atlantafx.base.theme.PrimerDark;
import dev.sitrep.ui.markdown.MarkdownView;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postmortem editor's preview of a 20,000-character document (a sample section repeated:
 * headings, a timeline table, nested lists, a quote, code), timed on the FX thread as the editor
 * uses it, from {@code setMarkdown} through the CSS and layout passes of the next pulse in a shown
 * 1280x800 window (painting not included):
 * re-rendering after a keystroke in a paragraph in the middle, and opening the document in a new
 * view. Baseline in the same run: commonmark parsing the same text (the view's configuration:
 * tables, block source spans), nothing else. Goal: the re-render well under 50 ms. Run with
 * {@code mvn -Pbench verify}.
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class MarkdownPreviewBenchmark {

    private static final int CHARS = 20_000;
    private static final int WARM_UP = 30;
    private static final int ROUNDS = 21;

    private ScrollPane scroll;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        scroll = new ScrollPane();
        scroll.setFitToWidth(true);
        scene = new Scene(new StackPane(scroll), 1280, 800);
        scene.getStylesheets().add(MarkdownPreviewBenchmark.class.getResource("/dev/sitrep/ui/common/app.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aTwentyThousandCharacterPostmortemBesideParsingIt() throws Exception {
        String text = document();
        int typingAt = text.indexOf(" restored service;", CHARS / 2);
        assertThat(typingAt).isPositive();
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create()))
                .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
        long firstOpen = open(text);
        MarkdownView view = (MarkdownView) scroll.getContent();
        long firstEdit = edit(view, typed(text, typingAt, 0));
        long[] editing = new long[ROUNDS];
        long[] baseline = new long[ROUNDS];
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            long b = parse(parser, text);
            long e = edit(view, typed(text, typingAt, 1 + i));
            if (i >= WARM_UP) {
                baseline[i - WARM_UP] = b;
                editing[i - WARM_UP] = e;
            }
        }
        // Opening last: a view taken out of the scene and put back would have all its CSS applied again.
        long[] opening = new long[ROUNDS];
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            long o = open(text);
            if (i >= WARM_UP) {
                opening[i - WARM_UP] = o;
            }
        }
        int blocks = WaitForAsyncUtils.asyncFx(() -> ((MarkdownView) scroll.getContent()).getChildren().size()).get();
        assertThat(blocks).isGreaterThan(100);
        long e = BenchData.median(editing);
        long o = BenchData.median(opening);
        long b = BenchData.median(baseline);
        System.out.printf("BENCH markdown-preview: %,d-character postmortem (%d top-level blocks), FX thread, "
                        + "setMarkdown through the next pulse's CSS and layout: re-render after a keystroke %.1f ms, "
                        + "opening it in a new view %.1f ms (first in this JVM: %.0f ms open, %.0f ms re-render) | "
                        + "commonmark parse only (baseline): %.2f ms | ratio %.1fx re-render, %.1fx open "
                        + "(goal: re-render well under 50 ms)%n",
                text.length(), blocks, e / 1e6, o / 1e6, firstOpen / 1e6, firstEdit / 1e6, b / 1e6, (double) e / b,
                (double) o / b);
    }

    /** Nanoseconds to show {@code text} in {@code view}, through the CSS and layout of the next pulse. */
    private long edit(MarkdownView view, String text) throws Exception {
        return timed(() -> view.setMarkdown(text));
    }

    /** Nanoseconds to show {@code text} in a new view in place of the last, through the next pulse's CSS and layout. */
    private long open(String text) throws Exception {
        return timed(() -> {
            MarkdownView view = new MarkdownView();
            scroll.setContent(view);
            view.setMarkdown(text);
        });
    }

    /**
     * The time {@code change} takes on the FX thread plus the CSS and layout passes of the pulse
     * that follows (what the thread does before it paints), as a scene's pulse listeners see them.
     */
    private long timed(Runnable change) throws Exception {
        CompletableFuture<Long> took = new CompletableFuture<>();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            change.run();
            long changed = System.nanoTime() - start;
            long[] pass = new long[1];
            Runnable[] listeners = new Runnable[2];
            listeners[0] = () -> pass[0] = System.nanoTime();
            listeners[1] = () -> {
                scene.removePreLayoutPulseListener(listeners[0]);
                scene.removePostLayoutPulseListener(listeners[1]);
                took.complete(changed + System.nanoTime() - pass[0]);
            };
            scene.addPreLayoutPulseListener(listeners[0]);
            scene.addPostLayoutPulseListener(listeners[1]);
            Platform.requestNextPulse();
        });
        return took.get(30, TimeUnit.SECONDS);
    }

    /** The text as it is after typing {@code count + 1} characters at {@code at}. */
    private static String typed(String text, int at, int count) {
        return text.substring(0, at) + "x".repeat(count + 1) + text.substring(at);
    }

    private static long parse(Parser parser, String text) {
        long start = System.nanoTime();
        org.commonmark.node.Node document = parser.parse(text);
        long took = System.nanoTime() - start;
        assertThat(document.getFirstChild()).isNotNull();
        return took;
    }

    private static String document() throws Exception {
        String section;
        try (InputStream in = MarkdownPreviewBenchmark.class.getResourceAsStream("/markdown/postmortem-section.md")) {
            section = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        while (text.length() < CHARS) {
            text.append(section).append('\n');
        }
        return text.substring(0, CHARS);
    }
}
