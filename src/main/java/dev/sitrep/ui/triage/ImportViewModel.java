package dev.sitrep.ui.triage;

import dev.sitrep.runbook.importer.ImportResult;
import dev.sitrep.runbook.importer.RunbookImports;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;

/**
 * Importing a team's existing runbook (Markdown, a wiki or web page copied as text): the preview
 * of what was recognised and what was kept as notes, then saving it into the team folder, where
 * the wizard and the checklists pick it up.
 */
public final class ImportViewModel {

    private final UiExecutor executor;
    private final RunbookImports imports;
    private final Runnable onSaved;
    private ImportResult result;

    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recognised = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(false);

    /** @param imports the import the CLI uses too: read, then keep only what fits beside the runbooks in use */
    public ImportViewModel(UiExecutor executor, RunbookImports imports, Runnable onSaved) {
        this.executor = executor;
        this.imports = imports;
        this.onSaved = onSaved;
    }

    /** Imports {@code file} off the FX thread and shows the preview; nothing is saved yet. */
    public void load(Path file) {
        result = null;
        source.set(file.toString());
        summary.set("Reading " + file.getFileName() + "…");
        recognised.clear();
        notes.clear();
        status.clearFailure();
        saved.set("");
        canSave.set(false);
        status.run(BackgroundTask.wrap(() -> imports.read(file, null, null)).onSuccess(r -> {
            result = r;
            summary.set(r.summary());
            if (r.valid()) {
                recognised.setAll(r.runbook().sections().stream().map(s -> s.title() + "  ("
                        + s.flatten().mapToInt(x -> x.steps().size()).sum() + " steps)").toList());
                if (r.runbook().hasTriage()) {
                    recognised.add(0, "Triage: " + r.runbook().nodes().size() + " questions, "
                            + r.runbook().outcomes().size() + " outcomes");
                }
            } else {
                status.fail("The import does not validate (" + r.problems().size() + " problems): "
                        + r.problems().get(0).message() + ". Nothing is saved.");
            }
            notes.setAll(r.notes().stream().map(n -> n.describe(140)).toList());
            canSave.set(r.valid());
        }).onFailure(failure -> {
            summary.set("");
        }), executor);
    }

    /**
     * Keeps the imported runbook in the team folder (never over an existing file), checked beside the
     * runbooks in use as the CLI checks it: one that does not fit is refused and nothing is left.
     */
    public void save() {
        ImportResult r = result;
        if (r == null || !r.valid()) {
            return;
        }
        status.run(BackgroundTask.wrap(() -> imports.keepInTeamFolder(r).file()).onSuccess(target -> {
            canSave.set(false);
            saved.set("Saved as " + target + ". The triage page and the checklists use it now.");
            onSaved.run();
        }), executor);
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Sections (and the triage tree) recognised, for the preview. */
    public ObservableList<String> recognised() {
        return recognised;
    }

    /** What could not be mapped, line by line; it is kept in the runbook as notes, never dropped. */
    public ObservableList<String> notes() {
        return notes;
    }

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }
}
