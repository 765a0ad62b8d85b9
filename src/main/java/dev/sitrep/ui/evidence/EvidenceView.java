package dev.sitrep.ui.evidence;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import dev.sitrep.ui.common.Icons;
import dev.sitrep.ui.common.OsPorts;
import dev.sitrep.ui.common.IncidentChooser;
import dev.sitrep.ui.common.Png;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Evidence page: choose the incident, capture (files and folders by drop or chooser, paste,
 * screenshot, note, command output, endpoint snapshot), filter by kind and tag, and read the
 * chosen item's preview and custody. Captures show progress with Cancel; the page stays usable.
 */
public final class EvidenceView extends BorderPane {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH-mm-ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final EvidenceViewModel model;
    private final OsPorts ports;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<Node> showSheet;
    private final Runnable closeSheet;
    private final ListView<EvidenceItem> list = new ListView<>();

    public EvidenceView(EvidenceViewModel model, OsPorts ports, Function<EvidenceItem, Path> blob, Clock clock, ZoneId zone,
                        Consumer<Node> showSheet, Runnable closeSheet) {
        this.model = model;
        this.ports = ports;
        this.clock = clock;
        this.zone = zone;
        this.showSheet = showSheet;
        this.closeSheet = closeSheet;
        setId("evidencePage");
        getStyleClass().add("evidence-page");
        setPadding(new Insets(12, 16, 8, 16));
        setTop(new VBox(8, header(), captureBar(), filters()));
        list.setId("evidenceList");
        list.setItems(model.shownItems());
        list.setCellFactory(v -> new EvidenceCell(blob));
        list.setPlaceholder(dropHint());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, was, now) -> {
            if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
        });
        // A reload keeps the choice: the list view is told again after it takes in the new items.
        model.shownItems().addListener((javafx.collections.ListChangeListener<EvidenceItem>) c -> {
            EvidenceItem chosen = model.selectedProperty().get();
            if (chosen != null && list.getSelectionModel().getSelectedItem() != chosen) {
                list.getSelectionModel().select(chosen);
            }
        });
        ports.drop().install(list, model::addPaths);
        model.secretsWarningProperty().addListener((obs, was, warning) -> {
            if (warning != null) {
                show(new SecretsSheet(model, warning, closeSheet));
            }
        });
        EvidenceDetail detail = new EvidenceDetail(model, blob, zone, new EvidenceDetail.Actions(model::openInViewer,
                this::showTimelineSheet, model::addRedactedCopy, this::showRemoveSheet), ports.copy());
        SplitPane split = new SplitPane(list, detail);
        split.setDividerPositions(0.48);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(8, 0, 8, 0));
        setBottom(statusRow());
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN).match(e)
                    && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                paste();
                e.consume();
            }
        });
    }

    private HBox header() {
        Label title = new Label("Evidence");
        title.getStyleClass().add(Styles.TITLE_3);
        ComboBox<Incident> incident = IncidentChooser.of("evidenceIncident", model.incidentChoices(),
                model.incidentProperty(), model::show);
        HBox row = new HBox(14, title, incident);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox captureBar() {
        Label add = Controls.fieldLabel("Add");
        HBox bar = new HBox(8, add,
                button("addFiles", "Files", "Add files (or drop them on the list)", Feather.FILE_PLUS, this::chooseFiles),
                button("addFolder", "Folder", "Add every file in a folder (links are not followed)",
                        Feather.FOLDER_PLUS, this::chooseFolder),
                button("pasteEvidence", "Paste", "Keep what the clipboard holds: files, an image or text (Ctrl+V)",
                        Feather.CLIPBOARD, this::paste),
                button("screenshot", "Screenshot", "A screen or a region of it, kept as PNG", Feather.MONITOR,
                        this::showScreenshot),
                button("addNote", "Note", "A note in your own words", Feather.EDIT_3,
                        () -> show(CaptureSheets.note(model, closeSheet))),
                button("addCommand", "Command output", "Output pasted with the command that printed it",
                        Feather.TERMINAL, () -> show(CaptureSheets.commandOutput(model, closeSheet))),
                button("addSnapshot", "Endpoint", "A platform's answer to a health or status call", Feather.ACTIVITY,
                        this::showSnapshot));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.disableProperty().bind(model.incidentProperty().isNull());
        return bar;
    }

    private static Button button(String id, String text, String tip, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(text, Icons.of(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private HBox filters() {
        ComboBox<EvidenceItem.Kind> kind = new ComboBox<>();
        kind.setId("kindFilter");
        kind.getItems().add(null);
        kind.getItems().addAll(EvidenceItem.Kind.values());
        kind.setConverter(Converters.showing(k -> k == null ? "All kinds" : k.key().replace('_', ' ')));
        kind.valueProperty().bindBidirectional(model.kindFilterProperty());
        kind.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(EvidenceItem.Kind k, boolean empty) {
                super.updateItem(k, empty);
                setText(k == null ? "All kinds" : k.key().replace('_', ' '));
            }
        });
        ComboBox<String> tag = new ComboBox<>();
        tag.setId("tagFilter");
        tag.setPromptText("All tags");
        model.tags().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = tag.getValue();
            tag.getItems().setAll(model.tags());
            tag.getItems().add(0, null);
            tag.setValue(keep);
        });
        tag.setConverter(Converters.showing(t -> t == null ? "All tags" : "#" + t));
        tag.valueProperty().bindBidirectional(model.tagFilterProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button export = button("exportBundle", "Export bundle", "A zip of every item with a manifest of hashes and "
                + "custody, verifiable anywhere with 'sitrep evidence verify'", Feather.PACKAGE, this::exportBundle);
        export.disableProperty().bind(model.incidentProperty().isNull());
        Button verify = button("verifyBundle", "Verify bundle", "Re-hash every entry of a bundle against its manifest",
                Feather.CHECK_CIRCLE, this::verifyBundle);
        Label count = new Label();
        count.setId("evidenceCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> model.shownItems().size() + " of "
                + model.itemCount() + " items", model.shownItems()));
        HBox row = new HBox(8, Controls.fieldLabel("Show"), kind, tag, count, gap, export, verify);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node dropHint() {
        Label big = new Label("Drop files or folders here");
        big.getStyleClass().add(Styles.TITLE_4);
        Label small = Controls.muted("Each is hashed (SHA-256) as it is stored, never changed afterwards, and its "
                + "custody is kept on the audit chain. Or use the buttons above; Ctrl+V pastes.");
        small.setMaxWidth(420);
        VBox box = new VBox(8, Icons.of(Feather.DOWNLOAD, 36), big, small);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("drop-hint");
        return box;
    }

    private HBox statusRow() {
        ProgressBar bar = new ProgressBar();
        bar.setId("captureProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(model.status().progressProperty());
        Label doing = new Label();
        doing.textProperty().bind(model.status().messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCapture");
        cancel.setOnAction(e -> model.cancel());
        HBox busy = new HBox(10, bar, doing, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(model.status().busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label message = new Label();
        message.setId("evidenceMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.status().failureOr(model.noticeProperty()));
        model.status().failureProperty().addListener((obs, was, now) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("failed"), !now.isEmpty()));
        message.getStyleClass().add("evidence-message");
        message.visibleProperty().bind(model.status().busyProperty().not());
        message.managedProperty().bind(message.visibleProperty());
        HBox row = new HBox(busy, message);
        HBox.setHgrow(message, Priority.ALWAYS);
        row.setMinHeight(Region.USE_PREF_SIZE);
        return row;
    }

    private void show(Node sheet) {
        showSheet.accept(sheet);
    }

    private void exportBundle() {
        ports.picker().saveAs(getScene().getWindow(), "Export the evidence bundle", model.suggestedBundleName())
                .ifPresent(model::exportBundle);
    }

    private void verifyBundle() {
        List<Path> chosen = ports.picker().files(getScene().getWindow(), "Verify an evidence bundle (.zip)");
        if (!chosen.isEmpty()) {
            model.verifyBundle(chosen.get(0));
        }
    }

    private void chooseFiles() {
        List<Path> files = ports.picker().files(getScene().getWindow(), "Add files as evidence");
        model.addPaths(files);
    }

    private void chooseFolder() {
        ports.picker().folder(getScene().getWindow(), "Add a folder as evidence (every file inside)")
                .ifPresent(folder -> model.addPaths(List.of(folder)));
    }

    /** Ctrl+V or Paste: files copied in the file manager, else an image, else text (a sheet to name it). */
    void paste() {
        List<Path> files = ports.clipboard().files();
        if (!files.isEmpty()) {
            model.addPaths(files);
            return;
        }
        Optional<Image> image = ports.clipboard().image();
        if (image.isPresent()) {
            Png.Pixels pixels = Png.pixels(image.get());
            model.addImage(EvidenceItem.Kind.IMAGE, "pasted image " + HMS.format(clock.instant()) + " UTC.png",
                    () -> Png.encode(pixels), "clipboard");
            return;
        }
        Optional<String> text = ports.clipboard().text().filter(t -> !t.isEmpty());
        if (text.isPresent()) {
            model.addText("pasted text " + HMS.format(clock.instant()) + " UTC", text.get());
        } else {
            model.nothingToPaste();
        }
    }

    private void showScreenshot() {
        show(new ScreenshotSheet(model, ports.screens(), clock, closeSheet));
    }

    private void showSnapshot() {
        model.snapshotPlatforms(platforms -> show(CaptureSheets.snapshot(model, platforms, closeSheet)));
    }

    private void showRemoveSheet() {
        EvidenceItem item = model.selectedProperty().get();
        if (item != null) {
            show(CaptureSheets.remove(model, item, closeSheet));
        }
    }

    private void showTimelineSheet() {
        EvidenceItem item = model.selectedProperty().get();
        if (item != null) {
            show(CaptureSheets.timeline(model, item, clock, zone, closeSheet));
        }
    }

    /** Focus the list (Ctrl+4 lands here). */
    public void focusList() {
        list.requestFocus();
    }
}
