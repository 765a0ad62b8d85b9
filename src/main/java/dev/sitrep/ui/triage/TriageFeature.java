package dev.sitrep.ui.triage;

import dev.sitrep.core.Incident;
import dev.sitrep.services.Services;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.FilePicker;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.PageFeature;
import dev.sitrep.ui.common.UiExecutor;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.FileChooser;

import java.nio.file.Path;
import java.util.List;

/** The Triage page: the wizard over the runbooks' trees, and importing a runbook into the team's folder. */
public final class TriageFeature implements PageFeature {

    private final Services services;
    private final UiExecutor executor;
    private final Navigator navigator;
    private final FilePicker picker;
    private final TriageViewModel model;
    private final TriageView view;

    public TriageFeature(FeatureContext context) {
        services = context.services();
        executor = context.executor();
        navigator = context.navigator();
        picker = context.ports().picker();
        model = new TriageViewModel(services::runbooks, services.incidents()::scale, services.triage(), executor,
                navigator);
        view = new TriageView(model, this::importRunbook);
        model.load();
    }

    /** The outcome applies to the incident open in the window, unless there is none or it is over. */
    @Override
    public void shown() {
        Incident open = navigator.openIncidentRecord();
        model.setApplyTarget(open == null || open.status().isFinal() ? null : open.id());
        Platform.runLater(view::focusWizard);
    }

    /** Import: choose a file, see what was recognised, save it to the team's runbooks. */
    private void importRunbook() {
        picker.file(view.getScene().getWindow(), "Import a runbook (Markdown, or a wiki or web page saved as text)",
                List.of(new FileChooser.ExtensionFilter("Runbooks", "*.md", "*.markdown", "*.txt", "*.text"),
                        new FileChooser.ExtensionFilter("Any file", "*.*"))).ifPresent(this::previewImport);
    }

    /** The import preview for {@code file} over the window (the file chooser's result, or a test's). */
    public void previewImport(Path file) {
        ImportViewModel importer = new ImportViewModel(executor, services.runbookImports(), model::load);
        navigator.showOverlay(new ImportSheet(importer, navigator::hideOverlay));
        importer.load(file);
    }

    public TriageViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return view;
    }
}
