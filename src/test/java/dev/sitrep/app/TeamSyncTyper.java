package dev.sitrep.app;

import dev.sitrep.core.IncidentId;
import dev.sitrep.incident.Declaration;

import java.nio.file.Path;

/**
 * A child JVM for {@link TeamSyncCrashTest}: a console writing notes (each printed as ACK once
 * committed) and syncing with the team platform every few notes, until it is killed.
 */
public final class TeamSyncTyper {

    private TeamSyncTyper() {
    }

    public static void main(String[] args) {
        TeamConsole console = new TeamConsole(Path.of(args[0]), "typer", args[1], args[2]);
        IncidentId id = console.workspace.incidents().declare(Declaration.titled("Checkout 5xx")).id();
        System.out.println("INCIDENT " + id.value());
        for (int n = 0; ; n++) {
            console.workspace.incidents().note(id, "note " + n, null);
            System.out.println("ACK " + n);
            System.out.flush();
            if (n % 7 == 6) {
                console.sync();
            }
        }
    }
}
