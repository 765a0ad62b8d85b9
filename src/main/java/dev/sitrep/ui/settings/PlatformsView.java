package dev.sitrep.ui.settings;

import dev.sitrep.ui.common.Controls;
import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Platforms section of Settings. */
public final class PlatformsView extends VBox {

    private final VBox list = new VBox(6);
    private final PlatformsViewModel model;

    public PlatformsView(PlatformsViewModel model) {
        this.model = model;
        setId("platforms");
        setSpacing(10);
        Label title = new Label("Platforms");
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = Controls.muted("Where the truth about automation and health lives. Sitrep pulls each one every 30 s and "
                + "keeps the last answer for when it cannot be reached. Secrets come from SITREP_SECRET_<NAME>, or "
                + "type one below: it is kept in memory for this session only.");
        model.rows().addListener((javafx.collections.ListChangeListener<PlatformsViewModel.Row>) c -> showRows());
        Label result = Controls.muted("");
        result.setId("platformResult");
        result.textProperty().bind(model.status().failureOr(model.resultProperty()));

        TextField name = columns("name, e.g. pn-prod", model.nameProperty());
        name.setId("platformName");
        ComboBox<String> kind = new ComboBox<>();
        kind.getItems().setAll(PlatformsViewModel.kinds());
        kind.valueProperty().bindBidirectional(model.kindProperty());
        TextField address = columns("https://… (weathervane: path to state/orchestrator.db)", model.addressProperty());
        TextField email = columns("powernode: the account to log in with", model.emailProperty());
        ComboBox<String> environment = new ComboBox<>();
        environment.getItems().setAll("production", "staging", "development");
        environment.valueProperty().bindBidirectional(model.environmentProperty());
        TextField ca = columns("optional: extra CA certificate (PEM file)", model.caCertProperty());
        TextField flags = columns("so1: feature flags to disable, comma separated", model.flagsProperty());
        PasswordField secret = new PasswordField();
        secret.setPromptText("password, admin secret or token (memory only)");
        secret.textProperty().bindBidirectional(model.secretProperty());
        CheckBox autoHalt = new CheckBox("Halt by itself when its health checks escalate (audited as \"system\"; "
                + "otherwise Sitrep only proposes the kill switch)");
        autoHalt.setId("autoHalt");
        autoHalt.setWrapText(true);
        autoHalt.selectedProperty().bindBidirectional(model.autoHaltProperty());
        Button add = new Button("Add platform");
        add.setId("addPlatform");
        add.setOnAction(e -> model.add());
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.formErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        result.managedProperty().bind(result.textProperty().isNotEmpty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.setMaxWidth(720);
        form.addRow(0, Controls.fieldLabel("Name"), name);
        form.addRow(1, Controls.fieldLabel("Kind"), kind);
        form.addRow(2, Controls.fieldLabel("Address"), address);
        form.addRow(3, Controls.fieldLabel("Environment"), environment);
        form.addRow(4, Controls.fieldLabel("Email"), email);
        form.addRow(5, Controls.fieldLabel("Secret"), secret);
        form.addRow(6, Controls.fieldLabel("CA file"), ca);
        form.addRow(7, Controls.fieldLabel("Flags"), flags);
        form.addRow(8, Controls.fieldLabel("On alarm"), autoHalt);
        for (javafx.scene.Node field : new javafx.scene.Node[] {name, address, email, secret, ca, flags}) {
            GridPane.setHgrow(field, Priority.ALWAYS);
        }
        getChildren().addAll(title, help, list, result, form, new HBox(10, add), error);
        showRows();
    }

    private void showRows() {
        list.getChildren().clear();
        if (model.rows().isEmpty()) {
            list.getChildren().add(Controls.muted("No platforms yet."));
            return;
        }
        for (PlatformsViewModel.Row row : model.rows()) {
            Label name = new Label(row.profile().name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(120);
            Label what = Controls.fieldLabel(row.profile().kind().key() + " · " + row.profile().environment().key() + " · "
                    + row.profile().address() + (row.profile().autoHalt() ? " · halts by itself on escalation" : ""));
            Label state = new Label(row.state());
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            Button test = new Button("Test");
            test.setOnAction(e -> model.test(row.profile().name()));
            Button remove = new Button("Remove");
            remove.getStyleClass().add(Styles.FLAT);
            remove.setOnAction(e -> model.remove(row.profile().name()));
            state.setMinWidth(Region.USE_PREF_SIZE);
            what.setMinWidth(0);
            HBox line = new HBox(12, name, what, grow, state, test, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            list.getChildren().add(line);
        }
    }

    private static TextField columns(String prompt, javafx.beans.property.StringProperty property) {
        TextField f = Controls.field(prompt, property);
        f.setPrefColumnCount(22);
        return f;
    }
}
