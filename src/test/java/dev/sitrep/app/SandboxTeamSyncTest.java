package dev.sitrep.app;

import dev.sitrep.sandbox.SandboxTeamServer;
import dev.sitrep.testing.TeamServer;

import java.nio.file.Path;

/** The team sync tests against the drill sandbox (in memory). */
class SandboxTeamSyncTest extends TeamSyncTest {

    @Override
    TeamServer server(Path dir) {
        return new SandboxTeamServer();
    }
}
