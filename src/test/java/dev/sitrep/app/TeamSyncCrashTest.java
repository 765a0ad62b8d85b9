package dev.sitrep.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.testing.ChildJvm;
import dev.sitrep.testing.TeamServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console in a child JVM writing notes and syncing, killed with SIGKILL in the middle of it;
 * restarted on the same data directory, one more sync: every note it acknowledged is on the
 * platform exactly once, and no idempotency key was applied twice.
 */
abstract class TeamSyncCrashTest {

    @TempDir
    Path dir;

    /** The platform the console syncs with, started for one test ({@code dir} is free for its files). */
    abstract TeamServer server(Path dir);

    @Test
    void afterKillMinus9EveryAcknowledgedChangeIsOnThePlatformExactlyOnce() throws Exception {
        try (TeamServer sandbox = server(dir.resolve("platform"))) {
            String url = sandbox.url();
            String token = sandbox.tokenFor("typer");
            Process child = ChildJvm.builder(List.of("-Djava.awt.headless=true"), TeamSyncTyper.class.getName(),
                    List.of(dir.resolve("console").toString(), url, token)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            IncidentId incident = null;
            int acked = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("INCIDENT ")) {
                        incident = IncidentId.parse(line.substring(9));
                    } else if (line.startsWith("ACK ")) {
                        acked = Integer.parseInt(line.substring(4));
                        if (acked >= 150 && sandbox.team().changeCount() > 20) {
                            child.destroyForcibly(); // SIGKILL while it writes and syncs
                            break;
                        }
                    }
                }
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(incident).isNotNull();
            assertThat(acked).isGreaterThanOrEqualTo(150);

            try (TeamConsole restarted = new TeamConsole(dir.resolve("console"), "typer", url, token)) {
                restarted.sync();
                restarted.sync();
                List<TimelineEvent> local = restarted.workspace.incidents().show(incident).timeline();
                Map<String, Integer> onPlatform = new HashMap<>();
                for (JsonNode e : sandbox.team().events(incident.value()).values()) {
                    onPlatform.merge(e.path("text").asText(), 1, Integer::sum);
                }
                for (int n = 0; n <= acked; n++) {
                    assertThat(onPlatform.get("note " + n)).as("acknowledged note %d on the platform exactly once", n)
                            .isEqualTo(1);
                }
                assertThat(onPlatform.values()).as("nothing doubled").allMatch(count -> count == 1);
                assertThat(sandbox.team().events(incident.value()).keySet()).as("the platform holds what the console holds")
                        .containsExactlyInAnyOrderElementsOf(local.stream().map(TimelineEvent::id).toList());
            }
        }
    }
}
