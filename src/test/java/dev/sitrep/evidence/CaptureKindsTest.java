package dev.sitrep.evidence;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Connectors;
import dev.sitrep.platform.http.EndpointSnapshot;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.workspace.WorkspaceSettings;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The captures beyond files (command output, images, platform endpoint snapshots), the
 * workspace's size limit, a full disk, and the custody of viewing and exporting.
 */
class CaptureKindsTest {

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Store store;
    private Services services;
    private IncidentService incidents;
    private AuditLog audit;
    private WorkspaceSettings settings;
    private EvidenceService evidence;
    private Incident incident;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).build();
        incidents = services.incidents();
        audit = services.audit();
        settings = services.settings();
        evidence = services.evidence();
        incident = incidents.declare(Declaration.titled("Checkout 5xx"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void commandOutputKeepsItsCommandAndAnImageIsPng() throws Exception {
        EvidenceItem out = evidence.addCommandOutput(incident.id(), "kubectl get pods -n checkout",
                "NAME READY STATUS\ncheckout-7f9 0/1 CrashLoopBackOff\n", "pods crash-looping", List.of("k8s"));
        assertThat(out.kind()).isEqualTo(EvidenceItem.Kind.COMMAND_OUTPUT);
        assertThat(out.name()).isEqualTo("$ kubectl get pods -n checkout");
        assertThat(out.source()).isEqualTo("command: kubectl get pods -n checkout");
        assertThat(Files.readString(evidence.blob(out))).startsWith("$ kubectl get pods -n checkout\nNAME READY STATUS\n");
        assertThatThrownBy(() -> evidence.addCommandOutput(incident.id(), "  ", "x", null, List.of()))
                .hasMessageContaining("command");

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        EvidenceItem shot = evidence.addImage(incident.id(), EvidenceItem.Kind.SCREENSHOT, "screen 1 14:32.png", png,
                "screen 1 (1920x1080)", null, List.of());
        assertThat(shot.mediaType()).isEqualTo("image/png");
        assertThat(Files.readAllBytes(evidence.blob(shot))).isEqualTo(png);
    }

    @Test
    void anEndpointSnapshotOfTheSandboxKeepsStatusHeadersAndBody() throws Exception {
        try (SandboxServer sandbox = SandboxServer.start(0, clock, Duration.ofMinutes(15))) {
            PlatformProfile profile = new PlatformProfile("pn-drill", PlatformKind.POWERNODE, sandbox.url().toString(),
                    null, SandboxServer.EMAIL, PlatformProfile.Environment.DEVELOPMENT, null, List.of(),
                    Duration.ofSeconds(30));
            String path = Connectors.statusPaths(PlatformKind.POWERNODE).get(0);
            EndpointSnapshot snap = services.profiles().snapshot(profile, path);
            assertThat(snap.status()).isEqualTo(200);
            EvidenceItem item = evidence.addSnapshot(incident.id(), "pn-drill", snap, null, List.of());
            assertThat(item.kind()).isEqualTo(EvidenceItem.Kind.ENDPOINT);
            assertThat(item.name()).isEqualTo("pn-drill GET /api/v1/health 200");
            assertThat(item.source()).isEqualTo(sandbox.url().toString().replaceAll("/$", "") + "/api/v1/health");
            String text = Files.readString(evidence.blob(item));
            assertThat(text).startsWith("GET " + item.source() + "\ncaptured 2026-11-22T14:32:00Z\n\nHTTP/1.1 200");
            assertThat(text).containsIgnoringCase("content-type: application/json").contains("\"status\"");
        }
    }

    @Test
    void secretHeadersAreNamedAsRemovedAndNeverKept() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setResponseCode(503).addHeader("Set-Cookie", "session=abc123secret")
                    .addHeader("X-Auth-Token", "tok-999").addHeader("X-Request-Id", "req-1")
                    .setBody("<html>upstream down</html>"));
            server.start();
            EndpointSnapshot snap = EndpointSnapshot.take("so1", server.url("/"), "/v1/health",
                    dev.sitrep.platform.http.JsonHttp.client(null, Duration.ofSeconds(5)), clock.instant());
            String text = snap.render();
            assertThat(snap.status()).isEqualTo(503);
            assertThat(text).contains("x-request-id: req-1").contains("<html>upstream down</html>")
                    .contains("set-cookie: [removed by Sitrep").contains("x-auth-token: [removed by Sitrep")
                    .doesNotContain("abc123secret").doesNotContain("tok-999");
        }
        assertThatThrownBy(() -> EndpointSnapshot.take("so1", okhttp3.HttpUrl.get("http://127.0.0.1:9/"), "/v1/health",
                dev.sitrep.platform.http.JsonHttp.client(null, Duration.ofSeconds(5)), clock.instant()))
                .hasMessageContaining("Cannot reach so1").hasMessageContaining("nothing was captured");
    }

    @Test
    void theWorkspaceLimitAppliesAtTheNextCaptureAndIsKeptInBounds() throws Exception {
        assertThat(settings.evidenceLimit()).isEqualTo(8L << 30);
        settings.setEvidenceLimit(1L << 20, "maria");
        Path big = elsewhere.resolve("heap.hprof");
        Files.write(big, new byte[(1 << 20) + 1]);
        assertThatThrownBy(() -> evidence.addFile(incident.id(), big, null, List.of(), BlobStore.Progress.NONE, () -> false))
                .hasMessageContaining("larger than the evidence limit of 1.0 MiB").hasMessageContaining("Settings");
        assertThatThrownBy(() -> settings.setEvidenceLimit(1000, "maria")).hasMessageContaining("between 1 MiB and 1024 GiB");
        settings.setEvidenceLimit(2L << 20, "maria");
        assertThat(evidence.addFile(incident.id(), big, null, List.of(), BlobStore.Progress.NONE, () -> false).size())
                .isEqualTo((1 << 20) + 1);
    }

    @Test
    void aFullDiskStoresNothingAndSaysWhatToDo() throws Exception {
        BlobStore.Sink fillsUp = temp -> new OutputStream() {
            private final OutputStream real = Files.newOutputStream(temp);
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > 100_000) {
                    throw new IOException("No space left on device");
                }
                written += len;
                real.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
        EvidenceService onFullDisk = TestServices.on(store, "maria").clock(clock)
                .blobStore(new BlobStore(dir, () -> 1L << 30, fillsUp)).build().evidence();
        Path log = elsewhere.resolve("gateway.txt");
        Files.writeString(log, "GET /checkout 502\n".repeat(20_000));
        assertThatThrownBy(() -> onFullDisk.addFile(incident.id(), log, null, List.of(), BlobStore.Progress.NONE,
                () -> false)).hasMessageContaining("disk holding the data directory is full")
                .hasMessageContaining("nothing was stored").hasMessageContaining("move the data directory");
        try (Stream<Path> left = Files.walk(dir.resolve("evidence"))) {
            assertThat(left.filter(Files::isRegularFile)).as("no blob, no part file").isEmpty();
        }
        assertThat(evidence.list(incident.id())).isEmpty();
        assertThat(audit.all()).isEmpty();
        assertThat(incidents.show(incident.id()).timeline()).noneMatch(e -> e.type() == EventType.EVIDENCE);
    }

    @Test
    void viewingExportingAndRemovingAreTheItemsCustody() throws Exception {
        EvidenceItem item = evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "what we saw", "502s from 14:20",
                null, null, List.of());
        EvidenceItem other = evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "other", "x", null, null, List.of());
        clock.advance(Duration.ofMinutes(1));
        evidence.viewed(item, "previewed in Sitrep");
        Path copy = evidence.viewableCopy(item, elsewhere.resolve("view"));
        assertThat(copy.getFileName().toString()).isEqualTo("what we saw");
        assertThat(Files.readString(copy)).isEqualTo("502s from 14:20");
        assertThat(Files.getPosixFilePermissions(copy)).as("a read-only copy (root may still write: check the bits)")
                .doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        services.bundles().export(incident.id(), elsewhere.resolve("b.zip"), Bundles.WithSecrets.REFUSE);
        evidence.remove(item.id(), "duplicate of the status page note");

        List<AuditEntry> custody = evidence.custody(item);
        assertThat(custody).extracting(AuditEntry::action).containsExactly(EvidenceService.CAPTURED,
                EvidenceService.VIEWED, EvidenceService.VIEWED, Bundles.EXPORTED, EvidenceService.REMOVED);
        assertThat(custody.get(1).reason()).isEqualTo("previewed in Sitrep");
        assertThat(custody.get(2).reason()).isEqualTo("opened in the system viewer");
        assertThat(evidence.custody(other)).extracting(AuditEntry::action).containsExactly(EvidenceService.CAPTURED,
                Bundles.EXPORTED);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void addedToTheTimelineAtTheMomentItShows() {
        EvidenceItem item = evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "graph", "p99 at 4 s", null, null,
                List.of());
        Instant shows = Instant.parse("2026-11-22T14:20:00Z");
        evidence.addToTimeline(item, "p99 latency crossed 4 s", shows);
        TimelineEvent pinned = incidents.show(incident.id()).timeline().stream()
                .filter(e -> e.text().startsWith("p99 latency")).findFirst().orElseThrow();
        assertThat(pinned.occurredAt()).isEqualTo(shows);
        assertThat(pinned.type()).isEqualTo(EventType.EVIDENCE);
        assertThat(pinned.text()).contains("evidence: graph").contains(item.sha256().substring(0, 12));
        assertThat(pinned.data()).containsEntry("evidence", item.id());
    }
}
