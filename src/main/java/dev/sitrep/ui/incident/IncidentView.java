package dev.sitrep.ui.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.ui.common.SeverityStyle;
import dev.sitrep.ui.common.Converters;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** An incident's page. Binds to {@link IncidentViewModel} and forwards the commander's actions to it. */
public final class IncidentView extends BorderPane {

    private static final PseudoClass SUPERSEDED = PseudoClass.getPseudoClass("superseded");

    @FXML private Label severityChip;
    @FXML private Label idLabel;
    @FXML private Label statusLabel;
    @FXML private Label drillLabel;
    @FXML private Button backButton;
    @FXML private Button postmortemButton;
    @FXML private Label titleLabel;
    @FXML private Label severityDefinitionLabel;
    @FXML private Label resumeWatchLabel;
    @FXML private Label loadErrorLabel;
    @FXML private ListView<TimelineRow> timelineList;
    @FXML private TabPane centerTabs;
    @FXML private Tab checklistsTab;
    @FXML private TextField noteField;
    @FXML private TextField noteAtField;
    @FXML private Button addNoteButton;
    @FXML private Label noteErrorLabel;
    @FXML private Label serviceLabel;
    @FXML private Label platformsLabel;
    @FXML private Label commanderLabel;
    @FXML private Label scribeLabel;
    @FXML private Label commsLabel;
    @FXML private Label respondersLabel;
    @FXML private TextField impactField;
    @FXML private Button impactButton;
    @FXML private Label impactErrorLabel;
    @FXML private Label declaredLabel;
    @FXML private VBox milestoneBox;
    @FXML private TextField reasonField;
    @FXML private ComboBox<IncidentStatus> statusCombo;
    @FXML private Button statusButton;
    @FXML private ComboBox<String> severityCombo;
    @FXML private Button severityButton;
    @FXML private Label changeErrorLabel;
    @FXML private TextField hypothesisField;
    @FXML private TextField confidenceField;
    @FXML private Button hypothesisButton;

    private final IncidentViewModel model;

    /** @param writePostmortem opens the postmortem editor on this incident */
    public IncidentView(IncidentViewModel model, ChecklistViewModel checklists, Runnable back,
                        java.util.function.Consumer<dev.sitrep.core.IncidentId> writePostmortem) {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(IncidentView.class.getResource("/dev/sitrep/ui/incident/IncidentView.fxml"));
        loader.setRoot(this);
        loader.setController(this);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("IncidentView.fxml is missing or broken", e);
        }
        setId("incidentView");
        backButton.setOnAction(e -> back.run());
        postmortemButton.setOnAction(e -> {
            var open = model.incidentProperty().get();
            if (open != null) {
                writePostmortem.accept(open.id());
            }
        });
        bindHeader();
        bindTimelineAndNote();
        bindChanges();
        checklistsTab.setContent(new ChecklistsView(checklists));
        checklistsTab.textProperty().bind(checklists.summaryProperty());
    }

    /** Shows the checklists tab (a triage just opened some). */
    public void showChecklists() {
        centerTabs.getSelectionModel().select(checklistsTab);
    }

    private void bindHeader() {
        model.incidentProperty().addListener((obs, was, incident) -> show(incident));
        severityDefinitionLabel.textProperty().bind(model.severityDefinitionProperty());
        resumeWatchLabel.textProperty().bind(model.resumeWatchProperty());
        bindShown(resumeWatchLabel, model.resumeWatchProperty().isNotEmpty());
        declaredLabel.textProperty().bind(model.declaredProperty());
        bindShown(loadErrorLabel, model.status().failureProperty().isNotEmpty());
        loadErrorLabel.textProperty().bind(model.status().failureProperty());
        model.milestones().addListener((javafx.collections.ListChangeListener<String>) c -> showMilestones(model.milestones()));
    }

    private void show(Incident i) {
        if (i == null) {
            return;
        }
        severityChip.setText(i.severity());
        SeverityStyle.apply(severityChip, model.scaleProperty().get(), i.severity());
        idLabel.setText(i.id().value());
        statusLabel.setText(i.status().key().toUpperCase(java.util.Locale.ROOT));
        drillLabel.setVisible(i.drill());
        drillLabel.setManaged(i.drill());
        titleLabel.setText(i.title());
        serviceLabel.setText(orDash(i.service()));
        platformsLabel.setText(i.platforms().isEmpty() ? "-" : String.join(", ", i.platforms()));
        commanderLabel.setText(orDash(i.roles().commander()));
        scribeLabel.setText(orDash(i.roles().scribe()));
        commsLabel.setText(orDash(i.roles().commsLead()));
        respondersLabel.setText(i.roles().responders().isEmpty() ? "-" : String.join(", ", i.roles().responders()));
    }

    private void showMilestones(List<String> lines) {
        milestoneBox.getChildren().setAll(lines.stream().map(line -> {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("milestone");
            return l;
        }).toList());
    }

    private void bindTimelineAndNote() {
        timelineList.setItems(model.timeline());
        timelineList.setCellFactory(v -> new TimelineCell());
        timelineList.setPlaceholder(new Label("Nothing on the timeline yet."));
        model.timeline().addListener((javafx.collections.ListChangeListener<TimelineRow>) c -> {
            if (!model.timeline().isEmpty()) {
                timelineList.scrollTo(model.timeline().size() - 1);
            }
        });
        noteField.textProperty().bindBidirectional(model.noteTextProperty());
        noteAtField.textProperty().bindBidirectional(model.noteAtProperty());
        noteField.setOnAction(e -> model.submitNote());
        noteAtField.setOnAction(e -> model.submitNote());
        addNoteButton.setOnAction(e -> model.submitNote());
        noteErrorLabel.textProperty().bind(model.noteErrorProperty());
        bindShown(noteErrorLabel, model.noteErrorProperty().isNotEmpty());
        addNoteButton.disableProperty().bind(model.status().busyProperty());
    }

    private void bindChanges() {
        reasonField.textProperty().bindBidirectional(model.changeReasonProperty());
        statusCombo.setItems(model.nextStatuses());
        statusCombo.setConverter(Converters.showing(IncidentStatus::key));
        statusButton.setOnAction(e -> model.changeStatus(statusCombo.getValue()));
        severityCombo.setItems(model.severities());
        severityButton.setOnAction(e -> model.changeSeverity(severityCombo.getValue()));
        changeErrorLabel.textProperty().bind(model.changeErrorProperty());
        bindShown(changeErrorLabel, model.changeErrorProperty().isNotEmpty());
        impactField.textProperty().bindBidirectional(model.impactTextProperty());
        impactField.setOnAction(e -> model.saveImpact());
        impactButton.setOnAction(e -> model.saveImpact());
        impactButton.disableProperty().bind(model.status().busyProperty());
        impactErrorLabel.textProperty().bind(model.impactErrorProperty());
        bindShown(impactErrorLabel, model.impactErrorProperty().isNotEmpty());
        hypothesisField.textProperty().bindBidirectional(model.hypothesisTextProperty());
        confidenceField.textProperty().bindBidirectional(model.hypothesisConfidenceProperty());
        hypothesisButton.setOnAction(e -> model.addHypothesis());
        hypothesisField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.addHypothesis();
            }
        });
        statusButton.disableProperty().bind(Bindings.or(model.status().busyProperty(), statusCombo.valueProperty().isNull()));
        severityButton.disableProperty().bind(Bindings.or(model.status().busyProperty(), severityCombo.valueProperty().isNull()));
        model.incidentProperty().addListener((obs, was, now) -> {
            statusCombo.getSelectionModel().clearSelection();
            severityCombo.getSelectionModel().clearSelection();
        });
    }

    private static void bindShown(Label label, javafx.beans.binding.BooleanBinding shown) {
        label.visibleProperty().bind(shown);
        label.managedProperty().bind(shown);
    }

    /** Ctrl+L: put the cursor in the note box. */
    public void focusNote() {
        noteField.requestFocus();
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static final class TimelineCell extends ListCell<TimelineRow> {
        private final Label when = new Label();
        private final Label type = new Label();
        private final Label actor = new Label();
        private final Label text = new Label();
        private final VBox row;

        TimelineCell() {
            when.getStyleClass().addAll("timeline-when", "mono");
            type.getStyleClass().add("timeline-type");
            actor.getStyleClass().add("timeline-actor");
            text.setWrapText(true);
            text.getStyleClass().add("timeline-text");
            text.setMinHeight(USE_PREF_SIZE);
            row = new VBox(2, new HBox(12, when, type, actor), text);
            row.getStyleClass().add("timeline-row");
        }

        @Override
        protected void updateItem(TimelineRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            when.setText(item.when());
            type.setText(item.type());
            actor.setText(item.actor());
            text.setText((item.superseded() ? "[corrected] " : "") + (item.correction() ? "(correction) " : "") + item.text());
            row.pseudoClassStateChanged(SUPERSEDED, item.superseded());
            text.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            setGraphic(row);
        }
    }
}
