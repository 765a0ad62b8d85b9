package dev.sitrep.evidence;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.SitrepException;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evidence on a real store and real files: hashes, storage once, custody, and nothing half-stored. */
class EvidenceServiceTest {

    @TempDir
    Path dir;
    @TempDir
    Path files;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Store store;
    private IncidentService incidents;
    private AuditLog audit;
    private EvidenceService evidence;
    private Incident incident;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1))
                .evidenceLimit(() -> 1 << 20).build();
        incidents = services.incidents();
        audit = services.audit();
        evidence = services.evidence();
        incident = incidents.declare(Declaration.titled("Key leaked in logs"));
    }

    private EvidenceService service(long limit) {
        return TestServices.on(store, "maria").clock(clock).evidenceLimit(() -> limit).build().evidence();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long blobCount() throws IOException {
        Path root = dir.resolve("evidence/sha256");
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void hashesMatchTheKnownVectors() {
        assertThat(evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "empty", "", null, null, List.of()).sha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "abc", "abc", null, null, List.of()).sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aFileIsStoredOnceWithItsCustodyOnTheAuditChainAndALineOnTheTimeline() throws Exception {
        Path log = files.resolve("gateway log (14h).txt");
        Files.writeString(log, "GET /health 200\n".repeat(5000));
        List<Long> progress = new ArrayList<>();
        EvidenceItem first = evidence.addFile(incident.id(), log, "gateway access log", List.of("logs"),
                (done, total) -> progress.add(done), () -> false);
        EvidenceItem second = evidence.addFile(incident.id(), log, null, List.of(), BlobStore.Progress.NONE, () -> false);

        assertThat(first.size()).isEqualTo(Files.size(log));
        assertThat(first.sha256()).isEqualTo(second.sha256());
        assertThat(first.capturedBy()).isEqualTo("maria");
        assertThat(first.source()).endsWith("gateway log (14h).txt");
        assertThat(first.tags()).containsExactly("logs");
        assertThat(blobCount()).as("identical content is stored once").isEqualTo(1);
        assertThat(Files.readString(evidence.blob(first))).isEqualTo(Files.readString(log));
        assertThat(progress).isSorted().last().isEqualTo(Files.size(log));
        assertThat(evidence.list(incident.id())).extracting(EvidenceItem::id).containsExactly(first.id(), second.id());
        assertThat(audit.all()).filteredOn(e -> e.action().equals(EvidenceService.CAPTURED)).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.actor()).isEqualTo("maria");
                    assertThat(e.detail()).contains("sha256=" + first.sha256());
                    assertThat(e.incidentId()).isEqualTo(incident.id().value());
                });
        assertThat(incidents.show(incident.id()).timeline()).anyMatch(t -> t.type() == EventType.EVIDENCE
                && t.text().startsWith("Evidence captured: gateway log (14h).txt"));
    }

    @Test
    void removalIsATombstoneOnTheChainAndTheBytesStay() {
        EvidenceItem item = evidence.addText(incident.id(), EvidenceItem.Kind.COMMAND_OUTPUT, "kubectl get pods",
                "NAME READY\napi-1 0/1", "kubectl get pods -n api", null, List.of());
        assertThatThrownBy(() -> evidence.remove(item.id(), " ")).isInstanceOf(SitrepException.class);
        EvidenceItem removed = evidence.remove(item.id(), "captured on the wrong incident");
        assertThat(removed.removed()).isTrue();
        assertThat(removed.removedBy()).isEqualTo("maria");
        assertThat(Files.exists(evidence.blob(item))).isTrue();
        assertThatThrownBy(() -> evidence.remove(item.id(), "again")).hasMessageContaining("already removed");
        assertThat(audit.all()).extracting(AuditEntry::action).containsExactly(EvidenceService.CAPTURED,
                EvidenceService.REMOVED);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void overTheLimitAFailingReadOrACancelStoreNothing() throws Exception {
        EvidenceService small = service(10);
        Path big = files.resolve("big.bin");
        Files.write(big, new byte[11]);
        assertThatThrownBy(() -> small.addFile(incident.id(), big, null, List.of(), BlobStore.Progress.NONE, () -> false))
                .hasMessageContaining("larger than the evidence limit of").hasMessageContaining("nothing was stored");

        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ > 1000) {
                    throw new IOException("the disk went away");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> evidence.add(incident.id(), EvidenceItem.Kind.FILE, "vanishing.log", "text/plain",
                "/var/log/vanishing.log", null, List.of(), () -> failing, 5000, BlobStore.Progress.NONE, () -> false))
                .hasMessageContaining("vanishing.log").hasMessageContaining("nothing was stored");

        Path log = files.resolve("cancel.log");
        Files.writeString(log, "line\n".repeat(100_000));
        assertThatThrownBy(() -> evidence.addFile(incident.id(), log, null, List.of(), BlobStore.Progress.NONE, () -> true))
                .hasMessageContaining("cancelled");

        assertThat(blobCount()).as("no blob and no leftover part file").isZero();
        assertThat(evidence.list(incident.id())).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void oddFilesGetAClearAnswer() throws Exception {
        Path empty = files.resolve("empty.txt");
        Files.createFile(empty);
        assertThat(evidence.addFile(incident.id(), empty, null, List.of(), BlobStore.Progress.NONE, () -> false).size())
                .isZero();
        Path odd = files.resolve("Ünïcode ✓ name;rm -rf.txt");
        Files.writeString(odd, "ok");
        assertThat(evidence.addFile(incident.id(), odd, null, List.of(), BlobStore.Progress.NONE, () -> false).name())
                .isEqualTo("Ünïcode ✓ name;rm -rf.txt");
        assertThatThrownBy(() -> evidence.addFile(incident.id(), files, null, List.of(), BlobStore.Progress.NONE,
                () -> false)).hasMessageContaining("not a regular file");
        assertThatThrownBy(() -> evidence.addFile(incident.id(), files.resolve("gone.txt"), null, List.of(),
                BlobStore.Progress.NONE, () -> false)).hasMessageContaining("does not exist");
    }

    @Test
    void aTextItemWithSecretsGetsARedactedCopyBesideTheUnchangedOriginal() throws Exception {
        String leaked = "2026-11-22T14:30:02Z DEBUG env AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nGET / 200\n";
        EvidenceItem original = evidence.addText(incident.id(), EvidenceItem.Kind.TEXT, "env dump", leaked, null, null,
                List.of("secrets"));
        assertThat(evidence.scan(original)).extracting(SecretScanner.Finding::kind).containsExactly("AWS access key");
        EvidenceItem copy = evidence.addRedactedCopy(original);
        assertThat(copy.derivedFrom()).isEqualTo(original.id());
        assertThat(copy.name()).isEqualTo("env dump (redacted)");
        assertThat(evidence.scan(copy)).isEmpty();
        assertThat(Files.readString(evidence.blob(original))).isEqualTo(leaked);
        assertThat(evidence.list(incident.id())).filteredOn(e -> original.id().equals(e.derivedFrom())).hasSize(1);
    }

    @Test
    void aFolderComesInFileByFileAndALinkLoopCannotTrapIt() throws Exception {
        Path folder = files.resolve("var-log");
        Files.createDirectories(folder.resolve("nginx"));
        Files.writeString(folder.resolve("syslog"), "boot\n");
        Files.writeString(folder.resolve("nginx/access.log"), "GET / 200\n");
        Files.createSymbolicLink(folder.resolve("nginx/loop"), folder);
        Files.createSymbolicLink(folder.resolve("passwd"), Path.of("/etc/passwd"));

        EvidenceService.FolderAdded added = evidence.addFolder(incident.id(), folder, null, List.of(),
                BlobStore.Progress.NONE, () -> false);
        assertThat(added.items()).extracting(EvidenceItem::name).containsExactly("access.log", "syslog");
        assertThat(added.skipped()).containsExactlyInAnyOrder("nginx/loop: a symbolic link, not followed",
                "passwd: a symbolic link, not followed");
        assertThatThrownBy(() -> evidence.addFolder(incident.id(), folder.resolve("syslog"), null, List.of(),
                BlobStore.Progress.NONE, () -> false)).hasMessageContaining("not a folder");
    }
}
