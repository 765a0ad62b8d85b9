package dev.sitrep.hub;

import dev.sitrep.hub.HubClient.Answer;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.event;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.postmortem;
import static dev.sitrep.hub.HubClient.push;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People, not a shared token, on a hub over PostgreSQL: a wrong or revoked token is a 401 that
 * says what to do, a role that may not is a 403 naming the role needed, and no console can write
 * as someone else; every write is recorded as the person whose token sent it.
 */
class HubPeopleTest {

    private static final String ORIGIN = "c0a8017e-0000-4000-8000-00000000000a";
    private static final String INC = "INC-20261122-1432-7QF2";
    private static TestPostgres postgres;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private HubFixture hub;
    private String maria;
    private String lee;
    private String tv;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    @BeforeEach
    void start() throws Exception {
        hub = HubFixture.start(postgres.jdbcUrl(), clock);
        hub.wipe();
        maria = hub.addPerson("maria", Role.COMMANDER);
        lee = hub.addPerson("lee", Role.RESPONDER);
        tv = hub.addPerson("war-room-tv", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void tokensAreLongRandomAndStoredOnlyAsAHash() throws Exception {
        assertThat(maria).startsWith("sitrep_hub_").hasSizeGreaterThan(40).isNotEqualTo(lee);
        try (var c = hub.database().dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT token_hash FROM hub_people")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).hasSize(64).isNotIn(maria, lee, tv);
            }
        }
    }

    @Test
    void aWrongTokenIs401SayingWhatToDo() throws Exception {
        Answer wrong = call(hub.url(), "GET", "/sitrep/v1/changes", null, "sitrep_hub_guess");
        Answer none = call(hub.url(), "GET", "/sitrep/v1/changes", null, null);

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).contains("wrong token").contains("sitrep hub person add");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.error()).contains("Authorization: Bearer");
    }

    @Test
    void aRevokedTokenIs401AtOnceNamingWhoseItWas() throws Exception {
        assertThat(call(hub.url(), "GET", "/sitrep/v1/changes", null, lee).status()).isEqualTo(200);

        assertThat(hub.revoke("lee")).isTrue();
        Answer after = call(hub.url(), "GET", "/sitrep/v1/changes", null, lee);

        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error()).contains("revoked").contains("lee");
        assertThat(call(hub.url(), "GET", "/sitrep/v1/changes", null, maria).status()).isEqualTo(200);
    }

    @Test
    void aViewerReadsButWritingIs403NamingTheRoleAndNothingIsApplied() throws Exception {
        Answer read = call(hub.url(), "GET", "/sitrep/v1/changes", null, tv);
        Answer write = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, incident("k1", INC, "war-room-tv")), tv);
        Answer halt = call(hub.url(), "POST", "/sitrep/v1/kill-switch/halt", "{\"reason\": \"x\", \"actor\": \"war-room-tv\"}", tv);

        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.error()).contains("needs the responder role").contains("war-room-tv is a viewer");
        assertThat(halt.status()).isEqualTo(403);
        assertThat(hub.store().changeCount()).isZero();
        assertThat(call(hub.url(), "GET", "/sitrep/v1/kill-switch", null, tv).json().path("halted").asBoolean()).isFalse();
    }

    @Test
    void aResponderWritesButPublishingAPostmortemIsRefusedNamingTheCommanderRole() throws Exception {
        Answer answer = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN,
                incident("k1", INC, "lee"), event("k2", "e1", INC, "lee"), postmortem("k3", INC, "lee")), lee);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("results").get(0).path("outcome").asText()).isEqualTo("applied");
        assertThat(answer.json().path("results").get(1).path("outcome").asText()).isEqualTo("applied");
        assertThat(answer.json().path("results").get(2).path("outcome").asText()).isEqualTo("rejected");
        assertThat(answer.json().path("results").get(2).path("reason").asText())
                .contains("needs the commander role").contains("lee is a responder");
        assertThat(hub.store().postmortem(INC)).isEmpty();

        Answer byCommander = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, postmortem("k4", INC, "maria")), maria);
        assertThat(byCommander.json().path("results").get(0).path("outcome").asText()).isEqualTo("applied");
    }

    @Test
    void aResponderMayNotResumeButACommanderMay() throws Exception {
        call(hub.url(), "POST", "/sitrep/v1/kill-switch/halt", "{\"reason\": \"agents looping\", \"actor\": \"lee\"}", lee);

        Answer byLee = call(hub.url(), "POST", "/sitrep/v1/kill-switch/resume", "{\"mode\": \"full\", \"actor\": \"lee\"}", lee);
        Answer byMaria = call(hub.url(), "POST", "/sitrep/v1/kill-switch/resume", "{\"mode\": \"full\", \"actor\": \"maria\"}", maria);

        assertThat(byLee.status()).isEqualTo(403);
        assertThat(byLee.error()).contains("needs the commander role");
        assertThat(byMaria.status()).isEqualTo(200);
        assertThat(byMaria.json().path("halted").asBoolean()).isFalse();
    }

    @Test
    void aConsoleCannotWriteAsSomeoneElseAndEveryWriteIsRecordedAsTheTokensPerson() throws Exception {
        Answer answer = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN,
                incident("k1", INC, "lee"), event("k2", "e1", INC, "maria"), event("k3", "e2", INC, "system")), lee);
        Answer halt = call(hub.url(), "POST", "/sitrep/v1/kill-switch/halt",
                "{\"reason\": \"agents looping\", \"actor\": \"maria\"}", lee);

        assertThat(answer.json().path("results").get(1).path("outcome").asText()).isEqualTo("rejected");
        assertThat(answer.json().path("results").get(1).path("reason").asText())
                .contains("written as \"maria\"").contains("lee's");
        assertThat(answer.json().path("results").get(2).path("outcome").asText())
                .as("what the console did by itself").isEqualTo("applied");
        assertThat(hub.store().events(INC)).containsOnlyKeys("e2");
        assertThat(hub.store().pushedBy("incident", INC)).hasValue("lee");
        assertThat(hub.store().pushedBy("event", "e2")).hasValue("lee");
        assertThat(halt.json().path("by").asText()).as("the halt is lee's, whatever the body claims").isEqualTo("lee");
        Answer feed = call(hub.url(), "GET", "/sitrep/v1/changes", null, tv);
        assertThat(feed.json().path("changes").get(0).path("by").asText()).isEqualTo("lee");
    }

    @Test
    void aViewerMayDownloadBlobsButNotUploadThemAndEvidenceIsCapturedOnlyAsOneself() throws Exception {
        String sha = dev.sitrep.team.BlobRoutes.sha256("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Answer upload = call(hub.url(), "PUT", "/sitrep/v1/blobs/" + sha, "x", tv);
        Answer head = call(hub.url(), "HEAD", "/sitrep/v1/blobs/" + sha, null, tv);
        call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, incident("k1", INC, "lee")), lee);
        Answer claimed = call(hub.url(), "POST", "/sitrep/v1/changes", push(ORIGIN, """
                {"key": "k2", "entity": "evidence", "id": "ev1", "base": 0, "body": {"fields": {"incident": "%s",
                 "kind": "text", "name": "a.txt", "size": 1, "mediaType": "text/plain", "sha256": "%s",
                 "capturedAt": "2026-11-22T14:36:00Z", "capturedBy": "maria", "tags": []}}}""".formatted(INC, sha)), lee);

        assertThat(upload.status()).isEqualTo(403);
        assertThat(upload.error()).contains("needs the responder role");
        assertThat(head.status()).isEqualTo(404);
        assertThat(claimed.json().path("results").get(0).path("outcome").asText()).isEqualTo("rejected");
        assertThat(claimed.json().path("results").get(0).path("reason").asText()).contains("written as \"maria\"");
    }

    @Test
    void capabilitiesSayWhoTheTokenIsAndTheRole() throws Exception {
        Answer c = call(hub.url(), "GET", "/sitrep/v1/capabilities", null, lee);

        assertThat(c.json().path("person").asText()).isEqualTo("lee");
        assertThat(c.json().path("role").asText()).isEqualTo("responder");
        assertThat(c.json().path("platform").asText()).isEqualTo("hub");
    }

    @Test
    void theAccessLogNamesThePersonOfEachRequest() throws Exception {
        call(hub.url(), "GET", "/sitrep/v1/changes", null, lee);
        call(hub.url(), "GET", "/sitrep/v1/changes", null, "nobody");
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (hub.accessLog().lines().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10); // the line is written once the answer has gone
        }

        assertThat(hub.accessLog()).contains(" lee GET /sitrep/v1/changes 200 ").contains(" - GET /sitrep/v1/changes 401 ");
    }
}
