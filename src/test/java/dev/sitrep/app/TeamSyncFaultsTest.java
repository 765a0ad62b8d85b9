package dev.sitrep.app;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.sandbox.SandboxServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A team platform that answers garbage or too few results: a clear refusal, and the outbox keeps
 * everything. A push whose answer is lost is sent again and its conflicts are noted all the same.
 */
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

    @Test
    void aConflictWhoseAnswerWasLostIsNotedOnceWhenTheRetryAnswersDuplicate() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
             LossyProxy proxy = new LossyProxy(sandbox.url().toString());
             TeamConsole ana = new TeamConsole(dir.resolve("ana"), "ana", sandbox.url().toString());
             TeamConsole bo = new TeamConsole(dir.resolve("bo"), "bo", proxy.url())) {
            Incident answered = ana.workspace.incidents().declare(Declaration.titled("Checkout 5xx"));
            Incident lost = ana.workspace.incidents().declare(Declaration.titled("Search slow"));
            ana.sync();
            bo.sync();
            for (Incident i : List.of(answered, lost)) {
                ana.workspace.incidents().setSeverity(i.id(), "SEV1", "card payments failing");
            }
            ana.sync();

            bo.workspace.incidents().setSeverity(lost.id(), "SEV3", "only the banner");
            proxy.dropNextPushAnswer.set(true);
            assertThatThrownBy(bo::sync).as("applied by the platform, the answer lost on the way")
                    .isInstanceOf(PlatformException.class);
            assertThat(sandbox.team().incident(lost.id().value()).orElseThrow().path("severity").asText()).isEqualTo("SEV1");
            bo.workspace.incidents().setSeverity(answered.id(), "SEV3", "only the banner");
            assertThat(bo.sync().conflicts()).as("the retry is a duplicate carrying its conflict; the other answer arrives")
                    .isEqualTo(2);
            for (int round = 0; round < 2; round++) {
                ana.sync();
                bo.sync();
            }

            for (TeamConsole c : List.of(ana, bo)) {
                List<String> control = conflictNotes(c, answered.id());
                assertThat(control).as(c + ": the conflict whose answer arrived").hasSize(1);
                assertThat(conflictNotes(c, lost.id())).as(c + ": the same note, once, though the answer was lost")
                        .isEqualTo(control);
            }
        }
    }

    private static List<String> conflictNotes(TeamConsole c, IncidentId id) {
        return c.workspace.incidents().show(id).timeline().stream()
                .filter(e -> e.type() == EventType.NOTE && e.text().startsWith("Conflict on severity"))
                .map(TimelineEvent::text).toList();
    }

    /**
     * A proxy in front of the real sandbox on loopback: it forwards every request, and when told
     * to, lets the sandbox apply the next push and then hangs up before its answer reaches the console.
     */
    private static final class LossyProxy implements AutoCloseable {

        final AtomicBoolean dropNextPushAnswer = new AtomicBoolean();
        private final MockWebServer server = new MockWebServer();
        private final OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

        LossyProxy(String target) throws IOException {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    MockResponse answer = forward(target, request);
                    boolean push = request.getMethod().equals("POST") && request.getPath().endsWith("/changes");
                    return push && dropNextPushAnswer.getAndSet(false)
                            ? new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST) : answer;
                }
            });
            server.start();
        }

        String url() {
            return server.url("/").toString();
        }

        private MockResponse forward(String target, RecordedRequest request) {
            RequestBody body = request.getMethod().equals("GET") ? null
                    : RequestBody.create(request.getBody().readByteArray(), MediaType.get("application/json"));
            Request.Builder out = new Request.Builder().url(target.replaceAll("/$", "") + request.getPath())
                    .method(request.getMethod(), body);
            request.getHeaders().forEach(h -> {
                if (h.getFirst().equalsIgnoreCase("Authorization")) {
                    out.header(h.getFirst(), h.getSecond());
                }
            });
            try (Response response = client.newCall(out.build()).execute()) {
                return new MockResponse().setResponseCode(response.code()).setBody(response.body().string())
                        .setHeader("Content-Type", "application/json");
            } catch (IOException e) {
                return new MockResponse().setResponseCode(502).setBody("{\"error\": \"proxy: " + e.getMessage() + "\"}");
            }
        }

        @Override
        public void close() throws IOException {
            client.dispatcher().executorService().shutdown();
            server.close();
        }
    }
}
