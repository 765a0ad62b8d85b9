package dev.sitrep.app;

import dev.sitrep.hub.HubTeamServer;
import dev.sitrep.testing.TeamServer;

import java.nio.file.Path;

/** The console crash test against a hub on its embedded H2 file. */
class HubH2TeamSyncCrashTest extends TeamSyncCrashTest {

    @Override
    TeamServer server(Path dir) {
        return HubTeamServer.onH2(dir);
    }
}
