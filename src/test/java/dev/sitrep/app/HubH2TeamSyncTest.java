package dev.sitrep.app;

import dev.sitrep.hub.HubTeamServer;
import dev.sitrep.testing.TeamServer;

import java.nio.file.Path;

/** The team sync tests against a hub on its embedded default, an H2 file. */
class HubH2TeamSyncTest extends TeamSyncTest {

    @Override
    TeamServer server(Path dir) {
        return HubTeamServer.onH2(dir);
    }
}
