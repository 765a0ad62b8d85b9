package dev.sitrep.sandbox;

import dev.sitrep.team.TeamView;
import dev.sitrep.testing.TeamServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/** The sandbox as a {@link TeamServer}: one token for everyone. */
public final class SandboxTeamServer implements TeamServer {

    private final SandboxServer sandbox;

    public SandboxTeamServer() {
        try {
            sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url() {
        return sandbox.url().toString();
    }

    @Override
    public String tokenFor(String person) {
        return SandboxServer.TEAM_TOKEN;
    }

    @Override
    public TeamView team() {
        return sandbox.team();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
