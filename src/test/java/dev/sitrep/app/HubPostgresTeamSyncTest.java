package dev.sitrep.app;

import dev.sitrep.hub.HubTeamServer;
import dev.sitrep.testing.TeamServer;

import java.nio.file.Path;

/** The team sync tests against a hub on a real PostgreSQL (a database of its own per test). */
class HubPostgresTeamSyncTest extends TeamSyncTest {

    @Override
    TeamServer server(Path dir) {
        return HubTeamServer.onPostgres();
    }
}
