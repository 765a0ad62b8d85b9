package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.sync.TeamSync;
import dev.sitrep.workspace.ProcessEnvironment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One commander's console for team-sync tests: a workspace in its own data directory with a
 * {@code team} profile of kind sitrep (the sandbox, or an address where nothing listens).
 */
final class TeamConsole implements AutoCloseable {

    static final String TEAM = "team";

    final Services workspace;
    private final String name;

    TeamConsole(Path dir, String operator, String url) {
        this(dir, operator, url, SandboxServer.TEAM_TOKEN);
    }

    /** A console whose team profile's secret is {@code token} (on a hub, the operator's own). */
    TeamConsole(Path dir, String operator, String url, String token) {
        this.name = operator;
        Clock clock = Clock.systemUTC();
        workspace = Services.open(dir, clock, new ProcessEnvironment(Map.of("SITREP_SECRET_TEAM", token),
                "Linux", operator, "/home/" + operator, clock, ZoneOffset.UTC, false), operator);
        if (workspace.profiles().list().stream().anyMatch(p -> p.name().equals(TEAM))) {
            workspace.profiles().replace(profile(url)); // a restart on the same data directory
        } else {
            workspace.profiles().add(profile(url));
        }
    }

    static PlatformProfile profile(String url) {
        return new PlatformProfile(TEAM, PlatformKind.SITREP, url, null, null, PlatformProfile.Environment.PRODUCTION,
                null, List.of(), Duration.ofSeconds(30));
    }

    /** Points the team profile somewhere else (back online, or offline). */
    void reach(String url) {
        workspace.profiles().replace(profile(url));
    }

    TeamSync.Report sync() {
        return workspace.teamSync().cycle(workspace.profiles().get(TEAM));
    }

    @Override
    public void close() {
        workspace.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
