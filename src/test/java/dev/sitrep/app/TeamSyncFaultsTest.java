package dev.sitrep.app;

import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.PlatformException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team platform that answers garbage or too few results: a clear refusal, and the outbox keeps everything. */
class TeamSyncFaultsTest {

    @TempDir
    Path dir;

    @Test
    void aGarbageOrShortAnswerToAPushLeavesEveryChangeWaiting() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody("<html>502 Bad Gateway</html>").setHeader("Content-Type", "text/html"));
            server.enqueue(new MockResponse().setBody("{\"results\": []}"));
            server.start();
            try (TeamConsole console = new TeamConsole(dir, "ana", server.url("/").toString())) {
                console.workspace.incidents().declare(Declaration.titled("Checkout 5xx"));
                assertThatThrownBy(console::sync).isInstanceOf(PlatformException.class)
                        .hasMessageContaining("not JSON");
                assertThatThrownBy(console::sync).isInstanceOf(PlatformException.class)
                        .hasMessageContaining("answered 0 results for 2 changes").hasMessageContaining("sent again");
                var waiting = console.workspace.teamSync().waiting(List.of(console.workspace.profiles()
                        .get(TeamConsole.TEAM))).get(TeamConsole.TEAM);
                assertThat(waiting.pending()).as("nothing was marked as sent").isEqualTo(2);
            }
        }
    }
}
