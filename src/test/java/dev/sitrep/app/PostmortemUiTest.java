package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.incident.Declaration;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postmortem editor as a commander uses it: Write postmortem on a resolved incident, type in
 * a section and see the preview follow, then close the console, reopen the workspace and find the
 * text there.
 */
@ExtendWith(ApplicationExtension.class)
class PostmortemUiTest {

    @TempDir
    Path dir;
    private Stage stage;
    private ConsoleFixture console;
    private Incident incident;

    @Start
    void start(Stage s) {
        stage = s;
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            incident = w.incidents().declare(new Declaration("Checkout 5xx after deploy", "SEV2", "checkout",
                    java.util.List.of(), null, false, null));
            w.incidents().setStatus(incident.id(), IncidentStatus.RESOLVED, null, null);
        });
    }

    @AfterEach
    void close() {
        console.close();
    }

    /** Focuses a field further down the page, as scrolling to it and clicking would. */
    private static void focus(FxRobot robot, String query) {
        javafx.scene.Node field = robot.lookup(query).query();
        robot.interact(() -> {
            field.requestFocus();
            javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) robot.lookup("#postmortemPage .page-scroll")
                    .query();
            double y = field.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(y / Math.max(1, scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds()
                    .getHeight()));
        });
    }

    private static boolean previewShows(FxRobot robot, String text) {
        return robot.lookup("#pmPreview-went_well").lookup((Text t) -> t.getText().contains(text)).tryQuery().isPresent();
    }

    @Test
    void enterAddsAnActionItemAndLeavesTheFieldReadyForTheNext(FxRobot robot) throws Exception {
        robot.interact(() -> console.desktop.navigator().writePostmortem(incident.id()));
        waitUntil(() -> robot.lookup("#pmActionText").tryQuery().isPresent());
        TextField action = robot.lookup("#pmActionText").queryAs(TextField.class);
        javafx.scene.control.TableView<?> table = robot.lookup("#pmActions").queryTableView();

        focus(robot, "#pmActionText");
        robot.write("Alert on pool saturation").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(action.getText()).isEmpty();
        assertThat(action.isFocused()).as("the action field keeps the focus for the next item").isTrue();

        robot.write("Cap the retry loop");
        focus(robot, "#pmActionOwner");
        robot.write("lee").type(KeyCode.ENTER); // Enter in the owner field adds it too
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(console.workspace.actionItems().forIncident(incident.id()))
                .extracting(dev.sitrep.core.ActionItem::action, dev.sitrep.core.ActionItem::owner)
                .contains(org.assertj.core.groups.Tuple.tuple("Cap the retry loop", "lee"));
        assertThat(action.isFocused()).isTrue();

        robot.type(KeyCode.ENTER); // nothing written: nothing added, and the message says why
        waitUntil(() -> robot.lookup("#pmMessage").queryAs(Label.class).getText().contains("the Action field is empty"));
        assertThat(table.getItems()).hasSize(2);
        assertThat(console.workspace.actionItems().forIncident(incident.id())).hasSize(2);
    }

    @Test
    void editASectionSeeThePreviewThenReopenAndFindTheEdit(FxRobot robot) throws Exception {
        robot.interact(() -> console.shellModel.openIncident(incident.id()));
        waitUntil(() -> robot.lookup("#postmortemButton").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#postmortemButton");
        waitUntil(() -> robot.lookup("#pmSection-went_well").tryQuery().isPresent());
        assertThat(robot.lookup("#pmTitle").queryTextInputControl().getText())
                .startsWith("Incident ").endsWith(": Checkout 5xx after deploy");
        assertThat(robot.lookup("#missingMilestones").queryAs(Label.class).getText()).contains("first symptom");

        focus(robot, "#pmSection-went_well");
        robot.write("Paging reached **Lee** in a minute");
        waitUntil(() -> previewShows(robot, "Lee"));
        console.snapshot("postmortem-section");
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        console.snapshot("postmortem-section-light");
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));
        assertThat(robot.lookup("#pmPreview-went_well").lookup((Text t) -> t.getText().equals("Lee")).query()
                .getStyleClass()).as("bold in the preview, not asterisks").isNotNull();
        assertThat(previewShows(robot, "**")).isFalse();
        focus(robot, "#pmSection-lessons"); // focus moves: saved at once
        waitUntil(() -> console.workspace.postmortems().open(incident.id()).saved());
        console.snapshot("postmortem-editor");
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup("#postmortemPage .page-scroll").query())
                .setVvalue(0));
        console.snapshot("postmortem-top");
        robot.clickOn("#pmHistory");
        waitUntil(() -> robot.lookup("#revisionList").queryListView().getItems().size() == 1);
        robot.interact(() -> robot.lookup("#revisionList").queryListView().getSelectionModel().select(0));
        robot.clickOn("#compareRevision");
        waitUntil(() -> !robot.lookup("#revisionDiff").queryListView().getItems().isEmpty());
        console.snapshot("postmortem-history");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#historySheet").tryQuery().isEmpty());
        robot.interact(() -> console.workspace.actionItems().add(incident.id(), "Alert on pool saturation", "lee",
                java.time.LocalDate.now().minusDays(2)));
        robot.clickOn("#followUpsTab .tab-label");
        waitUntil(() -> robot.lookup("#followUpsTable").queryTableView().getItems().size() == 1);
        assertThat(robot.lookup("#followUpsSummary").queryAs(Label.class).getText()).startsWith("1 overdue");
        console.snapshot("postmortem-followups");
        robot.clickOn("#postmortemTab .tab-label");
        focus(robot, "#pmSection-lessons");

        robot.write("Watch pool saturation.");
        robot.interact(console::close); // the console closes at once: what was typed is saved first
        AtomicReference<ConsoleFixture> reopened = new AtomicReference<>();
        robot.interact(() -> reopened.set(new ConsoleFixture(stage, dir, Map.of(), w -> { })));
        try {
            robot.interact(() -> reopened.get().desktop.navigator().writePostmortem(incident.id()));
            waitUntil(() -> robot.lookup("#pmSection-went_well").tryQuery().map(n -> ((TextArea) n).getText()
                    .equals("Paging reached **Lee** in a minute")).orElse(false));
            waitUntil(() -> previewShows(robot, "Lee"));
            assertThat(robot.lookup("#pmSection-lessons").queryAs(TextArea.class).getText())
                    .isEqualTo("Watch pool saturation.");
        } finally {
            reopened.get().close();
        }
    }
}
