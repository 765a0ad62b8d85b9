package dev.sitrep.ui.killswitch;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
import dev.sitrep.store.Store;
import dev.sitrep.sync.PlatformStates;
import dev.sitrep.testing.DirectExecutor;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ContainViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private MockWebServer cullis;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private AuditLog audit;
    private ContainViewModel model;

    @BeforeEach
    void open() throws Exception {
        cullis = new MockWebServer();
        cullis.start(InetAddress.getLoopbackAddress(), 0);
        store = Store.open(dir);
        Profiles profiles = new Profiles(store, Clock.systemUTC(), () -> "maria");
        profiles.add(new PlatformProfile("cul", PlatformKind.CULLIS, cullis.url("/").toString(), null, null,
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30)));
        Secrets secrets = new Secrets(Map.of("SITREP_SECRET_CUL", "s3cret"), Secrets.Keychain.NONE, null);
        audit = new AuditLog(store, Clock.systemUTC());
        KillSwitchService service = new KillSwitchService(profiles, p -> profiles.connect(p, secrets), audit,
                new IncidentService(store, Clock.systemUTC(), () -> "maria", new Random(1)), new PlatformStates(store),
                () -> "maria");
        model = new ContainViewModel(profiles, service, new DirectExecutor(), now::get, () -> Duration.ofMillis(1500));
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
}
