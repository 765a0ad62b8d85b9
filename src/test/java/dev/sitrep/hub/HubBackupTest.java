package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.event;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.postmortem;
import static dev.sitrep.hub.HubClient.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A hub's backups, made and restored the way packaging/hub/README.md tells an admin to: the real
 * {@code pg_dump --format=custom} and {@code pg_restore} into a fresh database, then a hub on it
 * serving the same feed, people and cursors; and the embedded H2 file, copied while the hub is
 * stopped or written by H2's {@code BACKUP TO} while it runs.
 */
class HubBackupTest {

    private static final String INC = "INC-20261122-1432-7QF2";
    private static final String INC2 = "INC-20261122-1502-K2ZG";

    @TempDir
    Path dir;

    /** The team's work so far, pushed through the hub as consoles push it. */
    private record Team(String maria, String ana, String vic, String lee) {

        static Team on(HubFixture hub) throws Exception {
            Team team = new Team(hub.addPerson("maria", Role.COMMANDER), hub.addPerson("ana", Role.RESPONDER),
                    hub.addPerson("vic", Role.VIEWER), hub.addPerson("lee", Role.RESPONDER));
            pushed(hub.url(), team.ana, push("origin-ana", incident("k-1", INC, "ana"),
                    event("k-2", "e-1", INC, "ana"), event("k-3", "e-2", INC, "ana")));
            pushed(hub.url(), team.lee, push("origin-lee", event("k-4", "e-3", INC, "lee"), incident("k-5", INC2, "lee"),
                    event("k-6", "e-4", INC2, "lee")));
            pushed(hub.url(), team.maria, push("origin-maria", postmortem("k-7", INC, "maria")));
            pushed(hub.url(), team.ana, push("origin-ana", event("k-8", "e-5", INC, "ana"), event("k-9", "e-6", INC2, "ana")));
            assertThat(hub.revoke("lee")).isTrue();
            return team;
        }
    }

    @Test
    void aPgDumpRestoredIntoAFreshDatabaseServesTheSameFeedPeopleAndCursors() throws Exception {
        try (TestPostgres original = TestPostgres.create(); TestPostgres restored = TestPostgres.create()) {
            Path dump = dir.resolve("hub.dump");
            Team team;
            List<JsonNode> feed;
            String consoleCursor;
            long lastSeq;
            String lastCursor;
            try (HubFixture hub = HubFixture.start(original.jdbcUrl(), Clock.systemUTC())) {
                team = Team.on(hub);
                consoleCursor = page(hub.url(), team.vic, "", 4).path("cursor").asText(); // a console read one page
                Read all = read(hub.url(), team.vic, "");
                feed = all.entries();
                lastCursor = all.cursor();
                lastSeq = feed.get(feed.size() - 1).path("seq").asLong();
                // the backup, taken while the hub runs
                tool("pg_dump", "--format=custom", "-h", "127.0.0.1", "-U", "postgres", "-d", original.name(),
                        "-f", dump.toString());
            }
            tool("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", restored.name(), dump.toString());

            try (HubFixture hub = HubFixture.start(restored.jdbcUrl(), Clock.systemUTC())) {
                assertThat(feed).hasSize(9);
                assertThat(feed(hub.url(), team.vic, "")).as("the same feed, page by page").isEqualTo(feed);
                assertThat(person(hub.url(), team.maria)).isEqualTo("maria commander");
                assertThat(person(hub.url(), team.ana)).isEqualTo("ana responder");
                assertThat(person(hub.url(), team.vic)).isEqualTo("vic viewer");
                HubClient.Answer revoked = call(hub.url(), "GET", "/sitrep/v1/capabilities", null, team.lee);
                assertThat(revoked.status()).isEqualTo(401);
                assertThat(revoked.error()).contains("revoked");
                assertThat(hub.store().postmortem(INC)).isPresent();

                pushed(hub.url(), team.ana, push("origin-ana", event("k-10", "e-7", INC, "ana")));
                List<JsonNode> after = feed(hub.url(), team.vic, "");
                assertThat(after).hasSize(feed.size() + 1).startsWith(feed.toArray(JsonNode[]::new));
                JsonNode newest = after.get(after.size() - 1);
                assertThat(newest.path("id").asText()).isEqualTo("e-7");
                assertThat(newest.path("seq").asLong()).as("the feed's numbering carries on").isGreaterThan(lastSeq);

                List<JsonNode> fromConsole = feed(hub.url(), team.vic, consoleCursor);
                assertThat(fromConsole).as("a cursor from before the backup continues where it was")
                        .isEqualTo(after.stream().filter(e -> e.path("seq").asLong() > after.get(3).path("seq").asLong()).toList());
                assertThat(feed(hub.url(), team.vic, lastCursor)).extracting(e -> e.path("id").asText()).containsExactly("e-7");
                assertThat(hub.store().timesApplied("k-2")).as("idempotency keys restored").isEqualTo(1);
                HubClient.Answer resent = call(hub.url(), "POST", "/sitrep/v1/changes",
                        push("origin-ana", event("k-2", "e-1", INC, "ana")), team.ana);
                assertThat(resent.status()).isEqualTo(200);
                assertThat(feed(hub.url(), team.vic, "")).as("a change resent after the restore is not applied twice")
                        .hasSize(after.size());
            }
        }
    }

    /**
     * Writes made after the backup are gone from the restored hub, but a console that read them
     * holds a cursor past the restored feed. Once new writes take those numbers again, that cursor
     * names an entry the restored hub does not hold (its mark differs), so the console starts over
     * and gets every new write, merging again what it has; it never skips one. No step after the
     * restore is needed.
     */
    @Test
    void aConsoleThatSawWritesTheBackupMissedStillGetsEveryNewWriteAfterARestore() throws Exception {
        try (TestPostgres original = TestPostgres.create(); TestPostgres restored = TestPostgres.create()) {
            Path dump = dir.resolve("hub.dump");
            String ana;
            String vic;
            String cursorPastTheBackup;
            try (HubFixture hub = HubFixture.start(original.jdbcUrl(), Clock.systemUTC())) {
                ana = hub.addPerson("ana", Role.RESPONDER);
                vic = hub.addPerson("vic", Role.VIEWER);
                pushed(hub.url(), ana, push("origin-ana", incident("k-1", INC, "ana"), event("k-2", "e-1", INC, "ana")));
                tool("pg_dump", "--format=custom", "-h", "127.0.0.1", "-U", "postgres", "-d", original.name(),
                        "-f", dump.toString());
                List<String> lost = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    lost.add(event("k-lost-" + i, "lost-" + i, INC, "ana"));
                }
                pushed(hub.url(), ana, push("origin-ana", lost.toArray(String[]::new)));
                cursorPastTheBackup = read(hub.url(), vic, "").cursor();
            }
            tool("pg_restore", "-h", "127.0.0.1", "-U", "postgres", "-d", restored.name(), dump.toString());

            try (HubFixture hub = HubFixture.start(restored.jdbcUrl(), Clock.systemUTC())) {
                List<String> fresh = new ArrayList<>();
                for (int i = 0; i < 6; i++) { // more new writes than were lost: their numbers reach the cursor's
                    fresh.add(event("k-new-" + i, "new-" + i, INC, "ana"));
                }
                pushed(hub.url(), ana, push("origin-ana", fresh.toArray(String[]::new)));

                assertThat(feed(hub.url(), vic, cursorPastTheBackup)).extracting(e -> e.path("id").asText())
                        .as("started over: every new write, and again what the console has (merged by id)")
                        .containsExactly(INC, "e-1", "new-0", "new-1", "new-2", "new-3", "new-4", "new-5");
                String plainNumber = cursorPastTheBackup.substring(0, cursorPastTheBackup.indexOf('.'));
                assertThat(feed(hub.url(), vic, plainNumber)).as("a plain number is taken as it is (the sandbox's form)")
                        .extracting(e -> e.path("id").asText()).doesNotContain(INC);
            }
        }
    }

    @Test
    void theEmbeddedH2FileIsBackedUpByCopyingItWhileTheHubIsStoppedOrWithBackupToWhileItRuns() throws Exception {
        Path data = dir.resolve("data");
        Path online = dir.resolve("hub-online.zip");
        Team team;
        List<JsonNode> feed;
        String lastCursor;
        try (HubFixture hub = HubFixture.start(HubDatabase.embeddedUrl(data), Clock.systemUTC())) {
            team = Team.on(hub);
            Read all = read(hub.url(), team.vic, "");
            feed = all.entries();
            lastCursor = all.cursor();
            // Another process, as an admin would run H2's shell next to the running hub (AUTO_SERVER).
            h2Shell(HubDatabase.embeddedUrl(data), "BACKUP TO '" + online + "'");
        }
        assertThat(feed).hasSize(9);

        Path copied = dir.resolve("copied");
        Files.createDirectories(copied.resolve("hub"));
        Files.copy(data.resolve("hub").resolve("hub.mv.db"), copied.resolve("hub").resolve("hub.mv.db"));
        Path unzipped = dir.resolve("unzipped");
        unzip(online, unzipped.resolve("hub"));
        assertThat(unzipped.resolve("hub").resolve("hub.mv.db")).isRegularFile();

        for (Path restored : List.of(copied, unzipped)) {
            try (HubFixture hub = HubFixture.start(HubDatabase.embeddedUrl(restored), Clock.systemUTC())) {
                assertThat(feed(hub.url(), team.vic, "")).as("the feed from %s", restored.getFileName()).isEqualTo(feed);
                assertThat(person(hub.url(), team.maria)).isEqualTo("maria commander");
                assertThat(call(hub.url(), "GET", "/sitrep/v1/capabilities", null, team.lee).status()).isEqualTo(401);
                assertThat(call(hub.url(), "GET", "/readyz", null, null).status()).isEqualTo(200);
            }
        }

        try (HubFixture hub = HubFixture.start(HubDatabase.embeddedUrl(copied), Clock.systemUTC())) {
            pushed(hub.url(), team.ana, push("origin-ana", event("k-10", "e-7", INC, "ana")));
            assertThat(feed(hub.url(), team.vic, lastCursor)).extracting(e -> e.path("id").asText()).containsExactly("e-7");
        }
    }

    // The hub over HTTP

    private static void pushed(URI hub, String token, String body) throws Exception {
        HubClient.Answer answer = call(hub, "POST", "/sitrep/v1/changes", body, token);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        answer.json().path("results").forEach(r -> assertThat(r.path("outcome").asText()).as(r.toString()).isEqualTo("applied"));
    }

    private static JsonNode page(URI hub, String token, String since, int limit) throws Exception {
        HubClient.Answer answer = call(hub, "GET", "/sitrep/v1/changes?since=" + since + "&limit=" + limit, null, token);
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        return answer.json();
    }

    /** Every entry after {@code since} (a cursor as the hub gave it; "" from the start), read as a console reads them. */
    private static List<JsonNode> feed(URI hub, String token, String since) throws Exception {
        return read(hub, token, since).entries();
    }

    /** What a console read after {@code since}, and the cursor it holds after. */
    private record Read(List<JsonNode> entries, String cursor) {
    }

    private static Read read(URI hub, String token, String since) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = since;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = page(hub, token, cursor, 4);
            page.path("changes").forEach(entries::add);
            cursor = page.path("cursor").asText();
            if (!page.path("more").asBoolean()) {
                return new Read(entries, cursor);
            }
        }
        throw new AssertionError("the feed did not end within 100 pages");
    }

    private static String person(URI hub, String token) throws Exception {
        HubClient.Answer who = call(hub, "GET", "/sitrep/v1/capabilities", null, token);
        assertThat(who.status()).as(who.json().toString()).isEqualTo(200);
        return who.json().path("person").asText() + " " + who.json().path("role").asText();
    }

    // The admin's tools

    /** Runs a PostgreSQL client program as an admin would; fails the test if it is missing or fails. */
    private static void tool(String program, String... args) throws Exception {
        if (!onPath(program)) {
            fail(program + " is not on the PATH: the hub's backup test runs the real PostgreSQL client tools. Install "
                    + "them (Debian: apt-get install postgresql-client; .ci/run installs it when PostgreSQL already runs "
                    + "but its client tools are missing).");
        }
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("PGPASSWORD");
        Process p = pb.start();
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", program).isTrue();
        assertThat(p.exitValue()).as("%s %s%n%s", program, String.join(" ", args), said).isZero();
        if (!program.equals("psql")) {
            assertThat(said).as("%s said nothing (no warnings, no errors)", program).isBlank();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** H2's own shell in a separate JVM, as packaging/hub/README.md runs it: java -cp h2-*.jar org.h2.tools.Shell. */
    private static void h2Shell(String url, String sql) throws Exception {
        String h2Jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", h2Jar,
                "org.h2.tools.Shell", "-url", url, "-user", "", "-sql", sql).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).doesNotContainIgnoringCase("exception");
    }

    private static void unzip(Path zip, Path to) throws IOException {
        Files.createDirectories(to);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = to.resolve(e.getName()).normalize();
                assertThat(target.startsWith(to)).isTrue();
                copy(in, target);
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
