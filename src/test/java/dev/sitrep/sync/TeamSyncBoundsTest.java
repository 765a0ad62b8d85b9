package dev.sitrep.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.EventType;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.TeamJson;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestServices;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every loop of a team sync cycle ends, in count and in time, against a platform that misbehaves
 * (scripted with MockWebServer): a feed whose cursor never moves, a feed that never ends, a feed
 * or a push that answers slowly, an outbox longer than one cycle sends. Each ends with an error
 * naming the platform and the bound, and what was done stays done.
 */
class TeamSyncBoundsTest {

    private static final String TEAM = "team";
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(20);
    private static final IncidentId INCIDENT = IncidentId.parse("INC-20261122-1432-7QF2");

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger pulls = new AtomicInteger();
    private final AtomicInteger pushes = new AtomicInteger();
    private Store store;
    private Services services;

    @BeforeEach
    void open() throws IOException {
        store = Store.open(dir);
        services = TestServices.on(store, "ana").clock(Clock.systemUTC())
                .variables(Map.of("SITREP_SECRET_TEAM", "token")).build();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        store.close();
    }

    @Test
    void aFeedWhoseCursorNeverMovesEndsTheSyncNamingTheCursor() throws IOException {
        serve(n -> page("7", true), Duration.ZERO);

        PlatformException stuck = endsWithError(sync(TeamSync.Bounds.DEFAULT));

        assertThat(stuck).hasMessageContaining(TEAM).hasMessageContaining("more: true")
                .hasMessageContaining("cursor stays at \"7\"");
        assertThat(pulls.get()).as("asked once from the start, once from 7").isEqualTo(2);
    }

    @Test
    void aFeedThatNeverEndsStopsAtTheMostPagesOneSyncReads() throws IOException {
        serve(n -> page(Integer.toString(n), true), Duration.ZERO);

        PlatformException endless = endsWithError(sync(new TeamSync.Bounds(200, 25, Duration.ofMinutes(5))));

        assertThat(endless).hasMessageContaining(TEAM).hasMessageContaining("25 pages");
        assertThat(pulls.get()).isEqualTo(25);
        Optional<String> cursor = store.read(tx -> tx.outbox().cursor(TEAM));
        assertThat(cursor).as("what was read stays read").hasValue("25");
    }

    @Test
    void aSlowFeedStopsAtTheTimeOneSyncTakes() throws IOException {
        serve(n -> page(Integer.toString(n), true), Duration.ofMillis(300));

        long started = System.nanoTime();
        PlatformException slow = endsWithError(sync(new TeamSync.Bounds(200, 1_000, Duration.ofSeconds(1))));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(slow).hasMessageContaining(TEAM).hasMessageContaining("stopped after 1s");
        assertThat(pulls.get()).isBetween(3, 5);
    }

    @Test
    void aSlowPushStopsAtTheTimeOneSyncTakesAndTheRestWaits() throws IOException {
        queue(1_500);
        serve(n -> page("0", false), Duration.ofMillis(600));

        PlatformException slow = endsWithError(sync(new TeamSync.Bounds(200, 1_000, Duration.ofSeconds(1))));

        assertThat(slow).hasMessageContaining(TEAM).hasMessageContaining("stopped after 1s")
                .hasMessageContaining("500 changes still wait");
        assertThat(pushes.get()).isEqualTo(2);
        assertThat(store.read(tx -> tx.outbox().waiting(TEAM)).pending()).isEqualTo(500);
    }

    @Test
    void anOutboxLongerThanOneSyncSendsStopsAtTheMostPushesAndTheRestWaits() throws IOException {
        queue(1_500);
        serve(n -> page("0", false), Duration.ZERO);

        PlatformException many = endsWithError(sync(new TeamSync.Bounds(2, 1_000, Duration.ofMinutes(5))));

        assertThat(many).hasMessageContaining(TEAM).hasMessageContaining("2 pushes")
                .hasMessageContaining("500 changes still wait");
        assertThat(pushes.get()).isEqualTo(2);
        assertThat(store.read(tx -> tx.outbox().waiting(TEAM)).pending()).isEqualTo(500);
    }

    // The misbehaving platform

    /** Answers pulls with {@code pages.apply(n)} for the n-th pull (from 1), pushes with "applied", each after {@code delay}. */
    private void serve(IntFunction<String> pages, Duration delay) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                MockResponse answer = new MockResponse().setHeader("Content-Type", "application/json")
                        .setHeadersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
                if (request.getMethod().equals("GET")) {
                    return answer.setBody(pages.apply(pulls.incrementAndGet()));
                }
                pushes.incrementAndGet();
                return answer.setBody(applied(request.getBody().readUtf8()));
            }
        });
        server.start();
        services.profiles().add(new PlatformProfile(TEAM, PlatformKind.SITREP, server.url("/").toString(), null, null,
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30)));
    }

    private static String page(String cursor, boolean more) {
        return "{\"changes\": [{\"seq\": 1, \"entity\": \"widget\", \"id\": \"w1\", \"version\": 1, \"origin\": \"other\", "
                + "\"body\": {}}], \"cursor\": \"" + cursor + "\", \"more\": " + more + "}";
    }

    private static String applied(String push) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (JsonNode change : Json.tree(push).path("changes")) {
            results.addObject().put("key", change.path("key").asText()).put("outcome", "applied").put("version", 1);
        }
        return answer.toString();
    }

    /** Queues {@code count} notes for the platform, as if synced with it before (no backfill). */
    private void queue(int count) {
        Instant now = Instant.now();
        store.write(tx -> {
            tx.outbox().started(TEAM);
            for (int i = 0; i < count; i++) {
                TimelineEvent note = new TimelineEvent(UUID.randomUUID().toString(), INCIDENT, EventType.NOTE, "note " + i,
                        "ana", now, now, null, Map.of());
                tx.outbox().enqueueTo(TEAM, "event", note.id(), TeamJson.event(note).toString(), now);
            }
            return null;
        });
    }

    private TeamSync sync(TeamSync.Bounds bounds) {
        return new TeamSync(store, services.incidents(), new BlobStore(store.dataDir(), () -> Long.MAX_VALUE),
                services::connect, () -> "c0a8017e-0000-4000-8000-00000000000a",
                Clock.systemUTC(), bounds);
    }

    /** Runs one cycle, which must end within {@link #ENDS_WITHIN} with a platform error. */
    private PlatformException endsWithError(TeamSync sync) {
        PlatformProfile profile = services.profiles().get(TEAM);
        Throwable[] thrown = new Throwable[1];
        assertTimeoutPreemptively(ENDS_WITHIN, () -> assertThatThrownBy(() -> sync.cycle(profile))
                .isInstanceOf(PlatformException.class).satisfies(t -> thrown[0] = t), "the sync never ends");
        return (PlatformException) thrown[0];
    }
}
