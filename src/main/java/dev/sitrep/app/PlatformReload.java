package dev.sitrep.app;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.PlatformStatus;
import dev.sitrep.core.SyncBacklog;
import dev.sitrep.services.Services;
import dev.sitrep.ui.common.PlatformWatch;
import dev.sitrep.ui.common.UiExecutor;
import dev.sitrep.ui.common.PlatformSummary;
import dev.sitrep.ui.shell.ShellViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the platforms (profiles, last pulled states, what team sync has waiting) off the FX thread and hands them
 * to the status bar and to the pages that show them (board badges, the Kill switch page's halted list).
 */
final class PlatformReload implements PlatformWatch {

    private record Read(List<PlatformProfile> profiles, Map<String, PlatformStatus> states,
                        Map<String, String> viaSitrep, List<AuditEntry> teamHalts, Map<String, SyncBacklog> sync) {
    }

    private final Services services;
    private final UiExecutor executor;
    private final ShellViewModel shellModel;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(Snapshot.NONE);

    PlatformReload(Services services, UiExecutor executor, ShellViewModel shellModel) {
        this.services = services;
        this.executor = executor;
        this.shellModel = shellModel;
    }

    @Override
    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    @Override
    public void reload() {
        executor.submit(() -> {
            Map<String, PlatformStatus> states = new HashMap<>();
            services.platformStates().all().forEach(s -> states.put(s.name(), s));
            List<PlatformProfile> profiles = services.profiles().list();
            return new Read(profiles, states, services.killSwitch().haltedVia(states.values()),
                    services.killSwitch().teamHalts(profiles.stream().map(PlatformProfile::name)
                            .collect(Collectors.toSet())),
                    services.teamSync().waiting(profiles));
        }, read -> {
            shellModel.setPlatforms(read.profiles(), read.states(), read.viaSitrep(), read.teamHalts());
            shellModel.setSync(read.sync());
            snapshot.set(new Snapshot(read.profiles(), read.states(), read.profiles().stream()
                    .filter(p -> read.states().containsKey(p.name())
                            && Boolean.TRUE.equals(read.states().get(p.name()).halted()))
                    .map(p -> new Halted(p.name(), p.kind(), PlatformSummary.halted(List.of(p), read.states(),
                            read.viaSitrep())))
                    .toList()));
        }, failure -> shellModel.status().fail(failure));
    }
}
