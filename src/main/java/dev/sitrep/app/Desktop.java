package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.ui.board.BoardView;
import dev.sitrep.ui.board.BoardViewModel;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.comms.PostUpdateView;
import dev.sitrep.ui.comms.PostUpdateViewModel;
import dev.sitrep.ui.common.TextClipboard;
import dev.sitrep.ui.settings.TemplatesViewModel;
import dev.sitrep.ui.declare.DeclareView;
import dev.sitrep.ui.declare.DeclareViewModel;
import dev.sitrep.ui.incident.ChecklistViewModel;
import dev.sitrep.ui.incident.IncidentView;
import dev.sitrep.ui.killswitch.ContainDialog;
import dev.sitrep.ui.killswitch.ContainViewModel;
import dev.sitrep.ui.killswitch.KillSwitchDialog;
import dev.sitrep.ui.killswitch.KillSwitchPage;
import dev.sitrep.ui.killswitch.KillSwitchViewModel;
import dev.sitrep.ui.killswitch.ResumeView;
import dev.sitrep.ui.killswitch.ResumeViewModel;
import dev.sitrep.ui.common.SystemViewer;
import dev.sitrep.ui.evidence.EvidenceView;
import dev.sitrep.ui.evidence.EvidenceViewModel;
import dev.sitrep.ui.postmortem.FollowUpsViewModel;
import dev.sitrep.ui.postmortem.PostmortemPage;
import dev.sitrep.ui.postmortem.PostmortemViewModel;
import dev.sitrep.ui.common.PlatformSummary;
import dev.sitrep.ui.incident.IncidentViewModel;
import dev.sitrep.ui.settings.PlatformsViewModel;
import dev.sitrep.ui.settings.SettingsView;
import dev.sitrep.ui.settings.SettingsViewModel;
import dev.sitrep.ui.shell.Page;
import dev.sitrep.ui.shell.ShellView;
import dev.sitrep.ui.shell.ShellViewModel;
import dev.sitrep.ui.triage.ImportSheet;
import dev.sitrep.ui.triage.ImportViewModel;
import dev.sitrep.ui.triage.TriageView;
import dev.sitrep.ui.triage.TriageViewModel;
import dev.sitrep.workspace.Theme;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * The composition root's UI half: builds every view-model and view once for an open workspace,
 * wires them to the shell, and starts the change poller that keeps them current.
 */
final class Desktop {

    static final long POLL_MILLIS = 50;

    private final ShellViewModel shellModel;
    private final ShellView shell;
    private final BoardViewModel board;
    private final IncidentViewModel incident;
    private final ChecklistViewModel checklists;
    private final DeclareViewModel declare;
    private final TriageViewModel triage;
    private TriageView triageView;
    private boolean triageDeclaring;
    private WallWindow wall;
    private final FxExecutor executor;
    private final ZoneId zone;
    private final SettingsViewModel settings;
    private final PlatformsViewModel platforms;
    private final BoardView boardView;
    private final IncidentView incidentView;
    private final DeclareView declareView;
    private final PostUpdateViewModel postUpdate;
    private final PostUpdateView postUpdateView;
    private final TemplatesViewModel templates;
    private final KillSwitchViewModel killSwitch;
    private final KillSwitchDialog killSwitchDialog;
    private final ResumeViewModel resume;
    private final ContainViewModel contain;
    private final ContainDialog containDialog;
    private final ResumeView resumeView;
    private final javafx.collections.ObservableList<KillSwitchPage.Halted> haltedPlatforms =
            javafx.collections.FXCollections.observableArrayList();
    private final Services workspace;
    private final Clock clock;
    private final EvidenceViewModel evidence;
    private final PostmortemViewModel postmortem;
    private final FollowUpsViewModel followUps;
    private PostmortemPage postmortemPage;
    private final EvidenceView.Ports evidencePorts;
    private EvidenceView evidenceView;
    private final ScheduledFuture<?> polling;
    private final Timeline elapsed;

    Desktop(Services workspace, FxExecutor executor, Clock clock, ZoneId zone, ShellViewModel shellModel,
            ShellView shell, Consumer<Theme> applyTheme, Runnable startDrill) {
        this(workspace, executor, clock, zone, shellModel, shell, applyTheme, startDrill, EvidenceView.Ports.system());
    }

    /** @param evidencePorts the OS parts the Evidence page uses (drop, choosers, screens, clipboard); fakes in tests */
    Desktop(Services workspace, FxExecutor executor, Clock clock, ZoneId zone, ShellViewModel shellModel,
            ShellView shell, Consumer<Theme> applyTheme, Runnable startDrill, EvidenceView.Ports evidencePorts) {
        this.workspace = workspace;
        this.clock = clock;
        this.evidencePorts = evidencePorts;
        postmortem = new PostmortemViewModel(workspace.postmortems(), workspace.actionItems(), workspace.postmortemExports(),
                workspace.incidents(),
                executor, clock);
        followUps = new FollowUpsViewModel(workspace.actionItems(), workspace.incidents(), executor);
        evidence = new EvidenceViewModel(workspace.evidence(), workspace.evidenceCaptures(), workspace.bundles(), workspace.incidents(), workspace.profiles(), executor,
                SystemViewer.system(), workspace.dataDir().resolve("evidence").resolve("opened"));
        this.executor = executor;
        this.zone = zone;
        this.shellModel = shellModel;
        this.shell = shell;
        board = new BoardViewModel(workspace.incidents(), executor, clock, ids -> workspace.statusUpdates().lastSent(ids));
        incident = new IncidentViewModel(workspace.incidents(), executor, clock, zone);
        triage = new TriageViewModel(workspace::runbooks, workspace.incidents()::scale, workspace.triage(), executor);
        declare = new DeclareViewModel(workspace.incidents(), executor, declared -> {
            shell.hideOverlay();
            board.refresh();
            shellModel.openIncident(declared.id());
            if (triageDeclaring) {
                triageDeclaring = false;
                triage.applyTo(declared.id());
            }
        });
        settings = new SettingsViewModel(workspace.settings(), workspace.incidents(), executor, workspace::operator,
                name -> {
                    workspace.operatorChanged(name);
                    shellModel.setOperator(workspace.operator());
                }, workspace.operatorOverride());
        platforms = new PlatformsViewModel(workspace.profiles(), workspace.platformStates(), workspace::connect,
                workspace.secrets(), executor, clock);
        settings.themeProperty().addListener((obs, was, now) -> applyTheme.accept(now));
        boardView = new BoardView(board, new BoardView.Actions(shellModel::openIncident, this::showDeclare, startDrill,
                shell::showOverlay, shell::hideOverlay, i -> showPostUpdate(i.id())));
        board.onOverdue(Notifier::overdue);
        checklists = new ChecklistViewModel(workspace.checklists(), executor);
        incidentView = new IncidentView(incident, checklists, shellModel::back, this::writePostmortem);
        declareView = new DeclareView(declare, shell::hideOverlay);
        postUpdate = new PostUpdateViewModel(workspace.incidents(), workspace.templates(), workspace.warRoom(),
                workspace.statusUpdates(), executor, clock, TextClipboard.system());
        postUpdateView = new PostUpdateView(postUpdate, shell::hideOverlay);
        templates = new TemplatesViewModel(workspace.templates(), workspace.warRoom(), executor);

        shellModel.setOperator(workspace.operator());
        shellModel.pageProperty().addListener((obs, was, now) -> {
            if (was == Page.POSTMORTEMS) {
                postmortem.flush(dev.sitrep.postmortem.Postmortems.AUTOSAVE);
            }
            if (now == Page.EVIDENCE && evidenceView != null) {
                evidence.loadIncidents(null); // incidents declared since are offered too
            }
            if (now == Page.TRIAGE) {
                var open = incident.incidentProperty().get();
                triage.setApplyTarget(open == null || open.status().isFinal() ? null : open.id());
                Platform.runLater(() -> triageView().focusWizard());
            }
        });
        shellModel.openIncidentProperty().addListener((obs, was, id) -> {
            incident.load(id);
            checklists.load(id);
            if (id != null) {
                evidence.show(id); // the Evidence page follows the incident being worked on
            }
        });
        killSwitch = new KillSwitchViewModel(workspace.profiles(), workspace.killSwitch(), executor, System::nanoTime,
                workspace.settings()::holdDuration);
        killSwitch.onHalted(() -> reloadPlatforms(executor));
        killSwitchDialog = new KillSwitchDialog(killSwitch, shell::hideOverlay);
        resume = new ResumeViewModel(workspace.killSwitch(), executor);
        contain = new ContainViewModel(workspace.profiles(), workspace.killSwitch(), executor, System::nanoTime,
                workspace.settings()::holdDuration);
        containDialog = new ContainDialog(contain, shell::hideOverlay);
        resumeView = new ResumeView(resume, shell::hideOverlay);
        triage.setActions(new TriageViewModel.Actions() {
            @Override
            public void declare(String title, String severity) {
                showDeclare();
                declare.prefill(title, severity);
                triageDeclaring = true;
            }

            @Override
            public void proposeKillSwitch(dev.sitrep.core.IncidentId incidentId) {
                var open = incident.incidentProperty().get();
                boolean same = open != null && open.id().equals(incidentId);
                armKillSwitch(incidentId, same ? open.platforms() : List.of());
            }

            @Override
            public void applied(dev.sitrep.core.IncidentId id) {
                shellModel.openIncident(id);
                checklists.load(id);
                incidentView.showChecklists();
            }
        });
        shell.setPages(this::page, new ShellView.Actions(this::showDeclare, this::focusNote, shellModel::back, startDrill,
                this::showKillSwitch, () -> armKillSwitch(null, shellModel.escalatedPlatforms()), this::openWall));

        ChangePoller poller = new ChangePoller(workspace.changes(), executor, workspace.changesAtOpen());
        poller.addListener(board::onChanges);
        poller.addListener(incident::onChanges);
        poller.addListener(checklists::onChanges);
        poller.addListener(evidence::onChanges);
        poller.addListener(postmortem::onChanges);
        poller.addListener(followUps::onChanges);
        poller.addListener(platforms::onChanges);
        poller.addListener(changes -> {
            if (!changes.platforms().isEmpty()) {
                reloadPlatforms(executor);
            }
        });
        polling = executor.every(POLL_MILLIS, poller::poll);
        // Every second: the board's clocks count; the incident page's resume watch counts in minutes.
        elapsed = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            boardView.tick();
            incident.tick();
        }));
        elapsed.setCycleCount(Timeline.INDEFINITE);
        elapsed.play();

        board.refresh();
        executor.submit(() -> workspace.settings().wallOpen(), open -> {
            if (open) {
                openWall(); // it was up when the console last ran: put it back where it was
            }
        }, failure -> { });
        settings.load();
        templates.load();
        platforms.load();
        reloadPlatforms(executor);
        workspace.startPulling();
    }

    private record PlatformSnapshot(List<PlatformProfile> profiles, Map<String, PlatformStatus> states,
                                    Map<String, dev.sitrep.core.SyncBacklog> sync) {
    }

    private void reloadPlatforms(FxExecutor executor) {
        executor.submit(() -> {
            Map<String, PlatformStatus> states = new HashMap<>();
            workspace.platformStates().all().forEach(s -> states.put(s.name(), s));
            List<PlatformProfile> profiles = workspace.profiles().list();
            return new PlatformSnapshot(profiles, states, workspace.teamSync().waiting(profiles));
        }, snapshot -> {
            shellModel.setPlatforms(snapshot.profiles(), snapshot.states());
            shellModel.setSync(snapshot.sync());
            board.setPlatforms(snapshot.states());
            haltedPlatforms.setAll(snapshot.profiles().stream()
                    .filter(p -> snapshot.states().containsKey(p.name())
                            && Boolean.TRUE.equals(snapshot.states().get(p.name()).halted()))
                    .map(p -> new KillSwitchPage.Halted(p.name(), p.kind(),
                            PlatformSummary.halted(List.of(p), snapshot.states())))
                    .toList());
        }, failure -> { });
    }

    private Node page(Page page) {
        return switch (page) {
            case BOARD -> boardView;
            case INCIDENT -> incidentView;
            case SETTINGS -> new SettingsView(settings, platforms, templates);
            case TRIAGE -> triageView();
            case KILL_SWITCH -> new KillSwitchPage(this::showKillSwitch, haltedPlatforms, this::showResume,
                    this::showContain);
            case EVIDENCE -> evidenceView();
            case POSTMORTEMS -> postmortemPage();
        };
    }

    private PostmortemPage postmortemPage() {
        if (postmortemPage == null) {
            postmortemPage = new PostmortemPage(postmortem, followUps, zone, evidencePorts.picker(), shell::showOverlay,
                    shell::hideOverlay);
            postmortem.loadIncidents(shellModel.openIncidentProperty().get());
            followUps.load();
        }
        return postmortemPage;
    }

    /** "Write postmortem" on an incident: the Postmortems page on that incident. */
    void writePostmortem(dev.sitrep.core.IncidentId id) {
        shellModel.show(Page.POSTMORTEMS);
        postmortemPage().open(id);
    }

    private EvidenceView evidenceView() {
        if (evidenceView == null) {
            evidenceView = new EvidenceView(evidence, evidencePorts, workspace.evidence()::blob, clock, zone,
                    shell::showOverlay, shell::hideOverlay);
            evidence.loadIncidents(shellModel.openIncidentProperty().get());
        }
        return evidenceView;
    }

    private TriageView triageView() {
        if (triageView == null) {
            triageView = new TriageView(triage, this::importRunbook);
            triage.load();
        }
        return triageView;
    }

    /** The triage page's Import: choose a file, see what was recognised, save it to the team's runbooks. */
    private void importRunbook() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Import a runbook (Markdown, or a wiki or web page saved as text)");
        chooser.getExtensionFilters().addAll(
                new javafx.stage.FileChooser.ExtensionFilter("Runbooks", "*.md", "*.markdown", "*.txt", "*.text"),
                new javafx.stage.FileChooser.ExtensionFilter("Any file", "*.*"));
        java.io.File file = chooser.showOpenDialog(shell.getScene().getWindow());
        if (file != null) {
            previewImport(file.toPath());
        }
    }

    /** The import preview for {@code file} over the window (the file chooser's result, or a test's). */
    void previewImport(java.nio.file.Path file) {
        ImportViewModel model = new ImportViewModel(executor, workspace.runbookImports(), triage::load);
        shell.showOverlay(new ImportSheet(model, shell::hideOverlay));
        model.load(file);
    }

    void showDeclare() {
        triageDeclaring = false;
        declare.reset(board.scaleProperty().get(), workspace.operator());
        shell.showOverlay(declareView);
        Platform.runLater(declareView::focusTitle);
    }

    /** Ctrl+Shift+K, the toolbar button or the page's: arms the halt dialog, the open incident's platforms chosen. */
    void showKillSwitch() {
        var open = shellModel.pageProperty().get() == Page.INCIDENT ? incident.incidentProperty().get() : null;
        armKillSwitch(open == null ? null : open.id(), open == null ? List.of() : open.platforms());
    }

    private void armKillSwitch(dev.sitrep.core.IncidentId incidentId, List<String> platforms) {
        killSwitch.arm(incidentId, platforms);
        shell.showOverlay(killSwitchDialog);
        Platform.runLater(killSwitchDialog::focusReason);
    }

    private void showContain() {
        contain.arm();
        shell.showOverlay(containDialog);
    }

    private void showResume(KillSwitchPage.Halted platform) {
        resume.open(platform.name(), platform.kind());
        shell.showOverlay(resumeView);
    }

    private void focusNote() {
        if (shellModel.pageProperty().get() == Page.INCIDENT) {
            incidentView.focusNote();
        }
    }

    /** The board's "Post update" quick action: the sheet for that incident over the window. */
    void showPostUpdate(dev.sitrep.core.IncidentId id) {
        postUpdate.open(id);
        shell.showOverlay(postUpdateView);
    }

    /** The Wall button, and a restart after the wall was left open: the wall window on this workspace. */
    void openWall() {
        if (wall != null && wall.stage().isShowing()) {
            wall.stage().toFront();
            return;
        }
        wall = new WallWindow(workspace.wall(zone), executor, workspace.settings(), workspace.operator(),
                shellModel.drill());
        wall.show(true);
    }

    /** Stops watching the store (the window is closing; the workspace closes next). */
    void close() {
        postmortem.flush("closed the console");
        evidence.cancel(); // a capture under way stores nothing rather than hold up the close
        if (wall != null) {
            wall.closeKeepingItOpen();
        }
        polling.cancel(false);
        elapsed.stop();
    }

    BoardViewModel board() {
        return board;
    }

    KillSwitchViewModel killSwitch() {
        return killSwitch;
    }

    TriageViewModel triage() {
        return triage;
    }

    DeclareViewModel declare() {
        return declare;
    }

    EvidenceViewModel evidence() {
        return evidence;
    }

    PostmortemViewModel postmortem() {
        return postmortem;
    }
}
