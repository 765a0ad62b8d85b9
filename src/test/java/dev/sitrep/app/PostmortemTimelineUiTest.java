package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import dev.sitrep.incident.Declaration;
import dev.sitrep.testing.Clipping;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postmortem's timeline table on a realistic record (an evening into the next day, every
 * milestone marked, long entries): times, milestones and entries read whole at every supported
 * size in both themes (they once read "20..." and "alert fi..."), and the wheel over the table
 * scrolls the page.
 */
@ExtendWith(ApplicationExtension.class)
class PostmortemTimelineUiTest {

    /** What happened, in order, from 23:41 UTC into the next day; a milestone where one was reached. */
    private static final List<Entry> ENTRIES = List.of(
            new Entry("2026-12-03T23:41:00Z", "p99 latency on checkout-api climbs past 2 s (found later in the "
                    + "gateway logs)", PostmortemMilestone.FIRST_SYMPTOM),
            new Entry("2026-12-03T23:48:00Z", "CheckoutErrorRate alert fires: 5xx at 14% in eu-west-1",
                    PostmortemMilestone.ALERT_FIRED),
            new Entry("2026-12-03T23:52:00Z", "Lee acknowledges the page and opens the bridge",
                    PostmortemMilestone.ACKNOWLEDGED),
            new Entry("2026-12-03T23:55:00Z", "Declared SEV1: checkout failing for a share of customers in "
                    + "eu-west-1 and us-east-2 after the 23:30 deploy of payments-api; card payments time out after "
                    + "30 s, PayPal and gift cards unaffected; support sees a spike of 'payment failed' tickets from "
                    + "the EU storefronts", null),
            new Entry("2026-12-03T23:58:00Z", "Hypothesis: connection pool exhausted on the replicas (60%)", null),
            new Entry("2026-12-04T00:03:00Z", "Status page updated: degraded checkout", null),
            new Entry("2026-12-04T00:07:00Z", "Kill switch halted on pn (payments writes paused)", null),
            new Entry("2026-12-04T00:12:00Z", "Pool saturation confirmed on replica 3: max_connections 200, "
                    + "all in use by the new retry loop", PostmortemMilestone.ROOT_CAUSE_IDENTIFIED),
            new Entry("2026-12-04T00:19:00Z", "Rolled back payments-api to 4.18.2", PostmortemMilestone.REMEDIATION_APPLIED),
            new Entry("2026-12-04T00:24:00Z", "Kill switch resumed on pn after the checklist", null),
            new Entry("2026-12-04T00:31:00Z", "Error rate back under 0.1% for ten minutes", null),
            new Entry("2026-12-04T00:40:00Z", "Customer support confirms no new tickets", null),
            new Entry("2026-12-04T00:52:00Z", "Status page: resolved", null),
            new Entry("2026-12-04T01:05:00Z", "All-clear given by the commander", PostmortemMilestone.ALL_CLEAR));

    private record Entry(String at, String text, PostmortemMilestone milestone) {
    }

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private Stage stage;
    private Incident incident;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            incident = w.incidents().declare(new Declaration("Checkout 5xx after the payments-api deploy", "SEV1",
                    "checkout", List.of(), "lee", false, null));
            w.incidents().setStatus(incident.id(), IncidentStatus.RESOLVED, null, null);
            List<Postmortem.TimelineRow> rows = new ArrayList<>();
            for (Entry e : ENTRIES) {
                rows.add(new Postmortem.TimelineRow(null, Instant.parse(e.at()), e.text(), e.milestone(), true));
            }
            w.postmortems().save(w.postmortems().draft(incident.id()).withTimeline(rows), 0, "test");
        });
    }

    @AfterEach
    void close() {
        console.close();
    }

    private TableView<?> openTimeline(FxRobot robot) throws Exception {
        robot.interact(() -> console.desktop.navigator().writePostmortem(incident.id()));
        waitUntil(() -> robot.lookup("#pmTimeline").tryQuery().map(t -> ((TableView<?>) t).getItems().size()
                == ENTRIES.size()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#pmTimeline").queryTableView();
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1280, 800, dark", "1280, 800, light", "1600, 1000, dark", "1600, 1000, light", "1920, 1080, dark",
            "1920, 1080, light"})
    void everyTimeMilestoneAndEntryReadsWhole(int width, int height, String theme, FxRobot robot) throws Exception {
        robot.interact(() -> {
            Clipping.useTheme(theme);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        TableView<?> table = openTimeline(robot);
        AtomicReference<List<String>> problems = new AtomicReference<>();
        AtomicReference<List<String>> shown = new AtomicReference<>(new ArrayList<>());
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            problems.set(new ArrayList<>(Clipping.problems(stage.getScene(), table).stream()
                    .filter(p -> p.contains(": shown as")).toList())); // the page scrolls to the rows below the window
            for (Node n : table.lookupAll(".table-cell")) {
                TableCell<?, ?> cell = (TableCell<?, ?>) n;
                if (cell.isVisible() && cell.getText() != null && !cell.getText().isEmpty()) {
                    shown.get().add(cell.getText());
                    Node text = cell.lookup(".text");
                    String drawn = text instanceof javafx.scene.text.Text t ? t.getText() : null;
                    if (cell.isWrapText() && drawn != null && !drawn.equals(cell.getText())) {
                        problems.get().add("\"" + cell.getText() + "\": wrapped but cut as \"" + drawn + "\"");
                    }
                }
            }
        });
        robot.interact(() -> {
            ScrollPane page = robot.lookup("#postmortemPage .page-scroll").query();
            Bounds b = table.localToScene(table.getLayoutBounds());
            double top = b.getMinY() - page.getContent().localToScene(0, 0).getY();
            page.setVvalue(top / Math.max(1, page.getContent().getBoundsInLocal().getHeight()
                    - page.getViewportBounds().getHeight()));
        });
        console.snapshot("postmortem-timeline-" + width + "x" + height + "-" + theme);
        assertThat(problems.get()).as("cut in the timeline table at %dx%d (%s)", width, height, theme).isEmpty();
        assertThat(shown.get()).as("every row laid out, none behind a scroll of the table's own")
                .contains("2026-12-03 23:41", "2026-12-04 01:05")
                .contains(Arrays.stream(PostmortemMilestone.values()).map(PostmortemMilestone::label).toArray(String[]::new))
                .contains(ENTRIES.get(3).text());
    }

    @Test
    void theWheelOverTheTableScrollsThePage(FxRobot robot) throws Exception {
        TableView<?> table = openTimeline(robot);
        ScrollPane page = robot.lookup("#postmortemPage .page-scroll").query();
        robot.interact(() -> page.setVvalue(0));
        Node cell = table.lookupAll(".table-cell").stream().filter(n -> ENTRIES.get(0).text().equals(((TableCell<?, ?>) n)
                .getText())).findFirst().orElseThrow();

        // when: the wheel turns down over the first entry, three notches
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(cell, wheelDown())).get();
        }
        WaitForAsyncUtils.waitForFxEvents();

        // then: the page moved; the table, showing every row, has no scroll of its own to take the wheel
        assertThat(page.getVvalue()).as("the page scrolled under the wheel").isPositive();
        assertThat(scrolls(table)).as("the table shows every row without a scroll bar").isFalse();

        // and: an entry added below grows the table (once laid out), still without a scroll of its own
        robot.interact(() -> console.feature(dev.sitrep.ui.postmortem.PostmortemFeature.class).model()
                .addRow(Instant.parse("2026-12-04T01:20:00Z"), "Postmortem review booked for Monday", null));
        waitUntil(() -> table.lookupAll(".table-cell").stream().anyMatch(n -> n.isVisible()
                && "Postmortem review booked for Monday".equals(((TableCell<?, ?>) n).getText())));
        waitUntil(() -> !scrolls(table));
    }

    @Test
    void aTimelineOfMoreThanAHundredEntriesScrollsWithinOneViewAndHandsTheWheelOnAtItsEnd(FxRobot robot)
            throws Exception {
        TableView<?> table = openTimeline(robot);
        ScrollPane page = robot.lookup("#postmortemPage .page-scroll").query();
        robot.interact(() -> {
            for (int i = 0; i < 100; i++) { // a chatty platform's health changes
                console.feature(dev.sitrep.ui.postmortem.PostmortemFeature.class).model().addRow(
                        Instant.parse("2026-12-04T02:00:00Z").plusSeconds(60L * i), "pn health: degraded (" + i + ")", null);
            }
        });
        waitUntil(() -> table.getItems().size() == ENTRIES.size() + 100 && scrolls(table));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getHeight()).as("one view of the page tall, not every row")
                .isLessThanOrEqualTo(page.getViewportBounds().getHeight() + 1);

        // when: the table is scrolled to its end, and the wheel turns on down over its last row
        robot.interact(() -> {
            page.setVvalue(0);
            table.scrollTo(table.getItems().size() - 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node last = table.lookupAll(".table-cell").stream().filter(n -> n.isVisible()
                && "pn health: degraded (99)".equals(((TableCell<?, ?>) n).getText())).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> Event.fireEvent(last, wheelDown())).get();
        WaitForAsyncUtils.waitForFxEvents();

        // then: the page takes it
        assertThat(page.getVvalue()).as("the page scrolled once the table could not").isPositive();
    }

    /** One notch of the wheel, down (the headless robot has no wheel, so tests fire it). */
    private static ScrollEvent wheelDown() {
        return new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false, 0, -40, 0,
                -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    /** Whether the table shows a vertical scroll bar of its own. */
    private static boolean scrolls(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().anyMatch(n -> n.isVisible()
                && ((ScrollBar) n).getOrientation() == Orientation.VERTICAL);
    }
}
