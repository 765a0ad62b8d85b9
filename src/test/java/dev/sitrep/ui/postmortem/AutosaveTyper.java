package dev.sitrep.ui.postmortem;

import dev.sitrep.core.IncidentId;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestServices;

import java.nio.file.Path;
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
        Services services = TestServices.on(store, "typer").clock(clock).zone(ZoneOffset.UTC)
                .evidenceLimit(() -> 1L << 20).build();
        IncidentService incidents = services.incidents();
        Postmortems postmortems = services.postmortems();
        IncidentId id = incidents.declare(Declaration.titled("Checkout 5xx")).id();
        System.out.println("INCIDENT " + id.value());
        PostmortemViewModel model = new PostmortemViewModel(postmortems, services.actionItems(), services.postmortemExports(), incidents, new DirectExecutor(), clock);
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
