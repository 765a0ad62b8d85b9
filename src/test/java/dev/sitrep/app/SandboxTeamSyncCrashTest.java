package dev.sitrep.app;

import dev.sitrep.sandbox.SandboxTeamServer;
import dev.sitrep.testing.TeamServer;

import java.nio.file.Path;

/** The console crash test against the drill sandbox. */
class SandboxTeamSyncCrashTest extends TeamSyncCrashTest {

    @Override
    TeamServer server(Path dir) {
        return new SandboxTeamServer();
    }
}
