package dev.sitrep.team;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.TeamLimits;
import dev.sitrep.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A platform's side of the sitrep contract (platform-api.md), over real HTTP on loopback with raw
 * JSON, as any console would speak it; the platform's state is read straight from its store. The
 * same tests run against the sandbox and the hub (on PostgreSQL and on its H2 default).
 */
public abstract class SitrepContractTest {

    protected static final String A = "c0a8017e-0000-4000-8000-00000000000a";
    protected static final String B = "c41f0000-0000-4000-8000-00000000000b";
    protected static final String INC = "INC-20261122-1432-7QF2";
    protected static final String INCIDENT_FIELDS = """
            {"title": "Checkout 5xx", "severity": "SEV2", "status": "investigating", "service": "checkout",
             "platforms": ["pn"], "roles": {"commander": "maria"}, "milestones": {"detected": "2026-11-22T14:30:00Z"},
             "impact": null, "mergedInto": null, "drill": false,
             "declaredAt": "2026-11-22T14:32:00Z", "declaredBy": "maria"}""";

    protected final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The platform's base URL (no path). */
    protected abstract URI url();

    /** A token that may do everything the tests do (the hub: a commander's, named maria). */
    protected abstract String token();

    /** The platform's store, read directly. */
    protected abstract TeamView team();

    /** What the platform calls itself in its capabilities. */
    protected abstract String platformName();

    // Helpers: raw HTTP and JSON

    protected HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/sitrep/v1/" + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path) throws Exception {
        return call("GET", path, null, token());
    }

    protected HttpResponse<String> post(String path, String body) throws Exception {
        return call("POST", path, body, token());
    }

    protected static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    protected static String change(String key, String entity, String id, long base, String body) {
        return """
                {"key": "%s", "entity": "%s", "id": "%s", "base": %d, "body": %s}""".formatted(key, entity, id, base, body);
    }

    protected static String fields(String fields) {
        return "{\"fields\": " + fields + "}";
    }

    protected static String event(String incident, String text) {
        return """
                {"incident": "%s", "type": "note", "text": "%s", "actor": "maria", "occurredAt": "2026-11-22T14:35:00Z",
                 "recordedAt": "2026-11-22T14:35:02Z", "supersedes": null, "data": {}}""".formatted(incident, text);
    }

    protected static String pushBody(String origin, List<String> changes) {
        return "{\"origin\": \"" + origin + "\", \"changes\": [" + String.join(",", changes) + "]}";
    }

    /** Pushes the changes as {@code origin}; the results, one per change. */
    protected JsonNode push(String origin, String... changes) throws Exception {
        HttpResponse<String> response = post("changes", pushBody(origin, List.of(changes)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("results");
    }

    protected JsonNode createIncident(String origin, String key) throws Exception {
        return push(origin, change(key, "incident", INC, 0, fields(INCIDENT_FIELDS))).get(0);
    }

    protected JsonNode feed(String query) throws Exception {
        HttpResponse<String> response = get("changes" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    // Auth, capabilities, health, kill switch

    @Test
    void aRequestWithoutTheTokenIsRefused() throws Exception {
        HttpResponse<String> none = call("GET", "capabilities", null, null);
        HttpResponse<String> wrong = call("POST", "changes", pushBody(A, List.of()), "guess");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("error").asText()).contains("Authorization: Bearer");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void capabilitiesNameTheContractAndEverythingItDoes() throws Exception {
        JsonNode capabilities = json(get("capabilities"));

        assertThat(capabilities.path("contract").asText()).isEqualTo("sitrep/1");
        assertThat(capabilities.path("platform").asText()).isEqualTo(platformName());
        assertThat(capabilities.path("capabilities")).extracting(JsonNode::asText).contains(
                "health", "kill_switch", "incidents", "timeline", "postmortems", "action_items", "changes");
    }

    @Test
    void haltIsRefusedWith409WhenHaltedAndResumeBringsItBack() throws Exception {
        HttpResponse<String> halt = post("kill-switch/halt", "{\"reason\": \"agents looping\", \"actor\": \"maria\"}");
        HttpResponse<String> again = post("kill-switch/halt", "{\"reason\": \"again\", \"actor\": \"lee\"}");

        assertThat(halt.statusCode()).isEqualTo(200);
        assertThat(json(halt).path("halted").asBoolean()).isTrue();
        assertThat(json(halt).path("by").asText()).isEqualTo("maria");
        assertThat(json(halt).path("reason").asText()).isEqualTo("agents looping");
        assertThat(json(halt).path("since").asText()).isEqualTo("2026-11-22T14:32:00Z");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again)).isEqualTo(json(halt));

        HttpResponse<String> resume = post("kill-switch/resume", "{\"mode\": \"full\", \"actor\": \"maria\"}");
        HttpResponse<String> resumeAgain = post("kill-switch/resume", "{\"mode\": \"full\", \"actor\": \"maria\"}");

        assertThat(resume.statusCode()).isEqualTo(200);
        assertThat(json(resume).path("halted").asBoolean()).isFalse();
        assertThat(json(resume).path("by").isNull()).isTrue();
        assertThat(resumeAgain.statusCode()).isEqualTo(409);
        assertThat(json(get("kill-switch")).path("halted").asBoolean()).isFalse();
    }

    @Test
    void haltWithoutReasonIsRefused() throws Exception {
        HttpResponse<String> halt = post("kill-switch/halt", "{\"actor\": \"maria\"}");

        assertThat(halt.statusCode()).isEqualTo(422);
        assertThat(json(halt).path("error").asText()).contains("reason");
        assertThat(json(get("kill-switch")).path("halted").asBoolean()).isFalse();
    }

    // Pushing

    @Test
    void anIncidentThenItsEventAreApplied() throws Exception {
        JsonNode results = push(A,
                change("k1", "incident", INC, 0, fields(INCIDENT_FIELDS)),
                change("k2", "event", "e3f1", 0, event(INC, "pool at 100%")));

        assertThat(results.get(0).path("outcome").asText()).isEqualTo("applied");
        assertThat(results.get(0).path("version").asLong()).isEqualTo(1);
        assertThat(results.get(1).path("outcome").asText()).isEqualTo("applied");
        assertThat(results.get(1).path("version").asLong()).isEqualTo(1);
        assertThat(team().incident(INC)).hasValue(Json.MAPPER.readTree(INCIDENT_FIELDS));
        assertThat(team().events(INC)).containsOnlyKeys("e3f1");
        assertThat(team().events(INC).get("e3f1").path("text").asText()).isEqualTo("pool at 100%");
    }

    @Test
    void aRepeatedKeyIsADuplicateOfTheFirstResultAndAppliedOnce() throws Exception {
        createIncident(A, "k1");
        String note = change("k2", "event", "e1", 0, event(INC, "first"));

        JsonNode first = push(A, note).get(0);
        JsonNode second = push(A, note).get(0);

        assertThat(first.path("outcome").asText()).isEqualTo("applied");
        assertThat(second.path("outcome").asText()).isEqualTo("duplicate");
        assertThat(second.path("version").asLong()).isEqualTo(first.path("version").asLong());
        assertThat(team().timesApplied("k2")).isEqualTo(1);
        assertThat(team().events(INC)).hasSize(1);
        assertThat(team().changeCount()).isEqualTo(2);
    }

    @Test
    void anEventIdWrittenAgainUnderANewKeyIsADuplicate() throws Exception {
        createIncident(A, "k1");
        push(A, change("k2", "event", "e1", 0, event(INC, "first")));

        JsonNode again = push(B, change("k3", "event", "e1", 0, event(INC, "second"))).get(0);

        assertThat(again.path("outcome").asText()).isEqualTo("duplicate");
        assertThat(again.path("version").asLong()).isEqualTo(1);
        assertThat(team().events(INC).get("e1").path("text").asText()).isEqualTo("first");
        assertThat(team().timesApplied("k3")).isZero();
    }

    @Test
    void twoOriginsChangingOneFieldFromTheSameBaseConflictAndTheOtherFieldStillApplies() throws Exception {
        createIncident(A, "k1");
        clock.advance(Duration.ofMinutes(1));
        JsonNode first = push(A, change("k2", "incident", INC, 1, fields("{\"severity\": \"SEV1\"}"))).get(0);
        clock.advance(Duration.ofMinutes(1));

        JsonNode second = push(B, change("k3", "incident", INC, 1,
                fields("{\"severity\": \"SEV3\", \"status\": \"identified\"}"))).get(0);

        assertThat(first.path("outcome").asText()).isEqualTo("applied");
        assertThat(second.path("outcome").asText()).isEqualTo("conflict");
        assertThat(second.path("version").asLong()).isEqualTo(3);
        JsonNode conflict = second.path("conflicts").get(0);
        assertThat(second.path("conflicts")).hasSize(1);
        assertThat(conflict.path("field").asText()).isEqualTo("severity");
        assertThat(conflict.path("yours").asText()).isEqualTo("SEV3");
        assertThat(conflict.path("kept").asText()).isEqualTo("SEV1");
        assertThat(conflict.path("keptBy").asText()).isEqualTo(A);
        assertThat(conflict.path("keptAt").asText()).isEqualTo("2026-11-22T14:33:00Z");
        JsonNode incident = team().incident(INC).orElseThrow();
        assertThat(incident.path("severity").asText()).isEqualTo("SEV1");
        assertThat(incident.path("status").asText()).isEqualTo("identified");
    }

    @Test
    void aPartlyAppliedConflictEntersTheFeedAndAConflictThatChangedNothingDoesNot() throws Exception {
        createIncident(A, "k1");
        push(A, change("k2", "incident", INC, 1, fields("{\"severity\": \"SEV1\"}")));
        push(B, change("k3", "incident", INC, 1, fields("{\"severity\": \"SEV3\", \"status\": \"identified\"}")));

        JsonNode onlyConflict = push(B, change("k4", "incident", INC, 1, fields("{\"severity\": \"SEV4\"}"))).get(0);

        assertThat(onlyConflict.path("outcome").asText()).isEqualTo("conflict");
        assertThat(onlyConflict.path("version").asLong()).isEqualTo(3);
        JsonNode changes = feed("").path("changes");
        assertThat(changes).extracting(c -> c.path("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(2).path("origin").asText()).isEqualTo(B);
        assertThat(changes.get(2).path("body").path("fields").path("status").asText()).isEqualTo("identified");
        assertThat(changes.get(2).path("body").path("fields").path("title").asText())
                .as("every field, not only the written ones").isEqualTo("Checkout 5xx");
    }

    @Test
    void theSameOriginWritingTwiceFromAnOldBaseDoesNotConflict() throws Exception {
        createIncident(A, "k1");
        push(A, change("k2", "incident", INC, 1, fields("{\"severity\": \"SEV1\"}")));

        JsonNode again = push(A, change("k3", "incident", INC, 1, fields("{\"severity\": \"SEV3\"}"))).get(0);

        assertThat(again.path("outcome").asText()).isEqualTo("applied");
        assertThat(again.path("version").asLong()).isEqualTo(3);
        assertThat(team().incident(INC).orElseThrow().path("severity").asText()).isEqualTo("SEV3");
    }

    @Test
    void aValueWrittenAgainUnchangedMakesNoNewVersionAndNoLaterConflict() throws Exception {
        createIncident(A, "k1");

        JsonNode same = push(B, change("k2", "incident", INC, 0, fields("{\"severity\": \"SEV2\"}"))).get(0);
        JsonNode later = push(A, change("k3", "incident", INC, 1, fields("{\"severity\": \"SEV1\"}"))).get(0);

        assertThat(same.path("outcome").asText()).isEqualTo("applied");
        assertThat(same.path("version").asLong()).isEqualTo(1);
        assertThat(later.path("outcome").asText()).isEqualTo("applied");
        assertThat(later.path("version").asLong()).isEqualTo(2);
        assertThat(team().changeCount()).isEqualTo(2);
    }

    @Test
    void anEventForAnUnknownIncidentIsRejected() throws Exception {
        JsonNode result = push(A, change("k1", "event", "e1", 0, event(INC, "orphan"))).get(0);

        assertThat(result.path("outcome").asText()).isEqualTo("rejected");
        assertThat(result.path("version").asLong()).isZero();
        assertThat(result.path("reason").asText()).contains(INC).contains("push the incident first");
        assertThat(team().changeCount()).isZero();
    }

    @Test
    void anActionItemForAnUnknownIncidentIsRejected() throws Exception {
        JsonNode result = push(A, change("k1", "action_item", "a41c", 0, fields("""
                {"incident": "%s", "action": "Alert on pool saturation", "owner": "lee", "due": "2026-11-27",
                 "status": "open"}""".formatted(INC)))).get(0);

        assertThat(result.path("outcome").asText()).isEqualTo("rejected");
        assertThat(result.path("reason").asText()).contains("push the incident first");
        assertThat(team().actionItem("a41c")).isEmpty();
    }

    @Test
    void aKillSwitchAuditEntryIsKeptAsFirstWrittenAndEntersTheFeed() throws Exception {
        String entry = """
                {"at": "2026-11-22T14:40:00Z", "action": "ACTIVATED", "platform": "pn", "actor": "maria",
                 "reason": "agents looping", "approver": null, "detail": null, "incident": "%s",
                 "hash": "%s"}""".formatted(INC, "a".repeat(64));

        JsonNode first = push(A, change("k1", "audit", "a1", 0, entry)).get(0);
        JsonNode again = push(B, change("k2", "audit", "a1", 0, entry.replace("agents looping", "changed"))).get(0);
        HttpResponse<String> tooLong = post("changes", pushBody(A, List.of(change("k3", "audit", "a2", 0,
                entry.replace("\"pn\"", "\"" + "p".repeat(41) + "\"")))));

        assertThat(first.path("outcome").asText()).isEqualTo("applied");
        assertThat(again.path("outcome").asText()).as("first write wins").isEqualTo("duplicate");
        assertThat(team().entry("audit", "a1").orElseThrow().path("reason").asText()).isEqualTo("agents looping");
        assertThat(feed("").path("changes")).extracting(c -> c.path("entity").asText()).containsExactly("audit");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).path("error").asText()).contains("body.platform is 41 characters; the limit is 40");
    }

    @Test
    void aBlobIsUploadedOnceCheckedAgainstItsHashAndDownloadedWhole() throws Exception {
        byte[] bytes = "pool at 100%\n".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = BlobRoutes.sha256(bytes);

        HttpResponse<String> before = call("HEAD", "blobs/" + sha, null, token());
        HttpResponse<String> damaged = blob("PUT", sha, "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> first = blob("PUT", sha, bytes);
        HttpResponse<String> again = blob("PUT", sha, bytes);
        HttpResponse<byte[]> down = http.send(HttpRequest.newBuilder(URI.create(url() + "/sitrep/v1/blobs/" + sha))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(damaged.statusCode()).isEqualTo(400);
        assertThat(json(damaged).path("error").asText()).contains("nothing was kept");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).as("uploaded once").isEqualTo(200);
        assertThat(json(again).path("stored").asText()).isEqualTo("already here");
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.body()).isEqualTo(bytes);
        assertThat(call("HEAD", "blobs/" + sha, null, token()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "blobs/not-a-hash", null, token()).statusCode()).isEqualTo(400);
    }

    @Test
    void aBlobOverThePlatformsLimitIs413AndNothingIsKept() throws Exception {
        long limit = json(get("capabilities")).path("blobMaxBytes").asLong();
        byte[] bytes = new byte[(int) limit + 1];
        String sha = BlobRoutes.sha256(bytes);

        HttpResponse<String> over = blob("PUT", sha, bytes);

        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(json(over).path("error").asText()).contains("at most " + limit + " bytes");
        assertThat(call("HEAD", "blobs/" + sha, null, token()).statusCode()).isEqualTo(404);
    }

    @Test
    void anEvidenceRecordNeedsItsIncidentAndItsRemovalMergesLikeAField() throws Exception {
        String fields = """
                {"incident": "%s", "kind": "text", "name": "pool.txt", "size": 12, "mediaType": "text/plain",
                 "sha256": "%s", "capturedAt": "2026-11-22T14:36:00Z", "capturedBy": "maria", "source": null,
                 "description": null, "tags": [], "derivedFrom": null}""".formatted(INC, "b".repeat(64));
        JsonNode early = push(A, change("k1", "evidence", "ev1", 0, fields(fields))).get(0);
        createIncident(A, "k2");

        JsonNode taken = push(A, change("k3", "evidence", "ev1", 0, fields(fields))).get(0);
        JsonNode removed = push(B, change("k4", "evidence", "ev1", 1, fields(
                "{\"removedAt\": \"2026-11-22T15:00:00Z\", \"removedBy\": \"maria\", \"removedReason\": \"wrong file\"}"))).get(0);

        assertThat(early.path("outcome").asText()).isEqualTo("rejected");
        assertThat(early.path("reason").asText()).contains("push the incident first");
        assertThat(taken.path("outcome").asText()).isEqualTo("applied");
        assertThat(removed.path("outcome").asText()).isEqualTo("applied");
        assertThat(removed.path("version").asLong()).isEqualTo(2);
    }

    private HttpResponse<String> blob(String method, String sha, byte[] bytes) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/sitrep/v1/blobs/" + sha))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/octet-stream")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownEntityKindRefusesThePushNamingTheChangeAndNothingIsApplied() throws Exception {
        HttpResponse<String> response = post("changes", pushBody(A, List.of(
                change("k0", "incident", INC, 0, fields(INCIDENT_FIELDS)), change("k1", "runbook", "r1", 0, "{}"))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("change").asInt()).as("which change, counted from 1").isEqualTo(2);
        assertThat(json(response).path("error").asText()).contains("change 2 (counted from 1)").contains("runbook")
                .contains("incident, event, postmortem, action_item");
        assertThat(team().changeCount()).isZero();
    }

    @Test
    void aBaseAheadOfThePlatformsVersionRefusesThePushNamingTheChangeAndNothingIsApplied() throws Exception {
        createIncident(A, "k1");
        int before = team().changeCount();

        HttpResponse<String> response = post("changes", pushBody(A, List.of(
                change("k2", "event", "e1", 0, event(INC, "fine")),
                change("k3", "incident", INC, 9, fields("{\"severity\": \"SEV1\"}")))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("change").asInt()).isEqualTo(2);
        assertThat(json(response).path("error").asText()).contains("base 9 is ahead of this platform's version 1")
                .contains("Pull first");
        assertThat(team().changeCount()).as("not even the event before it").isEqualTo(before);
        assertThat(team().incident(INC).orElseThrow().path("severity").asText()).isEqualTo("SEV2");
    }

    @Test
    void aPostmortemPublishedByAnotherOriginAfterTheBaseIsKeptWhole() throws Exception {
        createIncident(A, "k1");
        String first = "{\"summary\": \"pool exhausted\", \"sections\": [{\"title\": \"Impact\", \"text\": \"12 min\"}]}";
        String second = "{\"summary\": \"a bad deploy\"}";
        JsonNode published = push(A, change("k2", "postmortem", INC, 0,
                "{\"doc\": " + first + ", \"publishedBy\": \"maria\", \"publishedAt\": \"2026-11-23T09:00:00Z\"}")).get(0);

        JsonNode result = push(B, change("k3", "postmortem", INC, 0,
                "{\"doc\": " + second + ", \"publishedBy\": \"maria\", \"publishedAt\": \"2026-11-23T09:05:00Z\"}")).get(0);

        assertThat(published.path("outcome").asText()).isEqualTo("applied");
        assertThat(result.path("outcome").asText()).isEqualTo("conflict");
        assertThat(result.path("version").asLong()).isEqualTo(1);
        JsonNode conflict = result.path("conflicts").get(0);
        assertThat(conflict.path("field").asText()).isEqualTo("doc");
        assertThat(conflict.path("yours").isNull()).as("the documents are not sent back").isTrue();
        assertThat(conflict.path("kept").isNull()).isTrue();
        assertThat(conflict.path("keptBy").asText()).isEqualTo(A);
        assertThat(team().postmortem(INC).orElseThrow().path("doc")).isEqualTo(Json.MAPPER.readTree(first));
    }

    @Test
    void aPostmortemRepublishedFromTheLatestBaseReplacesTheWholeDocument() throws Exception {
        createIncident(A, "k1");
        push(A, change("k2", "postmortem", INC, 0, "{\"doc\": {\"summary\": \"one\", \"whys\": [1, 2]}, \"publishedBy\": \"maria\"}"));

        JsonNode result = push(B, change("k3", "postmortem", INC, 1, "{\"doc\": {\"summary\": \"two\"}, \"publishedBy\": \"maria\"}")).get(0);

        assertThat(result.path("outcome").asText()).isEqualTo("applied");
        assertThat(result.path("version").asLong()).isEqualTo(2);
        JsonNode kept = team().postmortem(INC).orElseThrow();
        assertThat(kept.path("doc")).isEqualTo(Json.MAPPER.readTree("{\"summary\": \"two\"}"));
        assertThat(kept.path("publishedBy").asText()).isEqualTo("maria");
    }

    @Test
    void moreThan500ChangesAreRefusedWholeAndNothingIsApplied() throws Exception {
        List<String> changes = new ArrayList<>();
        changes.add(change("k0", "incident", INC, 0, fields(INCIDENT_FIELDS)));
        for (int i = 1; i <= 500; i++) {
            changes.add(change("k" + i, "event", "e" + i, 0, event(INC, "note " + i)));
        }

        HttpResponse<String> response = post("changes", pushBody(A, changes));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("501 changes").contains("at most 500");
        assertThat(team().changeCount()).isZero();
        assertThat(team().incident(INC)).isEmpty();
    }

    @Test
    void anUnreadableBodyIsRefusedAndNothingIsApplied() throws Exception {
        HttpResponse<String> garbage = post("changes", "{\"origin\": \"" + A + "\", \"changes\": [" + change("k1", "incident", INC, 0,
                fields(INCIDENT_FIELDS)) + ", {oops");

        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(json(garbage).path("error").asText()).contains("not JSON");
        assertThat(team().changeCount()).isZero();
        assertThat(team().timesApplied("k1")).isZero();
    }

    @Test
    void aMalformedChangeRefusesTheWholeRequestBeforeAnyIsApplied() throws Exception {
        HttpResponse<String> response = post("changes", pushBody(A, List.of(
                change("k1", "incident", INC, 0, fields(INCIDENT_FIELDS)),
                "{\"entity\": \"event\", \"id\": \"e1\", \"base\": 0, \"body\": {}}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("change 2").contains("\"key\"");
        assertThat(team().incident(INC)).isEmpty();
    }

    @Test
    void anIdOver40CharactersIsRefusedNamingTheFieldAndNothingIsApplied() throws Exception {
        HttpResponse<String> response = post("changes", pushBody(A, List.of(
                change("k1", "incident", INC, 0, fields(INCIDENT_FIELDS)),
                change("k2", "event", "e".repeat(300), 0, event(INC, "a long id")))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("change 2").contains("\"id\" is 300 characters")
                .contains("the limit is 40");
        assertThat(team().incident(INC)).isEmpty();
        assertThat(team().changeCount()).isZero();
    }

    @Test
    void idsFieldsAndKindsOverTheLimitsAreRefusedNamingTheFieldAndTheLimit() throws Exception {
        String incident = change("k1", "incident", INC, 0, fields(INCIDENT_FIELDS));
        String longNote = change("k2", "event", "e1", 0, event(INC, "n".repeat(20_001)));
        String longCommander = change("k2", "incident", INC, 0, fields("{\"roles\": {\"commander\": \"" + "m".repeat(201)
                + "\"}}"));
        String unknownField = change("k2", "incident", INC, 0, fields("{\"colour\": \"red\"}"));
        String notAnIncidentId = change("k2", "incident", "checkout", 0, fields(INCIDENT_FIELDS));
        String spacedKey = change("k 2", "event", "e1", 0, event(INC, "note"));
        String hugeDoc = change("k2", "postmortem", INC, 0, "{\"doc\": {\"lessons\": \"" + "l".repeat(2_100_000)
                + "\"}, \"publishedBy\": \"maria\"}");

        assertThat(refusal(A, incident, longNote)).contains("change 2").contains("body.text is 20001 characters")
                .contains("the limit is 20000");
        assertThat(refusal(A, incident, longCommander)).contains("body.fields.roles.commander is 201 characters")
                .contains("the limit is 200");
        assertThat(refusal(A, incident, unknownField)).contains("body.fields.colour is not a field of an incident");
        assertThat(refusal(A, notAnIncidentId)).contains("\"id\"").contains("INC-20261122-1432-7QF2");
        assertThat(refusal(A, incident, spacedKey)).contains("\"key\"").contains("letters, digits");
        assertThat(refusal("o".repeat(41), incident)).contains("\"origin\" is 41 characters");
        assertThat(refusal(A, incident, hugeDoc)).contains("body.doc is 2100014 characters as JSON")
                .contains("the limit is 1000000");
        assertThat(team().changeCount()).isZero();
    }

    private String refusal(String origin, String... changes) throws Exception {
        HttpResponse<String> response = post("changes", pushBody(origin, List.of(changes)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).path("error").asText();
    }

    // Pulling

    @Test
    void pagingWithALimitReturnsEveryWriteOnceInOrder() throws Exception {
        createIncident(A, "k0");
        List<String> notes = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> change("k" + i, "event", "e" + i, 0, event(INC, "note " + i))).toList();
        push(B, notes.toArray(String[]::new));
        push(A, change("k7", "incident", INC, 1, fields("{\"status\": \"identified\"}")));

        JsonNode page1 = feed("?limit=3");
        JsonNode page2 = feed("?since=" + page1.path("cursor").asText() + "&limit=3");
        JsonNode page3 = feed("?since=" + page2.path("cursor").asText() + "&limit=3");

        assertThat(page1.path("more").asBoolean()).isTrue();
        assertThat(page2.path("more").asBoolean()).isTrue();
        assertThat(page3.path("more").asBoolean()).isFalse();
        JsonNode last = page3.path("changes").get(page3.path("changes").size() - 1);
        assertThat(page3.path("cursor").asText()).as("the cursor is after the last entry seen")
                .matches(last.path("seq").asText() + "(\\.[0-9a-f]{12})?");
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode page : List.of(page1, page2, page3)) {
            page.path("changes").forEach(all::add);
        }
        assertThat(all).extracting(c -> c.path("seq").asLong()).as("in order, each once").isSorted().doesNotHaveDuplicates()
                .hasSize(8);
        assertThat(all).extracting(c -> c.path("id").asText())
                .containsExactly(INC, "e1", "e2", "e3", "e4", "e5", "e6", INC);
        assertThat(all.get(1).path("origin").asText()).isEqualTo(B);
        assertThat(all.get(1).path("body").path("text").asText()).isEqualTo("note 1");
        assertThat(all.get(7).path("version").asLong()).isEqualTo(2);
        assertThat(feed("?since=" + page3.path("cursor").asText()).path("changes")).isEmpty();
    }

    @Test
    void pagesAreCutByBytesEachWithAtLeastOneChangeAndEveryWriteOnceInOrder() throws Exception {
        createIncident(A, "k0");
        String text = "x".repeat(19_000);
        for (int batch = 0; batch < 3; batch++) {
            int from = batch * 100;
            push(B, IntStream.range(from, from + 100).mapToObj(i -> change("k" + (i + 1), "event", "e" + (i + 1), 0,
                    event(INC, text))).toArray(String[]::new));
        }
        String doc = "{\"lessons\": \"" + "l".repeat(TeamLimits.DOC_MAX - 20) + "\"}";
        push(A, change("k301", "postmortem", INC, 0, "{\"doc\": " + doc + ", \"publishedBy\": \"maria\"}"));

        List<String> ids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = "";
        boolean more = true;
        while (more) {
            HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(url()
                            + "/sitrep/v1/changes?limit=1000&since=" + cursor))
                    .header("Authorization", "Bearer " + token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = Json.MAPPER.readTree(page.body());
            sizes.add(page.body().length);
            assertThat(answer.path("changes")).as("at least one change a page").isNotEmpty();
            answer.path("changes").forEach(c -> ids.add(c.path("id").asText()));
            cursor = answer.path("cursor").asText();
            more = answer.path("more").asBoolean();
        }

        assertThat(sizes).as("5.7 MB of notes and a postmortem of 1,000,000 characters").hasSizeGreaterThanOrEqualTo(2)
                .allMatch(size -> size <= TeamLimits.PAGE_MAX_BYTES);
        List<String> expected = new ArrayList<>(List.of(INC));
        IntStream.rangeClosed(1, 300).forEach(i -> expected.add("e" + i));
        expected.add(INC);
        assertThat(ids).isEqualTo(expected);
    }

    @Test
    void aCursorFromBeforeARestartStartsOverFromTheBeginning() throws Exception {
        createIncident(A, "k1");

        JsonNode page = feed("?since=999999999");

        assertThat(page.path("changes")).extracting(c -> c.path("id").asText()).containsExactly(INC);
        assertThat(page.path("cursor").asText()).matches(page.path("changes").get(0).path("seq").asText() + "(\\.[0-9a-f]{12})?");
    }

    @Test
    void aCursorThatIsNoNumberIsRefused() throws Exception {
        HttpResponse<String> response = get("changes?since=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).contains("since=yesterday");
    }

    @Test
    void concurrentPushesAllLandOnceEach() throws Exception {
        createIncident(A, "k0");
        ExecutorService consoles = Executors.newFixedThreadPool(8);
        try {
            List<Callable<JsonNode>> pushes = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                String origin = "console-" + c;
                List<String> notes = IntStream.range(0, 50)
                        .mapToObj(i -> change(origin + "-k" + i, "event", origin + "-e" + i, 0, event(INC, "n" + i))).toList();
                pushes.add(() -> push(origin, notes.toArray(String[]::new)));
            }
            for (Future<JsonNode> results : consoles.invokeAll(pushes)) {
                assertThat(results.get()).allSatisfy(r -> assertThat(r.path("outcome").asText()).isEqualTo("applied"));
            }
        } finally {
            consoles.shutdownNow();
        }

        JsonNode changes = feed("?limit=1000").path("changes");
        assertThat(changes).hasSize(1 + 8 * 50);
        Set<String> ids = new HashSet<>();
        changes.forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).hasSize(1 + 8 * 50);
        assertThat(team().events(INC)).hasSize(8 * 50);
    }

}
