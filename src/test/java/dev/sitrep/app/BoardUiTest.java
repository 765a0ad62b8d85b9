package dev.sitrep.app;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.testing.ChildJvm;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The live board as the war room sees it: a change from another process lands in place, the selection stays. */
@ExtendWith(ApplicationExtension.class)
class BoardUiTest {

    @TempDir
    Path dir;
    private ConsoleFixture console;
    private final List<Incident> declared = new ArrayList<>();

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> {
            declared.add(w.incidents().declare(new Declaration("Checkout 5xx spike", "SEV2", "checkout", List.of(), null,
                    false, null)));
            declared.add(w.incidents().declare(new Declaration("Search slow in EU", "SEV2", "search", List.of(), "lee",
                    false, null)));
            declared.add(w.incidents().declare(new Declaration("Payments failing", "SEV1", "payments", List.of(), null,
                    false, null)));
        });
    }

    @AfterEach
    void close() {
        console.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<Incident> lane(FxRobot robot, String key) {
        return robot.lookup("#lane-" + key).queryAs(ListView.class);
    }

    @Test
    void aChangeByTheCliInAnotherProcessLandsInPlaceAndTheSelectionStays(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#lane-SEV2").tryQuery().isPresent() && lane(robot, "SEV2").getItems().size() == 2);
        ListView<Incident> sev2 = lane(robot, "SEV2");
        robot.interact(() -> {
            sev2.requestFocus();
            sev2.getSelectionModel().select(1);
        });
        Incident selected = sev2.getSelectionModel().getSelectedItem();
        Incident other = sev2.getItems().get(0);

        ChildJvm.Result r = ChildJvm.sitrep(List.of(), "incident", "set", other.id().value(), "--milestone", "acknowledged",
                "--data-dir", dir.toString(), "--actor", "sam");
        assertThat(r.code()).as(r.err()).isZero();

        waitUntil(() -> robot.lookup(".card-clock").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("ack ✓")));
        assertThat(sev2.getItems()).hasSize(2);
        assertThat(sev2.getSelectionModel().getSelectedItem().id()).as("the selection stays").isEqualTo(selected.id());
        assertThat(sev2.getItems().get(0).milestones().at(dev.sitrep.core.Milestone.ACKNOWLEDGED)).isPresent();
        console.snapshot("board");
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
        console.snapshot("board-light");
        robot.interact(() -> javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()));

        robot.type(KeyCode.A);
        waitUntil(() -> console.workspace.incidents().show(selected.id()).incident().milestones()
                .at(dev.sitrep.core.Milestone.ACKNOWLEDGED).isPresent());
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.LEFT);
        waitUntil(() -> lane(robot, "SEV1").isFocused());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#titleLabel").tryQuery().map(n -> ((Label) n).getText().equals("Payments failing"))
                .orElse(false));
    }

    @Test
    void postingAnUpdateFromTheBoardRestartsTheUpdateClock(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#lane-SEV1").tryQuery().isPresent() && lane(robot, "SEV1").getItems().size() == 1);
        ListView<Incident> sev1 = lane(robot, "SEV1");
        robot.interact(() -> {
            sev1.requestFocus();
            sev1.getSelectionModel().select(0);
        });
        java.util.function.Supplier<List<String>> clocks = () -> robot.lookup("#lane-SEV1 .card-clock")
                .queryAllAs(Label.class).stream().map(Label::getText).toList();
        waitUntil(() -> clocks.get().stream().anyMatch(t -> t.startsWith("1st comm in")));
        assertThat(clocks.get()).noneMatch(t -> t.startsWith("update"));

        robot.type(KeyCode.U);
        waitUntil(() -> robot.lookup(".text-area").tryQuery().map(n -> n.isVisible()).orElse(false));
        console.snapshot("post-update");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        waitUntil(() -> clocks.get().stream().anyMatch(t -> t.startsWith("update in 14:") || t.startsWith("update in 15:")));
        assertThat(clocks.get()).as("the first communication is done: its clock leaves the card")
                .noneMatch(t -> t.startsWith("1st comm"));
        var record = console.workspace.incidents().show(sev1.getItems().get(0).id());
        assertThat(record.timeline()).anyMatch(e -> e.type() == dev.sitrep.core.EventType.STATUS_UPDATE);
        assertThat(record.incident().milestones().at(dev.sitrep.core.Milestone.FIRST_COMMUNICATION)).isPresent();
    }

    @Test
    void quickActionsNameARoleAndChangeTheSeverityWithAReason(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#lane-SEV1").tryQuery().isPresent() && lane(robot, "SEV1").getItems().size() == 1);
        ListView<Incident> sev1 = lane(robot, "SEV1");
        Incident payments = sev1.getItems().get(0);
        robot.interact(() -> {
            sev1.requestFocus();
            sev1.getSelectionModel().select(0);
        });
        robot.type(KeyCode.R);
        waitUntil(() -> robot.lookup("#quickRole").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#quickRole").queryAs(javafx.scene.control.ComboBox.class)
                .setValue(dev.sitrep.core.Role.SCRIBE));
        robot.doubleClickOn("#quickName").write("priya").type(KeyCode.ENTER);
        waitUntil(() -> "priya".equals(console.workspace.incidents().show(payments.id()).incident().roles().scribe()));

        robot.interact(() -> {
            sev1.requestFocus();
            sev1.getSelectionModel().select(0);
        });
        robot.type(KeyCode.V);
        waitUntil(() -> robot.lookup("#quickSeverity").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#quickSeverity").queryAs(javafx.scene.control.ComboBox.class)
                .setValue(dev.sitrep.core.SeverityScales.FIVE_LEVEL.level("SEV0")));
        robot.clickOn("#quickApply");
        assertThat(robot.lookup("#quickChange").tryQuery()).as("no reason: the sheet stays and says why").isPresent();
        robot.clickOn("#quickReason").write("card data of all regions exposed").type(KeyCode.ENTER);
        waitUntil(() -> lane(robot, "SEV0").getItems().size() == 1);
        assertThat(console.workspace.incidents().show(payments.id()).timeline()).anyMatch(e ->
                e.type() == dev.sitrep.core.EventType.SEVERITY_CHANGE && "under-call".equals(e.data().get("postmortem")));
    }
}
