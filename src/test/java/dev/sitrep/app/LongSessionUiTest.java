package dev.sitrep.app;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.common.Page;
import dev.sitrep.ui.evidence.EvidenceFeature;
import dev.sitrep.ui.incident.IncidentFeature;
import dev.sitrep.ui.postmortem.PostmortemFeature;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static dev.sitrep.app.ConsoleFixture.collectGarbage;
import static dev.sitrep.app.ConsoleFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page through a long session, as a commander uses the console for an hour: the record
 * changes underneath (another console, the CLI, the platform), pages come and go, and the garbage
 * collector runs between steps. What is on screen must match the record every time (a view bound
 * to a list only a weak listener held once went stale after a collection: the triage wizard has
 * its own test of this kind).
 */
@ExtendWith(ApplicationExtension.class)
class LongSessionUiTest {

    private static final int CYCLES = 4;
    private static final String PLATFORM = "pn-production";

    @TempDir
    Path dir;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) {
        console = new ConsoleFixture(stage, dir, Map.of(), w -> w.profiles().replace(new PlatformProfile(PLATFORM,
                PlatformKind.POWERNODE, "http://127.0.0.1:9", null, "ops@example.com",
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(15))));
    }

    @AfterEach
    void close() {
        console.close();
    }

    @Test
    void theBoardShowsEveryOpenIncidentInItsLaneAsTheRecordChanges(FxRobot robot) throws Exception {
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Incident declared = declare("Board cycle " + cycle, cycle % 2 == 0 ? "SEV1" : "SEV3");
            collectGarbage();
            robot.interact(() -> console.desktop.navigator().show(Page.BOARD));
            assertBoardMatchesRecord(robot, "cycle " + cycle + ", declared");

            console.workspace.incidents().setSeverity(declared.id(), "SEV2", "scope grew");
            collectGarbage();
            robot.interact(() -> console.desktop.navigator().show(Page.TRIAGE));
            collectGarbage();
            robot.interact(() -> console.desktop.navigator().show(Page.BOARD));
            assertBoardMatchesRecord(robot, "cycle " + cycle + ", severity changed");
        }
    }

    @Test
    void theIncidentPageShowsTheIncidentOpenAndItsWholeTimeline(FxRobot robot) throws Exception {
        List<Incident> incidents = List.of(declare("Payments slow", "SEV2"), declare("Search down", "SEV1"));
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Incident incident = incidents.get(cycle % 2);
            robot.interact(() -> console.desktop.navigator().openIncident(incident.id()));
            collectGarbage();
            waitUntil(() -> text(robot, "#idLabel").equals(incident.id().toString()));
            assertThat(text(robot, "#titleLabel")).as("cycle %d: the title shown", cycle).isEqualTo(incident.title());

            String note = "cycle " + cycle + " note";
            robot.clickOn("#noteField").write(note);
            robot.clickOn("#addNoteButton");
            collectGarbage();
            waitFor("cycle " + cycle + ": the note on screen", () -> timelineShown(robot).stream()
                    .anyMatch(t -> t.contains(note)));
            String elsewhere = "from the CLI " + cycle;
            console.workspace.incidents().note(incident.id(), elsewhere, null);
            collectGarbage();
            waitFor("cycle " + cycle + ": a note written elsewhere reaches the page", () -> timelineShown(robot)
                    .stream().anyMatch(t -> t.contains(elsewhere)));
            assertThat(listOf(robot, "#timelineList").getItems())
                    .as("cycle %d: the page's list is the model's list", cycle)
                    .isSameAs(console.feature(IncidentFeature.class).model().timeline());
            robot.interact(() -> console.desktop.navigator().back());
            collectGarbage();
        }
    }

    @Test
    void theEvidencePageListsTheChosenIncidentsItems(FxRobot robot) throws Exception {
        List<Incident> incidents = List.of(declare("Disk full on db-2", "SEV2"), declare("Login loop", "SEV3"));
        robot.interact(() -> console.desktop.navigator().show(Page.EVIDENCE));
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Incident incident = incidents.get(cycle % 2);
            choose(robot, "#evidenceIncident", incident.id());
            console.workspace.evidence().addText(incident.id(), EvidenceItem.Kind.NOTE, "note-" + cycle + ".txt",
                    "seen at cycle " + cycle, "test", "cycle " + cycle, List.of());
            collectGarbage();
            Set<String> inRecord = console.workspace.evidence().list(incident.id()).stream().map(EvidenceItem::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            waitFor("cycle " + cycle + ": the list shows the record's items", () -> names(listOf(robot, "#evidenceList"))
                    .equals(inRecord));
            assertThat(listOf(robot, "#evidenceList").getItems()).as("cycle %d: the page's list is the model's", cycle)
                    .isSameAs(console.feature(EvidenceFeature.class).model().shownItems());
            robot.interact(() -> console.desktop.navigator().show(Page.BOARD));
            collectGarbage();
            robot.interact(() -> console.desktop.navigator().show(Page.EVIDENCE));
        }
    }

    @Test
    void thePostmortemEditorShowsTheDraftOfTheChosenIncident(FxRobot robot) throws Exception {
        List<Incident> incidents = List.of(declare("Queue backlog", "SEV2"), declare("CDN misses", "SEV3"));
        robot.interact(() -> console.desktop.navigator().show(Page.POSTMORTEMS));
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Incident incident = incidents.get(cycle % 2);
            choose(robot, "#pmIncident", incident.id());
            collectGarbage();
            waitFor("cycle " + cycle + ": the title field is the draft's", () -> {
                var doc = console.feature(PostmortemFeature.class).model().docProperty().get();
                return doc != null && doc.incident().equals(incident.id())
                        && text(robot, "#pmTitle").equals(doc.title()) && doc.title().contains(incident.title());
            });
            robot.interact(() -> console.desktop.navigator().show(Page.SETTINGS));
            collectGarbage();
            robot.interact(() -> console.desktop.navigator().show(Page.POSTMORTEMS));
        }
    }

    @Test
    void theKillSwitchPageOffersResumeExactlyWhileThePlatformIsHalted(FxRobot robot) throws Exception {
        robot.interact(() -> console.desktop.navigator().show(Page.KILL_SWITCH));
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            boolean halted = cycle % 2 == 1;
            console.workspace.platformStates().confirmed(new KillSwitchState(PLATFORM, halted, Instant.now(),
                    "maria", halted ? "cycle " + cycle : null, Instant.now()));
            collectGarbage();
            waitFor("cycle " + cycle + ": Resume shown " + halted, () -> robot.lookup("#resume-" + PLATFORM)
                    .tryQuery().isPresent() == halted);
            waitFor("cycle " + cycle + ": the halt banner shown " + halted, () -> robot.lookup("#haltBanner")
                    .query().isVisible() == halted);
            robot.interact(() -> console.desktop.navigator().show(Page.BOARD));
            collectGarbage();
            robot.interact(() -> console.desktop.navigator().show(Page.KILL_SWITCH));
        }
    }

    @Test
    void theSettingsPageShowsTheChosenTemplatesBody(FxRobot robot) throws Exception {
        robot.interact(() -> console.desktop.navigator().show(Page.SETTINGS));
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = robot.lookup("#templateChoice").queryAs(ComboBox.class);
        waitUntil(() -> choice.getItems().size() >= 2);
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            String id = choice.getItems().get(cycle % choice.getItems().size());
            robot.interact(() -> choice.setValue(id));
            collectGarbage();
            String body = console.workspace.templates().get(id).body();
            waitFor("cycle " + cycle + ": the body shown is template " + id + "'s", () -> text(robot, "#templateBody")
                    .equals(body));
            robot.interact(() -> console.desktop.navigator().show(Page.BOARD));
            collectGarbage();
            robot.interact(() -> console.desktop.navigator().show(Page.SETTINGS));
        }
    }

    /** The ids on the board's cards, lane by lane, are the open incidents of the record at their severities. */
    private void assertBoardMatchesRecord(FxRobot robot, String when) throws Exception {
        Map<String, Set<String>> record = console.workspace.incidents().list(true).stream()
                .collect(Collectors.groupingBy(Incident::severity,
                        Collectors.mapping(i -> i.id().toString(), Collectors.toCollection(TreeSet::new))));
        waitFor(when + ": the board's lanes are the record's " + record, () -> {
            for (String lane : console.feature(BoardFeature.class).model().laneKeys()) {
                Set<String> shown = new TreeSet<>();
                for (Node id : robot.lookup("#lane-" + lane + " .card-id").queryAll()) {
                    shown.add(((Label) id).getText());
                }
                if (!shown.equals(record.getOrDefault(lane, Set.of()))) {
                    return false;
                }
            }
            return true;
        });
    }

    private Incident declare(String title, String severity) {
        return console.workspace.incidents().declare(new Declaration(title, severity, "checkout", List.of(PLATFORM),
                null, false, null));
    }

    private void choose(FxRobot robot, String chooser, IncidentId id) {
        @SuppressWarnings("unchecked")
        ComboBox<Incident> box = robot.lookup(chooser).queryAs(ComboBox.class);
        robot.interact(() -> box.getItems().stream().filter(i -> i.id().equals(id)).findFirst()
                .ifPresent(box::setValue));
    }

    private static List<String> timelineShown(FxRobot robot) {
        List<String> out = new ArrayList<>();
        for (Node cell : robot.lookup("#timelineList .list-cell").queryAll()) {
            for (Node label : cell.lookupAll(".label")) {
                out.add(((Label) label).getText());
            }
        }
        return out;
    }

    private static Set<String> names(ListView<?> list) {
        return list.getItems().stream().map(i -> ((EvidenceItem) i).name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static ListView<?> listOf(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ListView.class);
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label l ? l.getText() : ((TextInputControl) node).getText();
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            waitUntil(condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what, e);
        }
    }
}
