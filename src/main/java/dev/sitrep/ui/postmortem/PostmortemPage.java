package dev.sitrep.ui.postmortem;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.ui.common.FilePicker;
import dev.sitrep.ui.common.IncidentChooser;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * The Postmortems page: the editor for one incident (chosen at the top, or from "Write
 * postmortem" on an incident) and the Follow-ups across all incidents. Saves a few seconds after
 * each change, when focus moves, when the window loses focus and when another incident is chosen.
 */
public final class PostmortemPage extends BorderPane {

    private final PostmortemViewModel model;
    private final TabPane tabs = new TabPane();
    private final Tab editorTab;

    public PostmortemPage(PostmortemViewModel model, FollowUpsViewModel followUps, ZoneId zone, FilePicker picker,
                          Consumer<Node> showSheet, Runnable closeSheet) {
        this.model = model;
        setId("postmortemPage");
        setPadding(new Insets(12, 16, 8, 16));
        Label title = new Label("Postmortems");
        title.getStyleClass().add(Styles.TITLE_3);

        ScrollPane scroll = new ScrollPane(new PostmortemEditor(model, zone));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        VBox editorBox = new VBox(8, header(picker, showSheet, closeSheet), conflictBar(), scroll, message());
        VBox.setVgrow(scroll, Priority.ALWAYS);
        editorTab = new Tab("Postmortem", editorBox);
        editorTab.setId("postmortemTab");
        Tab followTab = new Tab("Follow-ups", new FollowUpsView(followUps, this::open));
        followTab.setId("followUpsTab");
        followTab.setOnSelectionChanged(e -> {
            if (followTab.isSelected()) {
                followUps.load();
            }
        });
        tabs.getTabs().setAll(editorTab, followTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(title);
        setCenter(tabs);
        BorderPane.setMargin(tabs, new Insets(6, 0, 0, 0));

        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, before, after) -> model.flush(Postmortems.AUTOSAVE));
                scene.windowProperty().addListener((o, w, window) -> {
                    if (window != null) {
                        window.focusedProperty().addListener((f, had, has) -> {
                            if (!has) {
                                model.flush(Postmortems.AUTOSAVE);
                            }
                        });
                    }
                });
            }
        });
    }

    /** Opens the editor on an incident's postmortem ("Write postmortem", a follow-up's double-click). */
    public void open(IncidentId incident) {
        tabs.getSelectionModel().select(editorTab);
        model.show(incident);
    }

    private HBox header(FilePicker picker, Consumer<Node> showSheet, Runnable closeSheet) {
        ComboBox<Incident> incident = IncidentChooser.of("pmIncident", model.incidentChoices(),
                model.incidentProperty(), model::show);
        Label state = new Label();
        state.setId("pmSaveState");
        state.getStyleClass().add(Styles.TEXT_MUTED);
        state.textProperty().bind(model.saveStateProperty());
        state.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button history = new Button("History…");
        history.setId("pmHistory");
        history.setOnAction(e -> showSheet.accept(new HistorySheet(model, closeSheet)));
        Button export = new Button("Export…");
        export.setId("pmExport");
        export.setOnAction(e -> picker.saveAs(getScene().getWindow(), "Export the postmortem (.md or .html)",
                model.suggestedExportName()).ifPresent(model::export));
        Button publish = new Button("Publish");
        publish.setId("pmPublish");
        publish.setTooltip(new javafx.scene.control.Tooltip("Share this version with the team (drafts stay here)"));
        publish.setOnAction(e -> model.publish());
        publish.disableProperty().bind(model.docProperty().isNull());
        history.disableProperty().bind(model.docProperty().isNull());
        export.disableProperty().bind(model.docProperty().isNull());
        for (Button b : java.util.List.of(history, export, publish)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(10, incident, state, gap, history, export, publish);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox conflictBar() {
        Label text = new Label("Saved elsewhere while you were editing: nothing was overwritten.");
        Button theirs = new Button("Reload theirs");
        theirs.setId("pmReloadTheirs");
        theirs.setOnAction(e -> model.reloadTheirs());
        Button mine = new Button("Keep mine");
        mine.setId("pmKeepMine");
        mine.setOnAction(e -> model.keepMine());
        HBox bar = new HBox(10, text, theirs, mine);
        bar.setId("pmConflict");
        bar.getStyleClass().add("escalation-banner");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(model.conflictProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private Label message() {
        Label message = new Label();
        message.setId("pmMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.status().failureOr(model.noticeProperty()));
        model.status().failureProperty().addListener((obs, was, now) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("failed"), !now.isEmpty()));
        message.getStyleClass().add("evidence-message");
        return message;
    }
}
