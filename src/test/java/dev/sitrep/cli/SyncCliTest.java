package dev.sitrep.cli;

import dev.sitrep.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sitrep sync}: what moved, what waits, and exit 4 with nothing lost while the platform is away. */
class SyncCliTest {

    @TempDir
    Path tmp;

    @Test
    void syncSaysWhatMovedAndAnUnreachablePlatformIsExit4WithTheOutboxKept() throws Exception {
        CliRunner cli = new CliRunner(tmp.resolve("data"));
        cli.env.put("SITREP_SECRET_TEAM", SandboxServer.TEAM_TOKEN);
        assertThat(cli.run("sync").code()).as("no team platform yet").isEqualTo(2);
        assertThat(cli.run("platform", "add", "team", "--kind", "sitrep", "--url", "http://127.0.0.1:9").code()).isZero();
        String id = cli.run("incident", "declare", "--title", "Checkout 5xx", "--json").out()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(INC-[^\"]+)\".*", "$1");
        cli.run("incident", "note", id, "pool at 100%");

        CliRunner.Result away = cli.run("sync");
        assertThat(away.code()).as(away.toString()).isEqualTo(4);
        assertThat(away.err()).contains("team: 3 changes wait in the outbox since").contains("nothing is lost");

        try (SandboxServer sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15))) {
            cli.run("platform", "remove", "team");
            cli.run("platform", "add", "team", "--kind", "sitrep", "--url", sandbox.url().toString());
            CliRunner.Result synced = cli.run("sync", "--platform", "team");
            assertThat(synced.code()).as(synced.toString()).isZero();
            assertThat(synced.out()).startsWith("team: pushed 3, pulled 3").endsWith("nothing waiting.\n");
            assertThat(sandbox.team().incident(id)).isPresent();
            assertThat(cli.run("sync").out()).startsWith("team: pushed 0, pulled 0");
        }
    }
}
