package dev.sitrep.ui.triage;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.SeverityLevel;
import dev.sitrep.core.SeverityScale;
import dev.sitrep.incident.TriageRecorder;
import dev.sitrep.runbook.Action;
import dev.sitrep.runbook.Answer;
import dev.sitrep.runbook.ReferenceTable;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.runbook.RunbookLibrary;
import dev.sitrep.runbook.TriageResult;
import dev.sitrep.runbook.TriageSession;
import dev.sitrep.runbook.TriageStep;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The triage wizard: one question at a time from a runbook's tree, answered by number or "not
 * sure", with breadcrumbs to go back; then the outcome (severity with its definition, sections,
 * contacts, the kill-switch proposal) to declare an incident with, or to apply to the open one.
 */
public final class TriageViewModel {

    private final Supplier<RunbookLibrary> library;
    private final Supplier<SeverityScale> workspaceScale;
    private final TriageRecorder recorder;
    private final UiExecutor executor;
    private final Navigator navigator;
    private RunbookLibrary loaded;
    private SeverityScale scale;

    // Properties
    private final ObservableList<Runbook> trees = FXCollections.observableArrayList();
    private final ObservableList<Runbook> treesReadOnly = FXCollections.unmodifiableObservableList(trees);
    private final ReadOnlyObjectWrapper<TriageSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper help = new ReadOnlyStringWrapper("");
    private final ObservableList<String> answers = FXCollections.observableArrayList();
    private final ObservableList<String> answersReadOnly = FXCollections.unmodifiableObservableList(answers);
    private final ReadOnlyStringWrapper notSureHint = new ReadOnlyStringWrapper("");
    private final ObservableList<String> breadcrumbs = FXCollections.observableArrayList();
    private final ObservableList<String> breadcrumbsReadOnly = FXCollections.unmodifiableObservableList(breadcrumbs);
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper severity = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper severityDefinition = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcomeTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unsureNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper proposeKillSwitch = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> actionLines = FXCollections.observableArrayList();
    private final ObservableList<String> actionLinesReadOnly = FXCollections.unmodifiableObservableList(actionLines);
    private final ObservableList<String> sections = FXCollections.observableArrayList();
    private final ObservableList<String> sectionsReadOnly = FXCollections.unmodifiableObservableList(sections);
    private final ObservableList<String> contacts = FXCollections.observableArrayList();
    private final ObservableList<String> contactsReadOnly = FXCollections.unmodifiableObservableList(contacts);
    private final ReadOnlyObjectWrapper<IncidentId> applyTarget = new ReadOnlyObjectWrapper<>();
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyStringWrapper applied = new ReadOnlyStringWrapper("");

    public TriageViewModel(Supplier<RunbookLibrary> library, Supplier<SeverityScale> workspaceScale,
                           TriageRecorder recorder, UiExecutor executor, Navigator navigator) {
        this.library = library;
        this.workspaceScale = workspaceScale;
        this.recorder = recorder;
        this.executor = executor;
        this.navigator = navigator;
    }

    private record Loaded(RunbookLibrary library, SeverityScale scale) {
    }

    // Commands

    /** Reads the runbooks (built-in and the team's) off the FX thread and starts the first tree. */
    public void load() {
        status.run(BackgroundTask.wrap(() -> new Loaded(library.get(), workspaceScale.get())).onSuccess(l -> {
            loaded = l.library();
            scale = l.scale();
            trees.setAll(loaded.triageTrees());
            if (trees.isEmpty()) {
                status.fail("No runbook with a triage tree is in use; 'sitrep runbook list' says what is wrong with them.");
            } else {
                start(trees.get(0));
            }
        }), executor);
    }

    public void start(Runbook tree) {
        if (tree == null || loaded == null) {
            return;
        }
        show(TriageSession.start(tree, loaded));
    }

    /** Answer {@code number} (1-based), as the buttons and the digit keys do. */
    public void answer(int number) {
        TriageSession s = session.get();
        if (s != null && !s.finished() && number >= 1 && number <= s.answers().size()) {
            show(s.answer(number));
        }
    }

    /** "Not sure": the more severe branch. */
    public void notSure() {
        TriageSession s = session.get();
        if (s != null && !s.finished()) {
            show(s.notSure());
        }
    }

    public void back() {
        TriageSession s = session.get();
        if (s != null && s.canGoBack()) {
            show(s.back());
        }
    }

    /** Back to the question of breadcrumb {@code index} (0 is the first question). */
    public void backTo(int index) {
        TriageSession s = session.get();
        while (s != null && s.breadcrumbs().size() > index && s.canGoBack()) {
            s = s.back();
        }
        if (s != null) {
            show(s);
        }
    }

    public void restart() {
        TriageSession s = session.get();
        if (s != null) {
            start(s.tree());
        }
    }

    /** The incident the outcome can be applied to (the one open in the window), or {@code null}. */
    public void setApplyTarget(IncidentId id) {
        applyTarget.set(id);
    }

    /** Enter on the outcome: applies it to the incident open in the window; with none open, declares a new one. */
    public void confirm() {
        IncidentId open = applyTarget.get();
        if (open != null) {
            applyTo(open);
        } else {
            declare();
        }
    }

    /** Opens the declare sheet with the outcome's title and severity; the triage is applied once declared. */
    public void declare() {
        TriageSession s = session.get();
        if (s == null || !s.finished()) {
            return;
        }
        navigator.declare(new Navigator.Prefill(outcomeTitle.get(), severity.get().isEmpty() ? null : severity.get()),
                this::applyTo);
    }

    /** Puts the answers, the outcome and the severity decision on {@code id}'s timeline and opens the checklists. */
    public void applyTo(IncidentId id) {
        TriageSession s = session.get();
        if (s == null || !s.finished() || id == null) {
            return;
        }
        status.run(BackgroundTask.wrap(() -> recorder.apply(id, s)).onSuccess(result -> {
            applied.set("Recorded on " + id + ". " + result.severityDecision() + ". " + result.checklists().size()
                    + " checklist" + (result.checklists().size() == 1 ? "" : "s") + " opened.");
            navigator.openChecklists(id);
        }), executor);
    }

    public void proposeKillSwitch() {
        navigator.proposeKillSwitch(applyTarget.get());
    }

    private void show(TriageSession s) {
        session.set(s);
        status.clearFailure();
        applied.set("");
        breadcrumbs.setAll(s.breadcrumbs().stream().map(TriageStep::line).toList());
        finished.set(s.finished());
        question.set(s.question().map(q -> q.question()).orElse(""));
        help.set(s.question().map(q -> q.help() == null ? "" : q.help()).orElse(""));
        answers.setAll(s.answers().stream().map(Answer::text).toList());
        notSureHint.set(s.notSureChoice().map(c -> c.answer() != null ? "takes \"" + c.answer().text()
                + "\", the more severe branch" : "goes to the " + c.target().describe()).orElse(""));
        s.result().ifPresentOrElse(this::showResult, this::clearResult);
    }

    private void showResult(TriageResult r) {
        SeverityLevel level = r.severityOn(scale).orElse(null);
        severity.set(level == null ? "" : level.code());
        severityDefinition.set(level == null ? "The tree sends you straight to a section; it sets no severity."
                : level.definition());
        outcomeTitle.set(r.title());
        unsureNote.set(r.unsure() ? "Reached through \"not sure\": the more severe branch was taken. Lower it with a "
                + "reason once the facts are in." : "");
        proposeKillSwitch.set(r.proposeKillSwitch());
        actionLines.setAll(r.actions().stream().filter(a -> a != Action.PROPOSE_KILL_SWITCH).map(Action::label).toList());
        if (!r.roles().isEmpty()) {
            actionLines.add("Assign: " + r.roles().stream().map(role -> role.label()).collect(Collectors.joining(", ")));
        }
        sections.setAll(r.sections().stream().map(o -> o.section().title() + "  (" + o.reference() + ", "
                + o.section().flatten().mapToInt(x -> x.steps().size()).sum() + " steps)").toList());
        contacts.setAll(r.contactsTable().map(TriageViewModel::contactLines).orElse(List.of()));
    }

    private static List<String> contactLines(ReferenceTable table) {
        return table.rows().stream().map(row -> row.cells().values().stream().filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining(" · "))).filter(line -> !line.isBlank()).toList();
    }

    private void clearResult() {
        severity.set("");
        severityDefinition.set("");
        outcomeTitle.set("");
        unsureNote.set("");
        proposeKillSwitch.set(false);
        actionLines.clear();
        sections.clear();
        contacts.clear();
    }

    public ObservableList<Runbook> trees() {
        return treesReadOnly;
    }

    public ReadOnlyObjectProperty<TriageSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty helpProperty() {
        return help.getReadOnlyProperty();
    }

    public ObservableList<String> answers() {
        return answersReadOnly;
    }

    /** Where "not sure" leads from this question, in words. */
    public ReadOnlyStringProperty notSureHintProperty() {
        return notSureHint.getReadOnlyProperty();
    }

    public ObservableList<String> breadcrumbs() {
        return breadcrumbsReadOnly;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityDefinitionProperty() {
        return severityDefinition.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeTitleProperty() {
        return outcomeTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unsureNoteProperty() {
        return unsureNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty proposeKillSwitchProperty() {
        return proposeKillSwitch.getReadOnlyProperty();
    }

    public ObservableList<String> actionLines() {
        return actionLinesReadOnly;
    }

    public ObservableList<String> sections() {
        return sectionsReadOnly;
    }

    public ObservableList<String> contacts() {
        return contactsReadOnly;
    }

    public ReadOnlyObjectProperty<IncidentId> applyTargetProperty() {
        return applyTarget.getReadOnlyProperty();
    }

    /** The page's background work: busy, and what failed. */
    public TaskStatus status() {
        return status;
    }

    public ReadOnlyStringProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }


    /** The workspace's scale, once loaded (for the severity chip's colour). */
    public SeverityScale scale() {
        return scale;
    }
}
