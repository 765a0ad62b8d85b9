package dev.sitrep.ui.killswitch;

import atlantafx.base.theme.Styles;
import dev.sitrep.ui.common.PlatformWatch.Halted;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The Kill switch page: the big red button with its guard ring, what it does, the halted platforms,
 * and Contain while a Cullis platform is configured.
 */
public final class KillSwitchPage extends VBox {

    private final VBox halted = new VBox(8);

    public KillSwitchPage(Runnable open, javafx.collections.ObservableList<Halted> haltedPlatforms,
                          java.util.function.Consumer<Halted> resume, Runnable contain,
                          javafx.beans.value.ObservableBooleanValue containOffered) {
        setId("killSwitchPage");
        setSpacing(18);
        setAlignment(Pos.TOP_CENTER);
        Label title = new Label("Kill switch");
        title.getStyleClass().add(Styles.TITLE_3);
        Button big = new Button("HALT");
        big.setId("killSwitchButton");
        big.getStyleClass().add("kill-switch-big");
        big.setOnAction(e -> open.run());
        Label what = new Label("Stops a platform's automation through its API. Opening it arms it; you then choose the "
                + "platforms, say why, and hold to confirm. HALTED is shown only once the platform confirms it. "
                + "Ctrl+Shift+K opens it from anywhere.");
        what.setWrapText(true);
        what.setMaxWidth(640);
        what.getStyleClass().add(Styles.TEXT_MUTED);
        VBox ring = new VBox(big);
        ring.getStyleClass().add("kill-switch-ring");
        ring.setAlignment(Pos.CENTER);
        ring.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        halted.setMaxWidth(720);
        haltedPlatforms.addListener((javafx.collections.ListChangeListener<Halted>) c -> showHalted(haltedPlatforms, resume));
        showHalted(haltedPlatforms, resume);
        Button containButton = new Button("Contain: revoke a Cullis agent certificate…");
        containButton.setId("containAction");
        containButton.setOnAction(e -> contain.run());
        containButton.visibleProperty().bind(containOffered);
        containButton.managedProperty().bind(containOffered);
        getChildren().addAll(title, ring, what, halted, containButton);
    }

    private void showHalted(java.util.List<Halted> list, java.util.function.Consumer<Halted> resume) {
        halted.getChildren().clear();
        for (Halted h : list) {
            Label line = new Label(h.text());
            line.setWrapText(true);
            line.getStyleClass().add("outcome-halted");
            Button button = new Button("Resume " + h.name() + "…");
            button.setId("resume-" + h.name());
            button.setMinWidth(USE_PREF_SIZE);
            button.setOnAction(e -> resume.accept(h));
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(12, line, button);
            row.setAlignment(Pos.CENTER_LEFT);
            halted.getChildren().add(row);
        }
    }
}
