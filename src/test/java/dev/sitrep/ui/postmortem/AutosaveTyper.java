package dev.sitrep.ui.postmortem;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.IncidentId;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.postmortem.ActionItems;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.workspace.WorkspaceSettings;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A child JVM for {@link AutosaveCrashTest}: the editor's view-model typing into a postmortem
 * section every 20 ms with the once-a-second autosave tick, printing each text it saw saved,
 * until it is killed.
 */
public final class AutosaveTyper {

    private AutosaveTyper() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Clock clock = Clock.systemUTC();
        Store store = Store.open(dir);
        IncidentService incidents = new IncidentService(store, clock, () -> "typer", new SecureRandom());
        EvidenceService evidence = new EvidenceService(store, new BlobStore(dir, () -> 1L << 20), incidents,
                new AuditLog(store, clock), clock, () -> "typer");
        Postmortems postmortems = new Postmortems(store, incidents, evidence, new WorkspaceSettings(store, clock), clock,
                () -> "typer");
        IncidentId id = incidents.declare(Declaration.titled("Checkout 5xx")).id();
        System.out.println("INCIDENT " + id.value());
        PostmortemViewModel model = new PostmortemViewModel(postmortems, new ActionItems(store, incidents, clock,
                ZoneOffset.UTC, () -> "typer"), incidents, new DirectExecutor(), clock);
        model.show(id);
        long nextTick = System.currentTimeMillis() + 1000;
        for (int n = 0; ; n++) {
            String text = "typed " + n;
            model.setSection("what_happened", text);
            if (System.currentTimeMillis() >= nextTick) {
                nextTick += 1000;
                model.tick();
                if (!model.dirty()) {
                    System.out.println("SAVED " + n);
                    System.out.flush();
                }
            }
            Thread.sleep(20);
        }
    }
}
