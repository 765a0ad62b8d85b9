package dev.sitrep.ui.killswitch;

import dev.sitrep.services.Services;
import dev.sitrep.ui.common.FeatureContext;
import dev.sitrep.ui.common.Navigator;
import dev.sitrep.ui.common.PageFeature;
import dev.sitrep.ui.common.PlatformWatch;
import dev.sitrep.ui.common.UiExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/** The Kill switch page: the big button (the halt dialog), the halted platforms to resume, and Contain. */
public final class KillSwitchFeature implements PageFeature {

    private final Services services;
    private final UiExecutor executor;
    private final Navigator navigator;
    private final ObservableList<PlatformWatch.Halted> halted = FXCollections.observableArrayList();
    private final KillSwitchPage page;
    private ContainViewModel contain;
    private ContainDialog containDialog;
    private ResumeViewModel resume;
    private ResumeView resumeView;

    public KillSwitchFeature(FeatureContext context) {
        services = context.services();
        executor = context.executor();
        navigator = context.navigator();
        halted.setAll(context.platforms().snapshotProperty().get().halted());
        context.platforms().snapshotProperty().addListener((obs, was, now) -> halted.setAll(now.halted()));
        page = new KillSwitchPage(navigator::killSwitch, halted, this::showResume, this::showContain,
                new ContainOffer(context.platforms()).offeredProperty());
    }

    private void showContain() {
        if (contain == null) {
            contain = new ContainViewModel(services.profiles(), services.killSwitch(), executor, System::nanoTime,
                    services.settings()::holdDuration);
            containDialog = new ContainDialog(contain, navigator::hideOverlay);
        }
        contain.arm();
        navigator.showOverlay(containDialog);
    }

    private void showResume(PlatformWatch.Halted platform) {
        if (resume == null) {
            resume = new ResumeViewModel(services.killSwitch(), executor);
            resumeView = new ResumeView(resume, navigator::hideOverlay);
        }
        resume.open(platform.name(), platform.kind());
        navigator.showOverlay(resumeView);
    }

    @Override
    public Node node() {
        return page;
    }
}
