package dev.sitrep.app;

import dev.sitrep.hub.HubTeamServer;
import dev.sitrep.testing.TeamServer;

import java.nio.file.Path;

/** The console crash test against a hub on a real PostgreSQL. */
class HubPostgresTeamSyncCrashTest extends TeamSyncCrashTest {

    @Override
    TeamServer server(Path dir) {
        return HubTeamServer.onPostgres();
    }
}
