package dev.sitrep.hub;

import dev.sitrep.testing.ChildJvm;
import dev.sitrep.testing.SelfSignedPem;
import dev.sitrep.testing.TestPostgres;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static dev.sitrep.hub.HubClient.call;
import static dev.sitrep.hub.HubClient.event;
import static dev.sitrep.hub.HubClient.incident;
import static dev.sitrep.hub.HubClient.push;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sitrep hub} as a team runs it: a child JVM from the same classes with no JavaFX on its
 * class path, on a real PostgreSQL; {@code sitrep hub person} from other processes while it runs;
 * a hub killed with SIGKILL in the middle of pushes; TLS from PEM files; plain HTTP refused beyond
 * loopback.
 */
class HubProcessTest {

    private static final String INC = "INC-20261122-1432-7QF2";
    private static TestPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void database() {
        postgres = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        postgres.close();
    }

    /** A hub in a child JVM whose class path has no JavaFX at all: it would fail if anything loaded it. */
    private static final class HubProcess implements AutoCloseable {
        final Process process;
        final URI url;

        HubProcess(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", classPathWithoutJavaFx(), "dev.sitrep.Launcher", "hub"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().remove("DISPLAY");
            process = pb.start();
            process.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null || !first.startsWith("Hub at ")) {
                process.destroyForcibly();
                throw new AssertionError("the hub did not start: " + first);
            }
            url = URI.create(first.substring(7, first.indexOf(' ', 7)));
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // the access log
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy(); // SIGTERM: the graceful stop
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String classPathWithoutJavaFx() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("javafx") && !entry.contains("openjfx") && !entry.contains("testfx")
                        && !entry.contains("monocle") && !entry.contains("controlsfx") && !entry.contains("atlantafx")
                        && !entry.contains("ikonli"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static ChildJvm.Result sitrep(String... args) throws Exception {
        return ChildJvm.sitrep(List.of("-Djava.awt.headless=true"), args);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void peopleAreAddedListedAndRevokedFromOtherProcessesWhileTheHubRuns() throws Exception {
        assertThat(classPathWithoutJavaFx()).doesNotContain("javafx");
        try (HubProcess hub = new HubProcess("--port", "0", "--db", postgres.jdbcUrl())) {
            ChildJvm.Result added = sitrep("hub", "person", "add", "maria", "--role", "commander", "--db", postgres.jdbcUrl());
            assertThat(added.code()).as(added.err()).isZero();
            String token = lastLine(added.out());
            assertThat(token).as("the token alone on the last line").matches("sitrep_hub_[A-Za-z0-9_-]{43}");

            HubClient.Answer who = call(hub.url, "GET", "/sitrep/v1/capabilities", null, token);
            assertThat(who.status()).isEqualTo(200);
            assertThat(who.json().path("person").asText()).isEqualTo("maria");
            assertThat(call(hub.url, "GET", "/healthz", null, null).status()).isEqualTo(200);
            assertThat(call(hub.url, "GET", "/readyz", null, null).json().path("ready").asBoolean()).isTrue();
            var wall = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create(hub.url + "/wall?token=" + token)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(wall.statusCode()).as("the wall, with no JavaFX to load").isEqualTo(200);
            assertThat(wall.body()).contains("<title>Sitrep wall</title>").contains("No active incidents");

            ChildJvm.Result again = sitrep("hub", "person", "add", "maria", "--role", "viewer", "--db", postgres.jdbcUrl());
            ChildJvm.Result badRole = sitrep("hub", "person", "add", "lee", "--role", "boss", "--db", postgres.jdbcUrl());
            ChildJvm.Result list = sitrep("hub", "person", "list", "--db", postgres.jdbcUrl());
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.err()).contains("already a commander").contains("sitrep hub person revoke");
            assertThat(badRole.code()).isEqualTo(2);
            assertThat(badRole.err()).contains("commander, responder or viewer");
            assertThat(list.out()).contains("maria").contains("commander").doesNotContain(token);

            ChildJvm.Result revoked = sitrep("hub", "person", "revoke", "maria", "--db", postgres.jdbcUrl());
            assertThat(revoked.code()).isZero();
            HubClient.Answer after = call(hub.url, "GET", "/sitrep/v1/capabilities", null, token);
            assertThat(after.status()).isEqualTo(401);
            assertThat(after.error()).contains("revoked");
        }
    }

    @Test
    void aHubKilledInTheMiddleOfPushesAppliesEachResentChangeOnce() throws Exception {
        String token;
        try (HubDatabase db = HubDatabase.open(postgres.jdbcUrl(), Map.of(), 2)) {
            token = new People(db.dataSource()).add("ana", Role.RESPONDER, Clock.systemUTC().instant());
        }
        int batches = 40;
        int perBatch = 50;
        List<String> bodies = new ArrayList<>();
        bodies.add(push("origin-ana", incident("k-inc", INC, "ana")));
        for (int b = 0; b < batches; b++) {
            List<String> changes = new ArrayList<>();
            for (int i = 0; i < perBatch; i++) {
                changes.add(event("k-" + b + "-" + i, "e-" + b + "-" + i, INC, "ana"));
            }
            bodies.add(push("origin-ana", changes.toArray(String[]::new)));
        }
        AtomicInteger acked = new AtomicInteger();
        try (HubProcess hub = new HubProcess("--port", "0", "--db", postgres.jdbcUrl())) {
            Thread pusher = new Thread(() -> {
                try {
                    for (String body : bodies) {
                        if (call(hub.url, "POST", "/sitrep/v1/changes", body, token).status() != 200) {
                            return;
                        }
                        acked.incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    // the hub died under the push: the answer is lost
                }
            });
            pusher.start();
            while (acked.get() < 10 && pusher.isAlive()) {
                Thread.sleep(1);
            }
            hub.process.destroyForcibly(); // SIGKILL with a push in flight
            hub.process.waitFor(30, TimeUnit.SECONDS);
            pusher.join(30_000);
        }
        assertThat(acked.get()).as("killed part way").isBetween(10, bodies.size() - 1);

        try (HubProcess restarted = new HubProcess("--port", "0", "--db", postgres.jdbcUrl())) {
            for (String body : bodies.subList(acked.get(), bodies.size())) { // the console's outbox: all not acknowledged
                assertThat(call(restarted.url, "POST", "/sitrep/v1/changes", body, token).status()).isEqualTo(200);
            }
        }
        try (HubDatabase db = HubDatabase.open(postgres.jdbcUrl(), Map.of(), 2)) {
            HubStore store = new HubStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.events(INC)).hasSize(batches * perBatch);
            for (int b = 0; b < batches; b++) {
                for (int i = 0; i < perBatch; i += 7) {
                    assertThat(store.timesApplied("k-" + b + "-" + i)).as("k-%d-%d applied once", b, i).isEqualTo(1);
                }
            }
            assertThat(store.changeCount()).as("nothing doubled in the feed").isEqualTo(1 + batches * perBatch);
        }
    }

    @Test
    void tlsFromPemFilesServesHttps() throws Exception {
        SelfSignedPem pem = SelfSignedPem.rsa(dir);
        try (HubProcess hub = new HubProcess("--port", "0", "--db", postgres.jdbcUrl(),
                "--tls-cert", pem.certificateFile().toString(), "--tls-key", pem.keyFile().toString());
             Response answer = pem.client().newCall(new Request.Builder().url(hub.url + "/healthz").build()).execute()) {
            assertThat(hub.url.getScheme()).isEqualTo("https");
            assertThat(answer.code()).isEqualTo(200);
        }
    }

    @Test
    void plainHttpBeyondLoopbackIsRefusedSayingWhy() throws Exception {
        ChildJvm.Result refused = sitrep("hub", "--bind", "0.0.0.0", "--port", "0", "--db", postgres.jdbcUrl());
        ChildJvm.Result halfTls = sitrep("hub", "--port", "0", "--tls-cert", "cert.pem", "--db", postgres.jdbcUrl());

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("in the clear").contains("--tls-cert").contains("--insecure-http");
        assertThat(halfTls.code()).isEqualTo(2);
        assertThat(halfTls.err()).contains("--tls-key");
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineNamingItAndTheVariables() throws Exception {
        ChildJvm.Result down = sitrep("hub", "--port", "0", "--db", "jdbc:postgresql://127.0.0.1:9/nothing?connectTimeout=2");
        ChildJvm.Result notPostgres = sitrep("hub", "--port", "0", "--db", "jdbc:mysql://db/x");

        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("cannot be reached").contains("SITREP_HUB_DB_USER");
        assertThat(notPostgres.code()).isEqualTo(2);
        assertThat(notPostgres.err()).contains("jdbc:postgresql://");
    }
}
