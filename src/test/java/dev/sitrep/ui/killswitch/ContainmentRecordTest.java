package dev.sitrep.ui.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.FaultyCullis;
import dev.sitrep.testing.FaultyPlatform.Fault;
import dev.sitrep.testing.ManualScheduler;
import dev.sitrep.testing.TestClock;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Containment's record matches the broker: when revoking a certificate fails in a way that leaves
 * open whether the broker did it, what the contain dialog says, the timeline and the audit trail
 * say what the broker's list of revoked certificates shows, now or when it is read later.
 */
class ContainmentRecordTest {

    @TempDir
    Path dir;
    private Store store;
    private FaultyCullis broker;
    private final ManualScheduler later = new ManualScheduler();
    private final TestClock clock = new TestClock(Instant.now());
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private Services services;
    private AuditLog audit;
    private Incident incident;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(dir);
        broker = FaultyCullis.start();
        services = TestServices.on(store, "maria").clock(clock).random(new Random(1)).connectors(broker::connector)
                .readBackScheduler(later).build();
        services.profiles().add(broker.profile("cul"));
        audit = services.audit();
        incident = services.incidents().declare(new Declaration("Agent key leaked", "SEV1", null, List.of("cul"), null,
                false, null));
    }

    @AfterEach
    void close() throws Exception {
        broker.close();
        store.close();
    }

    /** Revokes acme's certificate 0a1b2c through the contain dialog; what the dialog says. */
    private String revoke() {
        ContainViewModel model = new ContainViewModel(services.profiles(), services.killSwitch(), new DirectExecutor(),
                now::get, () -> Duration.ofMillis(1500));
        model.arm();
        model.orgProperty().set("acme");
        model.serialProperty().set("0a1b2c");
        model.reasonProperty().set("agent key leaked in a log");
        model.beginHold();
        now.addAndGet(2_000_000_000L);
        model.holding();
        return model.resultProperty().get();
    }

    private List<String> timeline() {
        return services.incidents().show(incident.id()).timeline().stream().filter(e -> e.type() == EventType.KILL_SWITCH)
                .map(TimelineEvent::text).toList();
    }

    private List<String> actions() {
        return audit.all().stream().map(AuditEntry::action).toList();
    }

    private AuditEntry newest() {
        List<AuditEntry> all = audit.all();
        return all.get(all.size() - 1);
    }

    @Test
    void aRevocationCarriedOutThenAnswered500IsRevokedConfirmedByReadBack() {
        broker.next(Fault.CARRIED_OUT_THEN_500);
        String said = revoke();
        assertThat(broker.isRevoked("0a1b2c")).isTrue();
        assertThat(said).startsWith("Revoked certificate 0a1b2c of acme on cul");
        assertThat(actions()).containsExactly(AuditEntry.CONTAINED);
        assertThat(newest().detail()).startsWith("revoked certificate 0a1b2c of acme (confirmed by read-back after: cul "
                + "answered HTTP 500: Internal Server Error)");
        assertThat(timeline()).singleElement().asString().startsWith("Contained on cul: revoked certificate 0a1b2c of acme "
                + "(confirmed by read-back after: cul answered HTTP 500");
    }

    @Test
    void aRevocationWhoseAnswerIsLostIsRevokedConfirmedByReadBack() {
        broker.next(Fault.CARRIED_OUT_THEN_NO_ANSWER);
        revoke();
        assertThat(actions()).containsExactly(AuditEntry.CONTAINED);
        assertThat(newest().detail()).contains("confirmed by read-back after: cul is unreachable or answered badly: no "
                + "answer in time");
    }

    @Test
    void aRevocationWhoseConnectionDropsIsRevokedConfirmedByReadBack() {
        broker.next(Fault.CARRIED_OUT_THEN_DROPPED);
        revoke();
        assertThat(broker.isRevoked("0a1b2c")).isTrue();
        assertThat(actions()).containsExactly(AuditEntry.CONTAINED);
        assertThat(newest().detail()).contains("confirmed by read-back after: cul is unreachable or answered badly");
    }

    @Test
    void aRevocationAnswered500WithoutBeingCarriedOutIsFailedAndSaysSo() {
        broker.next(Fault.NOT_CARRIED_OUT_500);
        String said = revoke();
        assertThat(broker.isRevoked("0a1b2c")).isFalse();
        assertThat(said).isEqualTo("FAILED: cul answered HTTP 500: Internal Server Error; read back: not revoked");
        assertThat(actions()).containsExactly(AuditEntry.FAILED);
        assertThat(timeline()).containsExactly("Containment on cul " + said);
    }

    @Test
    void aRevocationStillUnderWayIsUnknownUntilTheBackgroundReadFindsItRevokedNamingTheAttempt() {
        broker.next(Fault.CARRIED_OUT_LATE);
        String said = revoke();
        assertThat(said).startsWith("UNKNOWN, checking: cul is unreachable or answered badly: no answer in time")
                .contains("not revoked yet, and the broker may still be at it").doesNotContain("FAILED");
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN);
        AuditEntry attempt = newest();
        later.runDue();
        assertThat(actions()).as("not revoked yet, and only just asked").hasSize(1);
        broker.carryOutHeld();
        later.runDue();
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN, AuditEntry.CONTAINED);
        assertThat(newest().detail()).contains("audit #" + attempt.seq() + " (entry " + attempt.id() + ")");
        assertThat(timeline()).last().asString().startsWith("Contained on cul: revoked certificate 0a1b2c of acme "
                + "(confirmed by read-back at ");
        assertThat(later.waiting()).isZero();
    }

    @Test
    void aRevocationWhoseListCannotBeReadIsUnknownUntilThePullReadsIt() {
        broker.next(Fault.CARRIED_OUT_THEN_500);
        broker.listingFails(true);
        String said = revoke();
        assertThat(said).startsWith("UNKNOWN, checking: cul answered HTTP 500")
                .contains("reading the revoked certificates back failed too");
        AuditEntry attempt = newest();
        broker.listingFails(false);
        services.pullLoop().pullOnce(services.profiles().get("cul"));
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN, AuditEntry.CONTAINED);
        assertThat(newest().detail()).contains("(entry " + attempt.id() + ")");
        later.runDue();
        assertThat(actions()).as("the background read finds it settled").hasSize(2);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aLongRefusalIsAuditedCutShortWithTheManualRequest() {
        broker.next(Fault.REFUSED_403);
        broker.errorText("denied: " + "x".repeat(10_000));
        ContainViewModel model = new ContainViewModel(services.profiles(), services.killSwitch(), new DirectExecutor(),
                now::get, () -> Duration.ofMillis(1500));
        model.arm();
        model.orgProperty().set("acme");
        model.serialProperty().set("0a1b2c");
        model.reasonProperty().set("agent key leaked in a log");
        model.beginHold();
        now.addAndGet(2_000_000_000L);
        model.holding();
        assertThat(model.resultProperty().get()).startsWith("FAILED, nothing was revoked: cul refused (HTTP 403): denied: ")
                .contains("characters in all").hasSizeLessThan(700);
        assertThat(model.fallbackProperty().get()).contains("/v1/admin/certs/revoke");
        assertThat(actions()).containsExactly(AuditEntry.FAILED);
        assertThat(timeline()).singleElement().asString().startsWith("Containment on cul FAILED, nothing was revoked");
    }
}
