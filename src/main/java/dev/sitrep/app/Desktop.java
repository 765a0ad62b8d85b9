package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.ui.board.BoardFeature;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.Feature;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.FxExecutor;
import dev.sitrep.ui.common.OsPorts;
import dev.sitrep.ui.common.Page;
import dev.sitrep.ui.common.PageFeature;
import dev.sitrep.ui.common.Pages;
import dev.sitrep.ui.common.SecondTicker;
import dev.sitrep.ui.comms.PostUpdateFeature;
import dev.sitrep.ui.declare.DeclareFeature;
import dev.sitrep.ui.evidence.EvidenceFeature;
import dev.sitrep.ui.incident.IncidentFeature;
import dev.sitrep.ui.killswitch.HaltFeature;
import dev.sitrep.ui.killswitch.KillSwitchFeature;
import dev.sitrep.ui.postmortem.PostmortemFeature;
import dev.sitrep.ui.settings.SettingsFeature;
import dev.sitrep.ui.shell.ShellView;
import dev.sitrep.ui.shell.ShellViewModel;
import dev.sitrep.ui.triage.TriageFeature;
import dev.sitrep.workspace.Theme;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import static java.util.Map.entry;

/**
 * The console on an open workspace: its pages and sheets (each built when first used), the change poller that
 * keeps them current, and the window they show in.
 */
final class Desktop implements Pages {

    static final long POLL_MILLIS = 50;

    private static final Map<Page, Class<? extends PageFeature>> PAGES = Map.of(
            Page.BOARD, BoardFeature.class, Page.INCIDENT, IncidentFeature.class, Page.TRIAGE, TriageFeature.class,
            Page.KILL_SWITCH, KillSwitchFeature.class, Page.EVIDENCE, EvidenceFeature.class,
            Page.POSTMORTEMS, PostmortemFeature.class, Page.SETTINGS, SettingsFeature.class);

    private static final Map<Class<? extends Feature>, Function<FeatureContext, Feature>> FEATURES = Map.ofEntries(
            entry(BoardFeature.class, BoardFeature::new), entry(IncidentFeature.class, IncidentFeature::new),
            entry(TriageFeature.class, TriageFeature::new), entry(KillSwitchFeature.class, KillSwitchFeature::new),
            entry(EvidenceFeature.class, EvidenceFeature::new), entry(PostmortemFeature.class, PostmortemFeature::new),
            entry(SettingsFeature.class, SettingsFeature::new), entry(DeclareFeature.class, DeclareFeature::new),
            entry(PostUpdateFeature.class, PostUpdateFeature::new), entry(HaltFeature.class, HaltFeature::new));

    /** Read by tests off the FX thread too. */
    private final Map<Class<? extends Feature>, Feature> built = new ConcurrentHashMap<>();
    private final ConsoleNavigator navigator;
    private final FeatureContext context;
    private final SecondTicker ticker = new SecondTicker();
    private final ScheduledFuture<?> polling;

    Desktop(Services services, FxExecutor executor, Clock clock, ZoneId zone, ShellViewModel shellModel,
            ShellView shell, Consumer<Theme> applyTheme, Runnable startDrill) {
        this(services, executor, clock, zone, shellModel, shell, applyTheme, startDrill, OsPorts.system());
    }

    /** @param ports the operating system's parts the pages use (drop, choosers, screens, clipboards); fakes in tests */
    Desktop(Services services, FxExecutor executor, Clock clock, ZoneId zone, ShellViewModel shellModel,
            ShellView shell, Consumer<Theme> applyTheme, Runnable startDrill, OsPorts ports) {
        navigator = new ConsoleNavigator(this, shellModel, shell, services, executor, zone, startDrill);
        PlatformReload platforms = new PlatformReload(services, executor, shellModel);
        ChangePoller poller = new ChangePoller(services.changes(), executor, services.changesAtOpen());
        poller.addListener(changes -> {
            if (!changes.platforms().isEmpty()) {
                platforms.reload();
            }
        });
        context = new FeatureContext(services, executor, clock, zone, navigator, ports, poller, ticker, platforms,
                new ShellChrome(shellModel, applyTheme));
        shellModel.setOperator(services.operator());
        shell.setPages(this, navigator); // the board, the start page, is built here
        polling = executor.every(POLL_MILLIS, poller::poll);
        navigator.reopenWall();
        platforms.reload();
        services.startPulling();
    }

    /** The feature of that type, built now if it was not yet (on the FX thread). */
    <F extends Feature> F feature(Class<F> type) {
        Feature feature = built.get(type);
        if (feature == null) {
            if (!Platform.isFxApplicationThread()) {
                throw new IllegalStateException(type.getSimpleName() + " is built on the FX thread, when first used");
            }
            feature = FEATURES.get(type).apply(context);
            built.put(type, feature);
        }
        return type.cast(feature);
    }

    /** The feature of that type if it has been built. */
    <F extends Feature> Optional<F> built(Class<F> type) {
        return Optional.ofNullable(built.get(type)).map(type::cast);
    }

    @Override
    public Node show(Page page) {
        PageFeature feature = feature(PAGES.get(page));
        feature.shown();
        return feature.node();
    }

    @Override
    public void hidden(Page page) {
        built(PAGES.get(page)).ifPresent(PageFeature::hidden);
    }

    ConsoleNavigator navigator() {
        return navigator;
    }

    /** Last saves and stops watching the store (the window is closing; the workspace closes next). */
    void close() {
        built.values().forEach(Feature::close);
        navigator.closeWall();
        polling.cancel(false);
        ticker.stop();
    }
}
