package dev.sitrep.evidence;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bundles written from a real store, then tampered with entry by entry. */
class BundlesTest {

    @TempDir
    Path dir;
    @TempDir
    Path out;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private Store store;
    private AuditLog audit;
    private Bundles bundles;
    private Incident incident;
    private EvidenceItem log;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1))
                .evidenceLimit(() -> 1 << 20).build();
        IncidentService incidents = services.incidents();
        audit = services.audit();
        EvidenceService evidence = services.evidence();
        bundles = services.bundles();
        incident = incidents.declare(Declaration.titled("Key leaked"));
        log = evidence.addText(incident.id(), EvidenceItem.Kind.TEXT, "gateway.log", "GET / 200\n", "/var/log/gw", null,
                List.of());
        evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "note", "rotated the key at 14:40", null, null, List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Copies {@code from} into a new zip, dropping or changing one entry and maybe adding another. */
    private Path copyWith(Path from, String name, String dropOrChange, boolean change, String extraName,
                          String extraText) throws IOException {
        Path to = out.resolve(name);
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : zip.stream().toList()) {
                if (e.getName().equals(dropOrChange)) {
                    if (change) {
                        z.putNextEntry(new ZipEntry(e.getName()));
                        z.write("GET / 500\n".getBytes(StandardCharsets.UTF_8));
                        z.closeEntry();
                    }
                    continue;
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                zip.getInputStream(e).transferTo(z);
                z.closeEntry();
            }
            if (extraName != null) {
                z.putNextEntry(new ZipEntry(extraName));
                z.write(extraText.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return to;
    }

    @Test
    void anExportedBundleVerifiesAndItsExportIsOnTheChain() {
        Path zip = out.resolve("bundle.zip");
        assertThat(bundles.export(incident.id(), zip)).isEqualTo(2);
        Bundles.Verification v = bundles.verify(zip);
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.items()).isEqualTo(2);
        assertThat(audit.all()).extracting(a -> a.action()).containsExactly("CAPTURED", "CAPTURED", Bundles.EXPORTED);
        assertThatThrownBy(() -> bundles.export(incident.id(), zip)).hasMessageContaining("already exists");
    }

    @Test
    void aChangedARemovedAndAnAddedEntryAreEachNamed() throws Exception {
        Path zip = out.resolve("bundle.zip");
        bundles.export(incident.id(), zip);
        String entry = "items/" + log.sha256();

        assertThat(bundles.verify(copyWith(zip, "changed.zip", entry, true, null, null)).problems())
                .singleElement().asString().startsWith(entry + " (gateway.log): changed");
        assertThat(bundles.verify(copyWith(zip, "removed.zip", entry, false, null, null)).problems())
                .singleElement().asString().startsWith(entry + " (gateway.log): removed");
        String extra = "items/" + "0".repeat(64);
        assertThat(bundles.verify(copyWith(zip, "added.zip", null, false, extra, "planted")).problems())
                .singleElement().asString().isEqualTo(extra + ": added, not in the manifest");
    }

    @Test
    void aTraversalEntryIsRefusedAndNothingIsWrittenAnywhere() throws Exception {
        Path zip = out.resolve("bundle.zip");
        bundles.export(incident.id(), zip);
        Path evil = copyWith(zip, "evil.zip", null, false, "../../etc/sitrep-owned", "planted");
        List<Path> before;
        try (Stream<Path> s = Files.walk(out.getParent(), 1)) {
            before = s.toList();
        }
        Bundles.Verification v = bundles.verify(evil);
        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.startsWith("../../etc/sitrep-owned: refused"));
        try (Stream<Path> s = Files.walk(out.getParent(), 1)) {
            assertThat(s.toList()).containsExactlyInAnyOrderElementsOf(before);
        }
        assertThat(Files.exists(Path.of("/etc/sitrep-owned"))).isFalse();
    }

    @Test
    void aVerifiedBundleImportsOntoAnotherIncidentOnceAndATamperedOneNotAtAll() throws Exception {
        Path zip = out.resolve("bundle.zip");
        bundles.export(incident.id(), zip);
        Services lee = TestServices.on(store, "lee").clock(clock).random(new Random(2)).evidenceLimit(() -> 1 << 20)
                .build();
        IncidentService incidents = lee.incidents();
        Incident other = incidents.declare(Declaration.titled("Same leak, seen by the security team"));

        List<EvidenceItem> added = bundles.importInto(zip, other.id());
        assertThat(added).extracting(EvidenceItem::sha256).contains(log.sha256());
        assertThat(added).allSatisfy(e -> assertThat(e.source()).startsWith("bundle bundle.zip, item "));
        assertThat(bundles.importInto(zip, other.id())).as("already there: skipped").isEmpty();

        Path changed = copyWith(zip, "changed.zip", "items/" + log.sha256(), true, null, null);
        Incident third = incidents.declare(Declaration.titled("Third"));
        assertThatThrownBy(() -> bundles.importInto(changed, third.id())).hasMessageContaining("not intact")
                .hasMessageContaining("nothing was imported");
        assertThat(lee.evidence().list(third.id())).isEmpty();
    }
}
