package dev.sitrep.ui.evidence;

import atlantafx.base.theme.Styles;
import dev.sitrep.evidence.Bundles;
import dev.sitrep.ui.common.Controls;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Before a bundle leaves with secrets in it: the items that hold them, and the two ways on.
 * Export redacted copies (the default: a copy with the secrets masked goes in place of each, the
 * originals stay here) or keep the secrets; closed any other way (Esc, Cancel) it exports nothing.
 */
final class SecretsSheet extends VBox {

    /** How many items the sheet lists before "and N more". */
    private static final int LISTED = 8;

    private boolean chosen;

    SecretsSheet(EvidenceViewModel model, EvidenceViewModel.SecretsWarning warning, Runnable close) {
        super(10);
        setId("secretsSheet");
        getStyleClass().add("declare-sheet");
        setMaxWidth(720);
        setMaxHeight(USE_PREF_SIZE);
        int n = warning.flagged().size();
        Label title = new Label(n + " item" + (n == 1 ? " holds" : "s hold") + " secrets");
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = Controls.muted("A bundle leaves Sitrep. Export redacted copies puts a copy with the secrets masked "
                + "in place of each of these (made now where there is none); the originals stay here, unchanged.");
        help.setWrapText(true);
        VBox items = new VBox(4);
        items.setId("secretItems");
        for (Bundles.Flagged f : warning.flagged().subList(0, Math.min(LISTED, n))) {
            Label line = new Label(f.describe());
            line.getStyleClass().add("mono");
            line.setWrapText(true);
            items.getChildren().add(line);
        }
        if (n > LISTED) {
            items.getChildren().add(Controls.muted("and " + (n - LISTED) + " more"));
        }
        Button redacted = new Button("Export redacted copies");
        redacted.setId("exportRedacted");
        redacted.getStyleClass().add(Styles.ACCENT);
        redacted.setDefaultButton(true);
        redacted.setOnAction(e -> choose(close, () -> model.exportBundle(warning.zip(), Bundles.WithSecrets.REDACTED)));
        Button originals = new Button("Keep the secrets");
        originals.setId("exportWithSecrets");
        originals.getStyleClass().add(Styles.DANGER);
        originals.setOnAction(e -> choose(close, () -> model.exportBundle(warning.zip(), Bundles.WithSecrets.ORIGINALS)));
        Button nothing = new Button("Cancel (Esc)");
        nothing.setId("cancelExport");
        nothing.setCancelButton(true);
        nothing.setOnAction(e -> close.run());
        // However it closes without a choice (Cancel, Esc, another sheet), nothing is exported.
        sceneProperty().addListener((obs, was, now) -> {
            if (now == null && !chosen) {
                model.dismissSecretsWarning();
            }
        });
        HBox buttons = new HBox(10, redacted, originals, nothing);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, help, items, buttons);
    }

    private void choose(Runnable close, Runnable export) {
        chosen = true;
        close.run();
        export.run();
    }
}
