package dev.sitrep.ui.markdown;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.sitrep.testing.Snapshots;
import javafx.application.Application;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview as the postmortem editor shows it: in a scroll pane that fits its width, under the app's theme. */
@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {

    private static final double WIDTH = 640;

    private MarkdownView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        view = new MarkdownView();
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scene = new Scene(new StackPane(scroll), WIDTH, 480);
        scene.getStylesheets().add(MarkdownViewTest.class.getResource("/dev/sitrep/ui/common/app.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void resetTheme() {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
    }

    @Test
    void headingsOfEveryLevelCarryTheirLevelAndGetSmallerWithIt() throws Exception {
        show("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six");

        assertThat(view.getChildren()).hasSize(6).allMatch(TextFlow.class::isInstance);
        for (int level = 1; level <= 6; level++) {
            TextFlow heading = (TextFlow) view.getChildren().get(level - 1);
            assertThat(heading.getStyleClass()).contains("md-h" + level);
            assertThat(text(heading)).isEqualTo(List.of("One", "Two", "Three", "Four", "Five", "Six").get(level - 1));
            assertThat(weight(runs(heading).get(0))).isEqualTo(FontWeight.BOLD);
        }
        assertThat(size(view.getChildren().get(0))).isGreaterThan(size(view.getChildren().get(2)));
        assertThat(size(view.getChildren().get(2))).isGreaterThan(size(view.getChildren().get(5)));
    }

    @Test
    void emphasisStrongAndInlineCodeAreStyledRunsOfOneParagraph() throws Exception {
        show("Plain *slanted* **heavy** `maxIdle: 20` ***both***");

        TextFlow paragraph = (TextFlow) view.getChildren().get(0);
        assertThat(paragraph.getStyleClass()).contains("md-paragraph");
        assertThat(text(paragraph)).isEqualTo("Plain slanted heavy maxIdle: 20 both");
        Text slanted = run(paragraph, "slanted");
        Text heavy = run(paragraph, "heavy");
        Text code = run(paragraph, "maxIdle: 20");
        Text both = run(paragraph, "both");
        assertThat(posture(slanted)).isEqualTo(FontPosture.ITALIC);
        assertThat(weight(heavy)).isEqualTo(FontWeight.BOLD);
        assertThat(code.getStyleClass()).contains("md-code");
        assertThat(code.getFont().getFamily()).isEqualTo("DejaVu Sans Mono");
        assertThat(posture(both)).isEqualTo(FontPosture.ITALIC);
        assertThat(weight(both)).isEqualTo(FontWeight.BOLD);
        assertThat(run(paragraph, "Plain ").getFont().getSize()).isEqualTo(14.0);
    }

    @Test
    void aSoftBreakJoinsLinesAndAHardBreakStartsANewOne() throws Exception {
        show("first line\nsame line  \nnext line\\\nlast line");

        TextFlow paragraph = (TextFlow) view.getChildren().get(0);
        assertThat(text(paragraph)).isEqualTo("first line same line\nnext line\nlast line");
        assertThat(runs(paragraph)).hasSize(1);
    }

    @Test
    void anOrderedListNumbersFromItsStartAndNestedListsFromTheirs() throws Exception {
        // An ordered list interrupts a paragraph only when it starts at 1: the blank line lets this one start at 3.
        show("3. three\n4. four\n\n   3. three again\n   4. four again\n5. five\n   - dot\n     - circle");

        GridPane list = (GridPane) view.getChildren().get(0);
        assertThat(list.getStyleClass()).contains("md-list", "md-ordered-list");
        assertThat(markers(list)).containsExactly("3.", "4.", "5.");
        VBox four = (VBox) list.getChildren().get(3);
        assertThat(text((TextFlow) four.getChildren().get(0))).isEqualTo("four");
        GridPane nested = (GridPane) four.getChildren().get(1);
        assertThat(markers(nested)).containsExactly("3.", "4.");
        GridPane bullets = (GridPane) ((VBox) list.getChildren().get(5)).getChildren().get(1);
        assertThat(bullets.getStyleClass()).contains("md-bullet-list");
        assertThat(markers(bullets)).containsExactly("•");
        GridPane inner = (GridPane) ((VBox) bullets.getChildren().get(1)).getChildren().get(1);
        assertThat(markers(inner)).containsExactly("◦");
    }

    @Test
    void aTableIsAGridWithABoldHeaderAndEachColumnsAlignment() throws Exception {
        show("""
                | Time | What | Errors |
                |:-----|:----:|-------:|
                | 14:05 | paged **SEV2** | 6% |
                | 14:11 | declared SEV1 | 28% |
                """);

        GridPane table = (GridPane) view.getChildren().get(0);
        assertThat(table.getStyleClass()).contains("md-table");
        assertThat(cell(table, 0, 0).getStyleClass()).contains("md-table-header");
        assertThat(List.of(text(cell(table, 0, 0)), text(cell(table, 1, 0)), text(cell(table, 2, 0))))
                .containsExactly("Time", "What", "Errors");
        assertThat(runs(cell(table, 1, 0))).allMatch(t -> weight(t) == FontWeight.BOLD);
        assertThat(runs(cell(table, 0, 1))).allMatch(t -> weight(t) != FontWeight.BOLD);
        assertThat(text(cell(table, 1, 1))).isEqualTo("paged SEV2");
        assertThat(text(cell(table, 2, 2))).isEqualTo("28%");
        assertThat(cell(table, 1, 2).getStyleClass()).contains("md-table-cell");
        assertThat(cell(table, 0, 1).getTextAlignment()).isEqualTo(TextAlignment.LEFT);
        assertThat(cell(table, 1, 1).getTextAlignment()).isEqualTo(TextAlignment.CENTER);
        assertThat(cell(table, 2, 1).getTextAlignment()).isEqualTo(TextAlignment.RIGHT);
    }

    @Test
    void aCodeBlockKeepsItsTextExactlyInMonospaceAndNeverWraps() throws Exception {
        String code = "pool:\n  maxIdle: 20\t# was 200\n\n  acquireTimeout: 250ms " + "x".repeat(200);
        show("```yaml\n" + code + "\n```\n\n    indented  code\n");

        ScrollPane fenced = (ScrollPane) view.getChildren().get(0);
        assertThat(fenced.getStyleClass()).contains("md-code-block");
        Text text = (Text) fenced.getContent();
        assertThat(text.getText()).isEqualTo(code);
        assertThat(text.getFont().getFamily()).isEqualTo("DejaVu Sans Mono");
        assertThat(text.getWrappingWidth()).isZero();
        assertThat(fenced.getWidth()).isLessThanOrEqualTo(WIDTH);
        assertThat(text.getLayoutBounds().getWidth()).isGreaterThan(WIDTH);
        assertThat(horizontalBar(fenced).isVisible()).isTrue();
        assertThat(fenced.getViewportBounds().getHeight()).as("the scroll bar leaves the last line visible")
                .isGreaterThanOrEqualTo(text.getLayoutBounds().getHeight());
        ScrollPane indented = (ScrollPane) view.getChildren().get(1);
        assertThat(((Text) indented.getContent()).getText()).isEqualTo("indented  code");
        assertThat(horizontalBar(indented).isVisible()).isFalse();
    }

    @Test
    void theWheelOverACodeBlockScrollsThePreview() throws Exception {
        show("```\n" + "a long line of output ".repeat(20) + "\n```\n\n" + "A paragraph.\n\n".repeat(60));
        ScrollPane preview = (ScrollPane) ((StackPane) scene.getRoot()).getChildren().get(0);
        Node code = ((ScrollPane) view.getChildren().get(0)).getContent();

        // when: the wheel turns down over the code (the headless robot has no wheel, so the event is fired)
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(code, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false,
                false, false, false, false, false, 0, -120, 0, -120, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null))).get();
        // then: the preview scrolls; the code block, which only scrolls sideways, lets it
        assertThat(preview.getVvalue()).isPositive();
    }

    @Test
    void aTableWiderThanTheViewWrapsItsLongCellsAndKeepsShortOnesOnOneLine() throws Exception {
        show("| Time | Who | What happened |\n|---|---|---|\n| 14:11 | Maria | "
                + "Declared SEV1 and opened the bridge. ".repeat(8) + "|");

        GridPane table = (GridPane) view.getChildren().get(0);
        assertThat(table.getBoundsInParent().getMaxX()).isLessThanOrEqualTo(view.getWidth());
        double line = cell(table, 0, 0).getHeight();
        assertThat(cell(table, 0, 1).getHeight()).isGreaterThan(3 * line);
        assertThat(runs(cell(table, 0, 1)).get(0).getBoundsInParent().getHeight()).isLessThan(line);
        assertThat(runs(cell(table, 1, 1)).get(0).getBoundsInParent().getHeight()).isLessThan(line);
        assertThat(runs(cell(table, 2, 1)).get(0).getBoundsInParent().getHeight()).isGreaterThan(3 * line);
    }

    @Test
    void aLinkIsUnderlinedTextWithItsAddressInATooltip(FxRobot robot) throws Exception {
        show("See the [deploy record](https://deploys.example.com/pn/8812) for details.");

        TextFlow paragraph = (TextFlow) view.getChildren().get(0);
        assertThat(text(paragraph)).isEqualTo("See the deploy record for details.");
        Text link = run(paragraph, "deploy record");
        assertThat(link.getStyleClass()).contains("md-link");
        assertThat(link.isUnderline()).isTrue();
        assertThat(link.getOnMouseClicked()).isNull();
        assertThat(run(paragraph, "See the ").isUnderline()).isFalse();

        // when: the pointer rests on the link, then: its address shows in a tooltip
        assertThat(tooltipShownFor(robot, link)).isEqualTo("https://deploys.example.com/pn/8812");
    }

    @Test
    void aQuoteIsIndentedBehindALeftBorder() throws Exception {
        show("> We assumed the gateway would queue.\n>\n> — Tomás");

        VBox quote = (VBox) view.getChildren().get(0);
        assertThat(quote.getStyleClass()).contains("md-quote");
        assertThat(quote.getChildren()).hasSize(2);
        assertThat(text((TextFlow) quote.getChildren().get(1))).isEqualTo("— Tomás");
        var border = quote.getBorder().getStrokes().get(0);
        assertThat(border.getWidths().getLeft()).isPositive();
        assertThat(border.getWidths().getTop()).isZero();
        assertThat(quote.getChildren().get(0).getBoundsInParent().getMinX())
                .isGreaterThan(border.getWidths().getLeft());
    }

    @Test
    void aThematicBreakIsASeparator() throws Exception {
        show("above\n\n---\n\nbelow");

        assertThat(view.getChildren()).hasSize(3);
        assertThat(view.getChildren().get(1)).isInstanceOf(Separator.class);
    }

    @Test
    void anImageIsItsAltTextInBracketsAndNothingIsLoaded() throws Exception {
        show("Errors: ![error rate, *14:00-15:30*](https://grafana.example.com/x.png) and ![](file:///etc/passwd)");

        TextFlow paragraph = (TextFlow) view.getChildren().get(0);
        assertThat(text(paragraph)).isEqualTo("Errors: [error rate, 14:00-15:30] and [image]");
        assertThat(run(paragraph, "[error rate, 14:00-15:30]").getStyleClass()).contains("md-image");
        assertThat(descendants(view)).noneMatch(ImageView.class::isInstance);
    }

    @Test
    void rawHtmlIsShownAsLiteralTextAndBuildsNothingElse() throws Exception {
        show("<script>alert(1)</script>\n\nSome <b>x</b> and <img src=\"https://example.com/t.png\"> inline.");

        assertThat(descendants(view)).allMatch(n -> n instanceof TextFlow || n instanceof Text);
        assertThat(text((TextFlow) view.getChildren().get(0))).isEqualTo("<script>alert(1)</script>");
        assertThat(text((TextFlow) view.getChildren().get(1)))
                .isEqualTo("Some <b>x</b> and <img src=\"https://example.com/t.png\"> inline.");
        assertThat(runs((TextFlow) view.getChildren().get(1))).allMatch(t -> weight(t) != FontWeight.BOLD);
    }

    @Test
    void aLongParagraphWrapsToTheWidthTheViewIsGiven() throws Exception {
        show("word ".repeat(400));

        TextFlow paragraph = (TextFlow) view.getChildren().get(0);
        Bounds bounds = paragraph.getBoundsInParent();
        assertThat(view.getWidth()).isLessThanOrEqualTo(WIDTH);
        assertThat(bounds.getMaxX()).isLessThanOrEqualTo(view.getWidth());
        assertThat(bounds.getHeight()).isGreaterThan(10 * runs(paragraph).get(0).getFont().getSize());
    }

    @Test
    void settingNewMarkdownReplacesWhatWasShown() throws Exception {
        show("# Old\n\nold text");
        show("new text");

        assertThat(view.getChildren()).singleElement()
                .satisfies(n -> assertThat(text((TextFlow) n)).isEqualTo("new text"));
    }

    @Test
    void anEditRebuildsOnlyTheBlockThatChanged() throws Exception {
        show("# Title\n\nfirst\n\n---\n\nsecond\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |");
        List<Node> before = List.copyOf(view.getChildren());

        show("# Title\n\nfirst\n\n---\n\nsecond, edited\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        List<Node> after = view.getChildren();
        assertThat(after).hasSize(6);
        assertThat(text((TextFlow) after.get(3))).isEqualTo("second, edited");
        assertThat(after.get(3)).isNotSameAs(before.get(3));
        for (int i : new int[] {0, 1, 2, 4, 5}) {
            assertThat(after.get(i)).isSameAs(before.get(i));
        }
    }

    @Test
    void aChangedLinkDefinitionReachesLinksInBlocksThatDidNotChange() throws Exception {
        show("See the [deploy record][deploy].\n\n[deploy]: https://deploys.example.com/old");
        show("See the [deploy record][deploy].\n\n[deploy]: https://deploys.example.com/new");

        assertThat(installedTooltip(run((TextFlow) view.getChildren().get(0), "deploy record")))
                .isEqualTo("https://deploys.example.com/new");
    }

    @Test
    void aPostmortemSectionReadsWellInBothThemes() throws Exception {
        String markdown = resource("/markdown/postmortem-section.md");
        // A page as tall as the document, outside the window (taller than the headless screen): the picture shows
        // it all.
        Scene page = WaitForAsyncUtils.asyncFx(() -> {
            MarkdownView document = new MarkdownView();
            document.setMarkdown(markdown);
            Scene whole = new Scene(new StackPane(document), WIDTH, -1);
            whole.getStylesheets().addAll(scene.getStylesheets());
            return whole;
        }).get();
        MarkdownView document = (MarkdownView) ((StackPane) page.getRoot()).getChildren().get(0);

        snapshot(page, "markdown-preview");
        assertThat(document.getChildren()).hasSizeGreaterThan(15);
        assertThat(page.getHeight()).isGreaterThan(1000);
        assertThat(document.getChildren()).allMatch(n -> n.getBoundsInParent().getMaxX() <= document.getWidth() + 0.5);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        snapshot(page, "markdown-preview-light");
    }

    // Helpers

    private void show(String markdown) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            view.setMarkdown(markdown);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void snapshot(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Snapshots.write(scene, name)).get();
    }

    /**
     * Rests the pointer on {@code node} and returns the text of the tooltip that shows. Waits first
     * for any tooltip still up from an earlier test to go: while one shows, Tooltip ignores moves.
     */
    private static String tooltipShownFor(FxRobot robot, Node node) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTooltip().isEmpty());
        robot.moveTo(node).moveBy(2, 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownTooltip().isPresent());
        return shownTooltip().orElseThrow();
    }

    private static Optional<String> shownTooltip() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Tooltip && w.isShowing()).map(w -> ((Tooltip) w).getText())
                .findFirst()).get();
    }

    /** The tooltip installed on {@code node}, where {@link Tooltip#install} keeps it. */
    private static String installedTooltip(Node node) {
        return ((Tooltip) node.getProperties().get("javafx.scene.control.Tooltip")).getText();
    }

    private static ScrollBar horizontalBar(ScrollPane pane) {
        return pane.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(b -> b.getOrientation() == Orientation.HORIZONTAL).findFirst().orElseThrow();
    }

    private static List<Text> runs(TextFlow flow) {
        return flow.getChildren().stream().map(Text.class::cast).toList();
    }

    private static String text(TextFlow flow) {
        StringBuilder s = new StringBuilder();
        runs(flow).forEach(t -> s.append(t.getText()));
        return s.toString();
    }

    private static Text run(TextFlow flow, String text) {
        return runs(flow).stream().filter(t -> t.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no run \"" + text + "\" in "
                        + runs(flow).stream().map(Text::getText).toList()));
    }

    private static List<String> markers(GridPane list) {
        return list.getChildren().stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText()).toList();
    }

    private static TextFlow cell(GridPane table, int column, int row) {
        return (TextFlow) table.getChildren().stream()
                .filter(n -> GridPane.getColumnIndex(n) == column && GridPane.getRowIndex(n) == row).findFirst()
                .orElseThrow();
    }

    private static FontWeight weight(Text text) {
        return text.getFont().getStyle().contains("Bold") ? FontWeight.BOLD : FontWeight.NORMAL;
    }

    private static FontPosture posture(Text text) {
        String style = text.getFont().getStyle();
        return style.contains("Italic") || style.contains("Oblique") ? FontPosture.ITALIC : FontPosture.REGULAR;
    }

    private static double size(Node flow) {
        return runs((TextFlow) flow).get(0).getFont().getSize();
    }

    /** Every node the view built, looking into code blocks' content but not into controls' skins. */
    private static List<Node> descendants(Parent root) {
        List<Node> all = new ArrayList<>();
        for (Node child : root.getChildrenUnmodifiable()) {
            all.add(child);
            if (child instanceof ScrollPane scroll) {
                all.add(scroll.getContent());
            } else if (child instanceof Parent parent && !(child instanceof Control)) {
                all.addAll(descendants(parent));
            }
        }
        return all;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MarkdownViewTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
