package dev.sitrep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.hub.People;
import dev.sitrep.hub.Role;
import dev.sitrep.team.TeamLedger;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Simulated consoles talking to one or more hubs over HTTP, as {@link ConsoleLoad} drives them:
 * console {@code c} is person {@code responder-c} with a token of their own, sends to hub
 * {@code c % hubs}, pushes timeline events of an incident it declared first, and
 * pulls the feed in pages of 1,000, checking that every page continues the last (each entry's
 * seq above the one before: nothing read twice, and in commit order). One HTTP/1.1 client for all
 * of them, its work on a pool of 8 threads.
 */
final class HubTarget implements ConsoleLoad.Target, AutoCloseable {

    private static final String CHANGES = "/sitrep/v1/changes";

    private final List<URI> hubs;
    private final String[] tokens;
    private final String[] incidents;
    private final HubChanges[] changes;
    /** Each console's cursor as the hub gave it (opaque, as a console keeps it). */
    private final String[] cursor;
    private final long[] seen;
    private final long[] entries;
    private final ExecutorService io = Executors.newFixedThreadPool(8);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(io).build();

    /** Adds the consoles' people to the hubs' database and declares each console's incident through its hub. */
    HubTarget(List<URI> hubs, DataSource hubDatabase, int consoles) throws Exception {
        this.hubs = hubs;
        this.tokens = new String[consoles];
        this.incidents = new String[consoles];
        this.changes = new HubChanges[consoles];
        this.cursor = new String[consoles];
        java.util.Arrays.fill(cursor, "");
        this.seen = new long[consoles];
        this.entries = new long[consoles];
        People people = new People(hubDatabase);
        Instant now = Instant.now();
        for (int c = 0; c < consoles; c++) {
            tokens[c] = people.add(person(c), Role.RESPONDER, now);
            changes[c] = new HubChanges(1000 + c);
            incidents[c] = IncidentId.generate(now.minusSeconds(60L * c), changes[c].random()).value();
            String body = HubChanges.push(origin(c), HubChanges.change(changes[c].uuid(), TeamLedger.INCIDENT, incidents[c],
                    changes[c].incident(person(c), now)));
            applied(send(c, HttpRequest.newBuilder(URI.create(hub(c) + CHANGES)).POST(HttpRequest.BodyPublishers.ofString(body))), 0);
        }
    }

    static String person(int console) {
        return "responder-" + console;
    }

    private static String origin(int console) {
        return "console-" + console;
    }

    private URI hub(int console) {
        return hubs.get(console % hubs.size());
    }

    @Override
    public List<String> push(int console, int n, int count) throws Exception {
        HubChanges g = changes[console];
        List<String> keys = new ArrayList<>(count);
        ObjectNode[] batch = new ObjectNode[count];
        for (int i = 0; i < count; i++) {
            keys.add(g.uuid());
            batch[i] = HubChanges.change(keys.get(i), TeamLedger.EVENT, g.uuid(),
                    g.event(incidents[console], person(console), n * count + i + 1, Instant.now()));
        }
        JsonNode answer = send(console, HttpRequest.newBuilder(URI.create(hub(console) + CHANGES))
                .POST(HttpRequest.BodyPublishers.ofString(HubChanges.push(origin(console), batch))));
        for (int i = 0; i < count; i++) {
            applied(answer, i);
        }
        return keys;
    }

    @Override
    public int pull(int console) throws Exception {
        int read = 0;
        boolean more = true;
        while (more) {
            JsonNode page = send(console, HttpRequest.newBuilder(URI.create(hub(console) + CHANGES + "?limit=1000&since="
                    + cursor[console])).GET());
            for (JsonNode entry : page.path("changes")) {
                long seq = entry.path("seq").asLong();
                if (seq <= seen[console]) {
                    throw new IllegalStateException("console " + console + " read seq " + seq + " after " + seen[console]);
                }
                seen[console] = seq;
                read++;
                entries[console]++;
            }
            cursor[console] = page.path("cursor").asText();
            more = page.path("more").asBoolean();
        }
        return read;
    }

    /** The highest seq console {@code console} has read. */
    long lastSeen(int console) {
        return seen[console];
    }

    /** How many feed entries console {@code console} has read in all. */
    long entriesRead(int console) {
        return entries[console];
    }

    private JsonNode send(int console, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request.header("Authorization", "Bearer " + tokens[console])
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = Json.MAPPER.readTree(answer.body());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + answer.statusCode() + ": " + json.path("error").asText());
        }
        return json;
    }

    private static void applied(JsonNode answer, int change) {
        String outcome = answer.path("results").path(change).path("outcome").asText();
        if (!outcome.equals("applied")) {
            throw new IllegalStateException("a change was " + outcome + ", not applied: " + answer);
        }
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
