package dev.sitrep.ui.killswitch;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.audit.AuditLog;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.platform.Profiles;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.TestServices;
import dev.sitrep.testing.QueueExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class KillSwitchViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private SandboxServer sandbox;
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private KillSwitchViewModel model;
    private AuditLog audit;
    private Services services;
    private Profiles profiles;
    private KillSwitchService service;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(dir);
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        services = TestServices.on(store, "maria").random(new Random(1))
                .variables(Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD)).build();
        profiles = services.profiles();
        service = services.killSwitch();
        for (String name : List.of("pn", "pn-b")) {
            profiles.add(new PlatformProfile(name, PlatformKind.POWERNODE, sandbox.url().toString(), null, SandboxServer.EMAIL,
                    PlatformProfile.Environment.DEVELOPMENT, null, List.of(), Duration.ofSeconds(30)));
        }
        profiles.add(new PlatformProfile("cul", PlatformKind.CULLIS, "http://127.0.0.1:9", null, null,
                PlatformProfile.Environment.DEVELOPMENT, null, List.of(), Duration.ofSeconds(30)));
        audit = services.audit();
        model = new KillSwitchViewModel(profiles, services.killSwitch(), new DirectExecutor(), now::get, () -> Duration.ofMillis(1500));
        model.arm(null, List.of("pn"));
    }

    @AfterEach
    void close() {
        sandbox.close();
        store.close();
    }

    private void holdFor(long millis) {
        model.beginHold();
        now.addAndGet(millis * 1_000_000);
        model.holding();
    }

    @Test
    void theIncidentsPlatformsArePreselectedAndAllIsNeverTheDefault() {
        assertThat(model.choices()).extracting(KillSwitchViewModel.Choice::name).containsExactly("pn", "pn-b");
        assertThat(model.choices()).filteredOn(c -> c.selected().get()).extracting(KillSwitchViewModel.Choice::name)
                .containsExactly("pn");
        assertThat(model.choices().get(0).haltMeans()).contains("New AI work stops");
    }

    @Test
    void holdingWithoutAReasonDoesNothing() {
        holdFor(2000);
        assertThat(model.status().failureProperty().get()).contains("needs a reason").doesNotContain("--");
        assertThat(sandbox.halted()).isFalse();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void releasingAtHalfTimeResetsWithNoSideEffect() {
        model.reasonProperty().set("agents looping");
        holdFor(750);
        assertThat(model.holdProgressProperty().get()).isEqualTo(0.5);
        model.release();
        assertThat(model.holdProgressProperty().get()).isZero();
        now.addAndGet(5_000_000_000L);
        model.holding();
        assertThat(sandbox.halted()).isFalse();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void theFullHoldHaltsAndReportsEachPlatform() {
        model.reasonProperty().set("agents looping");
        model.choices().get(1).selected().set(true);
        holdFor(1600);
        assertThat(sandbox.halted()).isTrue();
        assertThat(model.outcomes()).extracting(KillSwitchViewModel.Outcome::platform).containsExactly("pn", "pn-b");
        assertThat(model.outcomes().get(0).done()).isTrue();
        assertThat(model.outcomes().get(1).done()).as("no secret for pn-b").isFalse();
        assertThat(model.outcomes().get(1).text()).contains("SITREP_SECRET_PN_B");
        assertThat(model.outcomes().get(1).manualFallback()).contains("curl");
        assertThat(model.armedProperty().get()).as("one platform halted: disarmed").isFalse();
    }

    @Test
    void theHoldFollowsTheWorkspaceSetting() {
        KillSwitchViewModel slow = new KillSwitchViewModel(services.profiles(), null,
                new DirectExecutor(), now::get, () -> Duration.ofSeconds(3));
        slow.arm(null, List.of("pn"));
        assertThat(slow.hold()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theHoldSettingIsReadOnceOnAWorkerAndNeverWhileTheConfirmIsHeld() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        List<Thread> readers = new CopyOnWriteArrayList<>();
        try (QueueExecutor executor = new QueueExecutor()) {
            KillSwitchViewModel held = new KillSwitchViewModel(profiles, service, executor, now::get, () -> {
                reads.incrementAndGet();
                readers.add(Thread.currentThread());
                return Duration.ofSeconds(2);
            });
            held.arm(null, List.of("pn"));
            executor.runUntil(() -> !held.choices().isEmpty());
            held.reasonProperty().set("agents looping");
            held.beginHold();
            for (int frame = 0; frame < 60; frame++) {
                now.addAndGet(16_000_000L);
                held.holding();
            }
            assertThat(held.holdProgressProperty().get()).as("960 ms of the 2 s read").isCloseTo(0.48, within(1e-9));
            assertThat(reads).as("60 frames, one read when armed").hasValue(1);
            assertThat(readers).noneMatch(t -> t == Thread.currentThread());
            assertThat(sandbox.halted()).isFalse();
        }
    }

    @Test
    void theHoldSaysWhatIsMissingUntilItIsReadyThenHowToHold() {
        assertThat(model.holdReadyProperty().get()).isFalse();
        assertThat(model.holdLabelProperty().get()).isEqualTo("Needs: a reason (200 characters at most)");
        model.reasonProperty().set("agents looping");
        assertThat(model.holdReadyProperty().get()).isTrue();
        assertThat(model.holdLabelProperty().get()).isEqualTo("Hold Space or the mouse for 1.5 s to halt");
        model.choices().get(0).selected().set(false);
        assertThat(model.holdLabelProperty().get()).isEqualTo("Needs: a platform chosen");
        assertThat(model.clickHint()).isEqualTo("Hold, don't click: keep it pressed for 1.5 s");
        KillSwitchViewModel slow = new KillSwitchViewModel(profiles, service, new DirectExecutor(), now::get,
                () -> Duration.ofSeconds(2));
        slow.arm(null, List.of("pn"));
        slow.reasonProperty().set("agents looping");
        assertThat(slow.holdLabelProperty().get()).isEqualTo("Hold Space or the mouse for 2 s to halt");
        assertThat(slow.clickHint()).isEqualTo("Hold, don't click: keep it pressed for 2 s");
    }

    @Test
    void onceAPlatformIsHaltedTheBarSaysItIsDisarmed() {
        model.reasonProperty().set("agents looping");
        holdFor(1600);
        assertThat(model.holdReadyProperty().get()).isFalse();
        assertThat(model.holdLabelProperty().get()).startsWith("Needs: the kill switch opened again");
    }

    @Test
    void theReasonShowsItsLengthAgainstTheLimit() {
        model.reasonProperty().set("  agents looping ");
        assertThat(model.reasonCountProperty().get()).isEqualTo("14/200");
    }
}
