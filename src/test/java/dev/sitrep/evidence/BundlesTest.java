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
    private EvidenceService evidence;
    private Incident incident;
    private EvidenceItem log;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").clock(clock).random(new Random(1))
                .evidenceLimit(() -> 1 << 20).build();
        IncidentService incidents = services.incidents();
        audit = services.audit();
        evidence = services.evidence();
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
        assertThat(bundles.export(incident.id(), zip, Bundles.WithSecrets.REFUSE).items()).isEqualTo(2);
        Bundles.Verification v = bundles.verify(zip);
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.items()).isEqualTo(2);
        assertThat(audit.all()).extracting(a -> a.action()).containsExactly("CAPTURED", "CAPTURED", Bundles.EXPORTED);
        assertThatThrownBy(() -> bundles.export(incident.id(), zip, Bundles.WithSecrets.REFUSE)).hasMessageContaining("already exists");
    }

    @Test
    void aChangedARemovedAndAnAddedEntryAreEachNamed() throws Exception {
        Path zip = out.resolve("bundle.zip");
        bundles.export(incident.id(), zip, Bundles.WithSecrets.REFUSE);
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
        bundles.export(incident.id(), zip, Bundles.WithSecrets.REFUSE);
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
        bundles.export(incident.id(), zip, Bundles.WithSecrets.REFUSE);
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

    /** The text of the bundle's entry for the item named {@code name} in its manifest. */
    private static String entryText(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            com.fasterxml.jackson.databind.JsonNode manifest = dev.sitrep.core.Json.MAPPER.readTree(
                    file.getInputStream(file.getEntry(Bundles.MANIFEST)));
            for (com.fasterxml.jackson.databind.JsonNode item : manifest.path("items")) {
                if (item.path("name").asText().equals(name)) {
                    return new String(file.getInputStream(file.getEntry(item.path("path").asText())).readAllBytes(),
                            StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no item " + name + " in " + zip);
    }

    @Test
    void anItemWithSecretsIsRefusedThenReplacedByItsRedactedCopyOrKeptAsChosen() throws Exception {
        EvidenceItem leak = evidence.addText(incident.id(), EvidenceItem.Kind.TEXT, "env dump",
                "HOME=/root\nDB_PASSWORD=hunter2\n", null, null, List.of());
        Path refused = out.resolve("refused.zip");
        assertThatThrownBy(() -> bundles.export(incident.id(), refused, Bundles.WithSecrets.REFUSE))
                .isInstanceOfSatisfying(Bundles.SecretsFound.class, e -> assertThat(e.flagged())
                        .extracting(f -> f.item().name()).containsExactly("env dump"))
                .hasMessageContaining("env dump (" + leak.id().substring(0, 8) + ": password on line 2)");
        assertThat(refused).doesNotExist();
        assertThat(audit.all()).extracting(a -> a.action()).doesNotContain(Bundles.EXPORTED);

        Path redacted = out.resolve("redacted.zip");
        Bundles.Exported exported = bundles.export(incident.id(), redacted, Bundles.WithSecrets.REDACTED);
        assertThat(exported.items()).isEqualTo(3);
        assertThat(exported.replaced()).singleElement().satisfies(r -> {
            assertThat(r.original().id()).isEqualTo(leak.id());
            assertThat(r.copy().derivedFrom()).isEqualTo(leak.id());
        });
        assertThat(bundles.verify(redacted).intact()).isTrue();
        assertThat(entryText(redacted, "env dump (redacted)")).isEqualTo("HOME=/root\nDB_PASSWORD=[REDACTED: password]\n");
        try (ZipFile file = new ZipFile(redacted.toFile())) {
            assertThat(file.getEntry("items/" + leak.sha256())).as("the original stays out").isNull();
            assertThat(new String(file.getInputStream(file.getEntry(Bundles.MANIFEST)).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"withheld\" : [ {\n    \"id\" : \"" + leak.id() + "\"")
                    .contains("\"redactedCopy\" : \"" + exported.replaced().get(0).copy().id() + "\"");
        }
        assertThat(audit.all().get(audit.all().size() - 1).detail()).endsWith("; redacted copies in place of env dump");

        Path again = out.resolve("again.zip");
        assertThat(bundles.export(incident.id(), again, Bundles.WithSecrets.REDACTED).replaced().get(0).copy().id())
                .as("the copy made last time is used again").isEqualTo(exported.replaced().get(0).copy().id());
        assertThat(evidence.list(incident.id())).hasSize(4);

        Path kept = out.resolve("kept.zip");
        Bundles.Exported originals = bundles.export(incident.id(), kept, Bundles.WithSecrets.ORIGINALS);
        assertThat(originals.items()).isEqualTo(4);
        assertThat(originals.withSecrets()).extracting(f -> f.item().id()).containsExactly(leak.id());
        assertThat(entryText(kept, "env dump")).contains("DB_PASSWORD=hunter2");
        assertThat(audit.all().get(audit.all().size() - 1).detail()).endsWith("; secrets kept in env dump");
    }
}
