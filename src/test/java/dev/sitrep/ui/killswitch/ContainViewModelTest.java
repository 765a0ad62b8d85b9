package dev.sitrep.ui.killswitch;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.platform.Profiles;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestServices;
import dev.sitrep.testing.QueueExecutor;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ContainViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private MockWebServer cullis;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private AuditLog audit;
    private ContainViewModel model;
    private Profiles profiles;
    private KillSwitchService service;

    @BeforeEach
    void open() throws Exception {
        cullis = new MockWebServer();
        cullis.start(InetAddress.getLoopbackAddress(), 0);
        store = Store.open(dir);
        Services services = TestServices.on(store, "maria").random(new Random(1))
                .variables(Map.of("SITREP_SECRET_CUL", "s3cret")).build();
        profiles = services.profiles();
        service = services.killSwitch();
        profiles.add(new PlatformProfile("cul", PlatformKind.CULLIS, cullis.url("/").toString(), null, null,
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30)));
        audit = services.audit();
        model = new ContainViewModel(profiles, services.killSwitch(), new DirectExecutor(), now::get, () -> Duration.ofMillis(1500));
        model.arm();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        cullis.shutdown();
    }

    private void fill() {
        model.orgProperty().set("acme");
        model.serialProperty().set("0a1b2c");
        model.reasonProperty().set("agent key leaked in a log");
    }

    private void holdFor(long millis) {
        model.beginHold();
        now.addAndGet(millis * 1_000_000);
        model.holding();
    }

    @Test
    void theBrokerIsPreselectedWhenThereIsOne() {
        assertThat(model.platforms()).containsExactly("cul");
        assertThat(model.platformProperty().get()).isEqualTo("cul");
    }

    @Test
    void anEarlyReleaseRevokesNothing() {
        fill();
        holdFor(700);
        model.release();
        now.addAndGet(5_000_000_000L);
        model.holding();
        assertThat(cullis.getRequestCount()).isZero();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void theFullHoldRevokesAndIsAudited() {
        cullis.enqueue(new MockResponse().setBody("{\"serial_hex\":\"0a1b2c\",\"org_id\":\"acme\",\"revoked_at\":"
                + "\"2026-11-22T14:40:00Z\",\"agent_id\":\"a\",\"reason\":\"r\",\"message\":\"revoked\"}"));
        fill();
        holdFor(1600);
        assertThat(cullis.getRequestCount()).isEqualTo(1);
        assertThat(model.resultProperty().get()).contains("Revoked certificate 0a1b2c of acme");
        assertThat(audit.all()).extracting(AuditEntry::action).containsExactly(AuditEntry.CONTAINED);
    }

    @Test
    void aRefusalShowsTheBrokersWordsAndTheManualRequest() {
        cullis.enqueue(new MockResponse().setResponseCode(403).setBody("{\"detail\":\"Invalid admin secret\"}"));
        fill();
        holdFor(1600);
        assertThat(model.resultProperty().get()).contains("Invalid admin secret");
        assertThat(model.fallbackProperty().get()).contains("x-admin-secret: $SITREP_SECRET_CUL").doesNotContain("s3cret");
    }

    @Test
    void missingFieldsAreNamedBeforeAnyHold() {
        model.reasonProperty().set("leak");
        holdFor(1600);
        assertThat(model.status().failureProperty().get()).contains("organisation");
        assertThat(cullis.getRequestCount()).isZero();
    }

    @Test
    void theHoldSettingIsReadOnceOnAWorkerAndNeverWhileTheConfirmIsHeld() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        List<Thread> readers = new CopyOnWriteArrayList<>();
        try (QueueExecutor executor = new QueueExecutor()) {
            ContainViewModel held = new ContainViewModel(profiles, service, executor, now::get, () -> {
                reads.incrementAndGet();
                readers.add(Thread.currentThread());
                return Duration.ofSeconds(2);
            });
            held.arm();
            executor.runUntil(() -> held.platformProperty().get() != null);
            held.orgProperty().set("acme");
            held.serialProperty().set("0a1b2c");
            held.reasonProperty().set("agent key leaked in a log");
            held.beginHold();
            for (int frame = 0; frame < 60; frame++) {
                now.addAndGet(16_000_000L);
                held.holding();
            }
            assertThat(held.holdProgressProperty().get()).as("960 ms of the 2 s read").isCloseTo(0.48, within(1e-9));
            assertThat(reads).as("60 frames, one read when armed").hasValue(1);
            assertThat(readers).noneMatch(t -> t == Thread.currentThread());
            assertThat(cullis.getRequestCount()).isZero();
        }
    }
}
