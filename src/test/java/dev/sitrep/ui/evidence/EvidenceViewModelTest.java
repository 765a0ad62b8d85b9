package dev.sitrep.ui.evidence;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.UiExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Evidence page's logic on a real store, real blob files and a fake system viewer. */
class EvidenceViewModelTest {

    @TempDir
    Path dir;
    @TempDir
    Path files;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T14:32:00Z"));
    private final List<Path> opened = new ArrayList<>();
    private Store store;
    private Services services;
    private IncidentService incidents;
    private EvidenceService evidence;
    private Incident incident;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).evidenceLimit(() -> 1L << 30)
                .build();
        incidents = services.incidents();
        evidence = services.evidence();
        incident = incidents.declare(Declaration.titled("Checkout 5xx"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EvidenceViewModel model(UiExecutor executor) {
        EvidenceViewModel model = new EvidenceViewModel(evidence, services.evidenceCaptures(), services.bundles(), incidents, services.profiles(),
                executor, opened::add, dir.resolve("evidence/opened"));
        model.loadIncidents(null);
        return model;
    }

    @Test
    void filesAndFoldersComeInAndAreFilteredByKindAndTag() throws Exception {
        EvidenceViewModel model = model(new DirectExecutor());
        assertThat(model.incidentProperty().get()).isEqualTo(incident.id());
        Path log = Files.writeString(files.resolve("gateway.txt"), "GET /checkout 502\n");
        Path folder = Files.createDirectories(files.resolve("pods"));
        Files.writeString(folder.resolve("a.txt"), "a");
        Files.writeString(folder.resolve("b.txt"), "b");
        model.addPaths(List.of(log, folder));
        assertThat(failed(model)).as(shown(model)).isFalse();
        assertThat(shown(model)).isEqualTo("Added 3 items (20 bytes).");
        assertThat(model.shownItems()).extracting(EvidenceItem::name).containsExactly("gateway.txt", "a.txt", "b.txt");

        evidence.addText(incident.id(), EvidenceItem.Kind.NOTE, "seen", "x", null, null, List.of("db"));
        model.onChanges(new ChangePoller.Changes(Set.of(incident.id().value()), false));
        assertThat(model.shownItems()).hasSize(4);
        assertThat(model.tags()).containsExactly("db");
        model.kindFilterProperty().set(EvidenceItem.Kind.NOTE);
        assertThat(model.shownItems()).extracting(EvidenceItem::name).containsExactly("seen");
        model.kindFilterProperty().set(null);
        model.tagFilterProperty().set("db");
        assertThat(model.shownItems()).extracting(EvidenceItem::name).containsExactly("seen");
    }

    @Test
    void aBundleIsExportedThenVerifiedAndATamperedOneIsCalledOut() throws Exception {
        EvidenceViewModel model = model(new DirectExecutor());
        model.addNote(null, "DB failover at 14:20");
        assertThat(model.suggestedBundleName()).isEqualTo(incident.id().value() + "-evidence.zip");
        Path zip = files.resolve(model.suggestedBundleName());
        model.exportBundle(zip);
        assertThat(shown(model)).startsWith("Exported 1 item to ");
        model.verifyBundle(zip);
        assertThat(failed(model)).isFalse();
        assertThat(shown(model)).startsWith("Intact: ").contains("holds 1 item");
        Path tampered = files.resolve("tampered.zip");
        try (var in = new java.util.zip.ZipFile(zip.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                byte[] bytes = in.getInputStream(e).readAllBytes();
                out.write(e.getName().startsWith("items/") ? "DB failover at 14:25".getBytes() : bytes);
                out.closeEntry();
            }
        }
        model.verifyBundle(tampered);
        assertThat(failed(model)).isTrue();
        assertThat(shown(model)).startsWith("NOT INTACT: tampered.zip");
    }

    @Test
    void anExportWithSecretsWaitsForTheCommandersChoice() throws Exception {
        EvidenceViewModel model = model(new DirectExecutor());
        model.addCommandOutput("env", "HOME=/root\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
        Path zip = files.resolve("bundle.zip");
        model.exportBundle(zip);
        assertThat(failed(model)).as(shown(model)).isFalse();
        assertThat(zip).doesNotExist();
        assertThat(shown(model)).isEqualTo("1 item holds secrets; nothing was exported yet.");
        assertThat(model.secretsWarningProperty().get().zip()).isEqualTo(zip);
        assertThat(model.secretsWarningProperty().get().flagged()).extracting(f -> f.item().name())
                .containsExactly("$ env");

        model.dismissSecretsWarning();
        assertThat(model.secretsWarningProperty().get()).isNull();
        assertThat(shown(model)).isEqualTo("Nothing was exported.");
        assertThat(zip).doesNotExist();

        model.exportBundle(zip);
        model.exportBundle(model.secretsWarningProperty().get().zip(), dev.sitrep.evidence.Bundles.WithSecrets.REDACTED);
        assertThat(model.secretsWarningProperty().get()).isNull();
        assertThat(shown(model)).startsWith("Exported 1 item to " + zip + ", redacted copies in place of $ env. ");
        assertThat(services.bundles().verify(zip).intact()).isTrue();
        assertThat(model.shownItems()).extracting(EvidenceItem::name).containsExactly("$ env", "$ env (redacted)");
    }

    @Test
    void aSnapshotWhoseBodyHoldsASecretSaysSo() throws Exception {
        com.sun.net.httpserver.HttpServer platform = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/", exchange -> {
            byte[] body = "{\"ok\": true, \"db\": {\"password\": \"hunter2\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        platform.start();
        try {
            EvidenceViewModel model = model(new DirectExecutor());
            dev.sitrep.core.PlatformProfile profile = new dev.sitrep.core.PlatformProfile("so1-prod",
                    dev.sitrep.core.PlatformKind.SO1, "http://127.0.0.1:" + platform.getAddress().getPort(), null, null,
                    dev.sitrep.core.PlatformProfile.Environment.PRODUCTION, null, List.of(), java.time.Duration.ofSeconds(30));
            model.snapshot(profile, "/v1/health");
            assertThat(failed(model)).as(shown(model)).isFalse();
            assertThat(shown(model)).startsWith("Kept so1-prod GET /v1/health 200 ")
                    .endsWith(" It holds secrets: select it to see where, and add a redacted copy.");
        } finally {
            platform.stop(0);
        }
    }

    @Test
    void aMissingFileIsAClearMessageAndNothingElseChanges() {
        EvidenceViewModel model = model(new DirectExecutor());
        model.addPaths(List.of(files.resolve("gone.txt")));
        assertThat(failed(model)).isTrue();
        assertThat(shown(model)).contains("gone.txt does not exist");
        assertThat(model.shownItems()).isEmpty();
        assertThat(model.status().busyProperty().get()).isFalse();
    }

    @Test
    void theChosenItemShowsItsPreviewSecretsAndCustodyAndViewingIsAudited() throws Exception {
        EvidenceViewModel model = model(new DirectExecutor());
        model.addCommandOutput("env", "HOME=/root\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n");
        assertThat(shown(model)).contains("holds secrets");
        EvidenceItem item = model.shownItems().get(0);
        model.selectedProperty().set(item);
        EvidenceViewModel.Detail d = model.detailProperty().get();
        assertThat(d.text()).startsWith("$ env\nHOME=/root");
        assertThat(d.secrets()).extracting(f -> f.line() + " " + f.kind()).containsExactly("3 AWS access key");
        assertThat(d.custody()).extracting(AuditEntry::action).containsExactly("CAPTURED", "VIEWED");

        model.selectedProperty().set(null);
        model.selectedProperty().set(item);
        assertThat(evidence.custody(item)).as("a preview is audited once per session").hasSize(2);

        model.openInViewer();
        assertThat(opened).hasSize(1);
        assertThat(Files.readString(opened.get(0))).isEqualTo(Files.readString(evidence.blob(item)));
        assertThat(evidence.custody(item)).extracting(AuditEntry::reason).last().isEqualTo("opened in the system viewer");

        model.addRedactedCopy();
        assertThat(model.shownItems()).hasSize(2);
        assertThat(model.shownItems().get(1).derivedFrom()).isEqualTo(item.id());

        model.selectedProperty().set(model.shownItems().get(0));
        model.remove("pasted into the wrong incident");
        assertThat(model.detailProperty().get().item().removed()).as("the detail shows the tombstone").isTrue();
        assertThat(model.selectedProperty().get().removedReason()).isEqualTo("pasted into the wrong incident");
    }

    @Test
    void aLogFileIsPreviewedByItsContentWhateverItsMediaTypeAndBinaryIsNot() throws Exception {
        EvidenceViewModel model = model(new DirectExecutor());
        Path log = Files.writeString(files.resolve("gateway.log"), "14:20:01 GET /checkout 502 upstream reset\n");
        Path binary = Files.write(files.resolve("core.log"), new byte[] {'c', 'o', 'r', 'e', 0, 1, 2});
        model.addPaths(List.of(log, binary));
        assertThat(failed(model)).as(shown(model)).isFalse();

        model.selectedProperty().set(model.shownItems().get(0));
        EvidenceViewModel.Detail d = model.detailProperty().get();
        assertThat(d.item().name()).isEqualTo("gateway.log");
        assertThat(d.hasText()).as("UTF-8 without NULs is text, media type " + d.item().mediaType()).isTrue();
        assertThat(d.text()).isEqualTo("14:20:01 GET /checkout 502 upstream reset\n");

        model.selectedProperty().set(model.shownItems().get(1));
        assertThat(model.detailProperty().get().hasText()).as("bytes with NULs are not text").isFalse();
    }

    @Test
    void aBigCaptureShowsProgressOffTheCallingThreadAndCancelStoresNothing() throws Exception {
        Path big = files.resolve("heap.hprof");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(256L << 20);
        }
        List<Double> progress = new ArrayList<>();
        ThreadExecutor executor = new ThreadExecutor();
        EvidenceViewModel model = model(executor);
        waitFor(() -> model.incidentProperty().get() != null);
        model.status().progressProperty().addListener((obs, was, now) -> {
            synchronized (progress) {
                progress.add(now.doubleValue());
            }
        });
        model.addPaths(List.of(big));
        assertThat(model.status().busyProperty().get()).as("the call returns at once; the work goes on").isTrue();
        waitFor(() -> {
            synchronized (progress) {
                return progress.stream().anyMatch(p -> p > 0);
            }
        });
        model.cancel();
        waitFor(() -> !model.status().busyProperty().get());
        waitFor(executor::idle); // the list is read again after the failure: let it finish before the store closes
        assertThat(failed(model)).isTrue();
        assertThat(shown(model)).contains("cancelled").contains("nothing was stored");
        assertThat(evidence.list(incident.id())).isEmpty();
        try (Stream<Path> left = Files.walk(dir.resolve("evidence"))) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached in 20 s");
            }
            Thread.sleep(5);
        }
    }

    /** Work on its own thread, callbacks right there (no FX thread in a unit test). */
    private static final class ThreadExecutor implements UiExecutor {
        private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

        boolean idle() {
            return running.get() == 0;
        }

        @Override
        public <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            running.incrementAndGet();
            return CompletableFuture.runAsync(() -> {
                try {
                    T result;
                    try {
                        result = work.call();
                    } catch (Exception | Error e) {
                        onFailure.accept(e);
                        return;
                    }
                    onSuccess.accept(result);
                } finally {
                    running.decrementAndGet();
                }
            });
        }

        @Override
        public void onFxThread(Runnable action) {
            action.run();
        }
    }

    /** The message line as the view shows it: the failure, else what was done. */
    private static String shown(EvidenceViewModel m) {
        return m.status().failureOr(m.noticeProperty()).get();
    }

    private static boolean failed(EvidenceViewModel m) {
        return !m.status().failureProperty().get().isEmpty();
    }
}
