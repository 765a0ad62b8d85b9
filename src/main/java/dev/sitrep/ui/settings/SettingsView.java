package dev.sitrep.ui.settings;

import dev.sitrep.ui.common.Controls;
import atlantafx.base.theme.Styles;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.core.SeverityScales;
import dev.sitrep.workspace.Theme;
import dev.sitrep.ui.common.Converters;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.stream.Collectors;

/** The Settings page. */
public final class SettingsView extends VBox {

    public SettingsView(SettingsViewModel model, PlatformsViewModel platforms, TemplatesViewModel templates) {
        setId("settings");
        setSpacing(14);
        setMaxWidth(980);
        setFillWidth(true);

        Label heading = new Label("Settings");
        heading.getStyleClass().add(Styles.TITLE_3);

        TextField operator = new TextField();
        operator.setId("operatorField");
        operator.setPrefColumnCount(24);
        operator.textProperty().bindBidirectional(model.operatorProperty());
        operator.setOnAction(e -> model.saveOperator());
        Button saveOperator = new Button("Save");
        saveOperator.setOnAction(e -> model.saveOperator());
        Label operatorNote = Controls.muted("");
        operatorNote.textProperty().bind(model.operatorNoteProperty());

        ToggleGroup themes = new ToggleGroup();
        RadioButton dark = new RadioButton("Dark");
        RadioButton light = new RadioButton("Light");
        dark.setToggleGroup(themes);
        light.setToggleGroup(themes);
        dark.setOnAction(e -> model.chooseTheme(Theme.DARK));
        light.setOnAction(e -> model.chooseTheme(Theme.LIGHT));
        model.themeProperty().addListener((obs, was, now) -> (now == Theme.LIGHT ? light : dark).setSelected(true));
        (model.themeProperty().get() == Theme.LIGHT ? light : dark).setSelected(true);

        ComboBox<SeverityScale> scale = new ComboBox<>();
        scale.getItems().setAll(SeverityScales.ALL);
        scale.setId("scaleCombo");
        scale.valueProperty().bindBidirectional(model.chosenScaleProperty());
        scale.setConverter(Converters.showing(SeverityScale::name));
        Button switchScale = new Button("Switch");
        switchScale.setId("switchScale");
        switchScale.setOnAction(e -> model.switchScale());
        switchScale.disableProperty().bind(model.chosenScaleProperty().isEqualTo(model.activeScaleProperty())
                .or(model.status().busyProperty()));
        Label levels = Controls.muted("");
        levels.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(model.chosenScaleProperty().get()), model.chosenScaleProperty()));
        Label warning = new Label();
        warning.setId("scaleWarning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        warning.textProperty().bind(model.scaleWarningProperty());
        warning.managedProperty().bind(warning.textProperty().isNotEmpty());

        TextField hold = new TextField();
        hold.setId("holdSeconds");
        hold.setPrefColumnCount(5);
        hold.textProperty().bindBidirectional(model.holdSecondsProperty());
        hold.setOnAction(e -> model.saveHold());
        Button saveHold = new Button("Save");
        saveHold.setOnAction(e -> model.saveHold());
        TextField limit = new TextField();
        limit.setId("evidenceLimit");
        limit.setPrefColumnCount(8);
        limit.textProperty().bindBidirectional(model.evidenceLimitProperty());
        limit.setOnAction(e -> model.saveEvidenceLimit());
        Button saveLimit = new Button("Save");
        saveLimit.setOnAction(e -> model.saveEvidenceLimit());
        javafx.scene.control.TextArea sections = new javafx.scene.control.TextArea();
        sections.setId("postmortemSections");
        sections.setPrefRowCount(3);
        sections.setPrefColumnCount(40);
        sections.setPromptText("One title per line, e.g. Customer follow-up");
        sections.textProperty().bindBidirectional(model.postmortemSectionsProperty());
        Button saveSections = new Button("Save");
        saveSections.setId("savePostmortemSections");
        saveSections.setOnAction(e -> model.savePostmortemSections());
        Label status = Controls.muted("");
        status.textProperty().bind(model.noticeProperty());
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.status().failureProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        operatorNote.managedProperty().bind(operatorNote.textProperty().isNotEmpty());

        getChildren().addAll(heading,
                section("Operator", "The name recorded on everything you do."), row(operator, saveOperator), operatorNote,
                section("Theme", "Dark is calm at night; light reads better in a bright room."), row(dark, light),
                section("Severity scale", "One scale per workspace; runbooks and the board use it."),
                row(scale, switchScale), levels, warning,
                section("Kill switch hold", "How long the confirm must be held, in seconds (0.5 to 5; 1.5 by default)."),
                row(hold, saveHold),
                section("Evidence size limit", "The largest single capture, e.g. 8 GiB (the default) or 512 MiB; "
                        + "1 MiB to 1024 GiB. Bigger files are refused whole with a message."),
                row(limit, saveLimit),
                section("Postmortem sections", "The team's own sections, added after the standard ones (what happened, "
                        + "root cause, went well, went poorly, where we got lucky, lessons) in new drafts."),
                row(sections, saveSections), status, error, new PlatformsView(platforms), new TemplatesView(templates));
    }

    private static String describe(SeverityScale scale) {
        if (scale == null) {
            return "";
        }
        return scale.levels().stream().map(l -> l.code() + ": " + l.criteria() + " (respond " + l.respondText() + ")")
                .collect(Collectors.joining("\n"));
    }

    private static VBox section(String title, String help) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.TITLE_4);
        Label h = Controls.muted("");
        h.setText(help);
        return new VBox(2, t, h);
    }

    private static HBox row(javafx.scene.Node... nodes) {
        HBox row = new HBox(10, nodes);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
