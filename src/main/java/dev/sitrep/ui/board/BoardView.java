package dev.sitrep.ui.board;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.ui.common.Icons;
import dev.sitrep.ui.common.SeverityStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.time.Duration;
import java.util.function.Consumer;

/** The board page: the incident list, or the welcome when the workspace is empty. */
public final class BoardView extends VBox {

    private final BoardViewModel model;
    private final ListView<Incident> list = new ListView<>();

    public BoardView(BoardViewModel model, Consumer<IncidentId> open, Runnable declare, Runnable startDrill) {
        this.model = model;
        getStyleClass().add("board");
        setId("board");

        Label title = new Label("Board");
        title.getStyleClass().add(Styles.TITLE_3);
        CheckBox finished = new CheckBox("Show closed, declined and merged");
        finished.setId("showFinished");
        finished.selectedProperty().bindBidirectional(model.showFinishedProperty());
        Label problem = new Label();
        problem.getStyleClass().addAll(Styles.DANGER, "problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, grow, finished);
        header.setAlignment(Pos.CENTER_LEFT);

        list.setId("incidentList");
        list.setItems(model.rows());
        list.setCellFactory(v -> new IncidentCell());
        list.setPlaceholder(new Label("No open incidents. Ctrl+N declares one."));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem().id());
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                open.accept(list.getSelectionModel().getSelectedItem().id());
            }
        });

        StackPane body = new StackPane(list, welcome(declare, startDrill));
        VBox.setVgrow(body, Priority.ALWAYS);
        setSpacing(12);
        getChildren().addAll(header, problem, body);
    }

    private VBox welcome(Runnable declare, Runnable startDrill) {
        Label heading = new Label("Welcome to Sitrep");
        heading.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("Nothing is burning. Three first moves:");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        VBox moves = new VBox(10,
                move("1", "Declare an incident", "Ctrl+N from anywhere: a title and Enter. Severity defaults to "
                        + "the scale's default; change it any time with a reason."),
                move("2", "Write what happens", "Open the incident and press Ctrl+L: every note, status and "
                        + "severity change lands on the timeline with its time and author."),
                move("3", "Set up the workspace", "Settings (Ctrl+6): your name as operator, the theme and the "
                        + "severity scale your runbooks use."));
        Button declareButton = new Button("Declare incident", Icons.of(Feather.PLUS));
        declareButton.getStyleClass().add(Styles.ACCENT);
        declareButton.setOnAction(e -> declare.run());
        Button demo = new Button("Load demo workspace", Icons.of(Feather.PLAY_CIRCLE));
        demo.setId("loadDemo");
        demo.setOnAction(e -> startDrill.run());
        Label demoNote = new Label("The demo opens a drill workspace beside this one: four DRILL incidents with timelines and "
                + "a sandbox platform whose agents start acting up. Nothing in a drill reaches a real platform.");
        demoNote.setWrapText(true);
        demoNote.getStyleClass().add(Styles.TEXT_MUTED);
        HBox buttons = new HBox(12, declareButton, demo);
        VBox welcome = new VBox(16, heading, intro, moves, buttons, demoNote);
        welcome.setId("welcome");
        welcome.getStyleClass().add("welcome");
        welcome.setMaxWidth(720);
        welcome.setMaxHeight(USE_PREF_SIZE);
        StackPane.setAlignment(welcome, Pos.TOP_CENTER);
        welcome.visibleProperty().bind(model.workspaceEmptyProperty());
        welcome.managedProperty().bind(welcome.visibleProperty());
        list.visibleProperty().bind(model.workspaceEmptyProperty().not());
        return welcome;
    }

    private static HBox move(String number, String title, String text) {
        Label n = new Label(number);
        n.getStyleClass().add("move-number");
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        Label d = new Label(text);
        d.setWrapText(true);
        d.getStyleClass().add(Styles.TEXT_MUTED);
        VBox words = new VBox(2, t, d);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(14, n, words);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    /** Refreshes the elapsed times shown in the rows. */
    public void tick() {
        list.refresh();
    }

    public void focusList() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }

    private final class IncidentCell extends ListCell<Incident> {
        private final Label severity = new Label();
        private final Label id = new Label();
        private final Label title = new Label();
        private final Label meta = new Label();
        private final Label drill = new Label("DRILL");
        private final Label elapsed = new Label();
        private final Label watch = new Label();
        private final HBox row;

        IncidentCell() {
            severity.getStyleClass().add("severity-chip");
            id.getStyleClass().add("mono");
            title.getStyleClass().add("incident-title");
            meta.getStyleClass().add(Styles.TEXT_MUTED);
            drill.getStyleClass().add("drill-badge");
            elapsed.getStyleClass().add("elapsed");
            watch.getStyleClass().add("watch-banner");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            VBox words = new VBox(2, new HBox(8, title, drill), new HBox(10, id, meta));
            row = new HBox(14, severity, words, grow, watch, elapsed);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("incident-row");
        }

        @Override
        protected void updateItem(Incident incident, boolean empty) {
            super.updateItem(incident, empty);
            if (empty || incident == null) {
                setGraphic(null);
                return;
            }
            severity.setText(incident.severity());
            SeverityStyle.apply(severity, model.scaleProperty().get(), incident.severity());
            id.setText(incident.id().value());
            title.setText(incident.title());
            meta.setText(incident.status().key() + " · " + (incident.commander() == null ? "no commander"
                    : "IC " + incident.commander()) + (incident.service() == null ? "" : " · " + incident.service()));
            drill.setVisible(incident.drill());
            drill.setManaged(incident.drill());
            watch.setText(model.watch(incident));
            watch.setVisible(!watch.getText().isEmpty());
            watch.setManaged(watch.isVisible());
            elapsed.setText(incident.status().isActive()
                    ? TimeFormat.elapsed(Duration.between(incident.startedAt(), model.clock().instant()))
                    : incident.status().key());
            setGraphic(row);
        }
    }
}
