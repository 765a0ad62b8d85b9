package dev.sitrep.store;

import dev.sitrep.core.Incident;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.testing.TestServices;

import java.nio.file.Path;

/**
 * Child-process writer for the crash test: declares an incident, then appends numbered notes
 * forever, printing {@code ACK n} only after note n is committed. The parent kills it with -9.
 */
public final class AckWriter {

    private AckWriter() {
    }

    public static void main(String[] args) {
        Store store = Store.open(Path.of(args[0]));
        IncidentService incidents = TestServices.on(store, "writer").build().incidents();
        Incident incident = incidents.declare(Declaration.titled("Crash test"));
        System.out.println("INCIDENT " + incident.id());
        System.out.flush();
        for (int n = 0; ; n++) {
            incidents.note(incident.id(), "note " + n, null);
            System.out.println("ACK " + n);
            System.out.flush();
        }
    }
}
