package dev.sitrep.ui.killswitch;

import dev.sitrep.audit.AuditLog;
import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.killswitch.KillSwitchService;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.testing.DirectExecutor;
import dev.sitrep.testing.FaultyPlatform;
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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record matches reality: when a halt or resume fails in a way that leaves open whether the
 * platform carried it out, what the console says, the timeline entry and the audit entry all say
 * what reading the platform's state back shows, and one attempt is one entry of each.
 */
class OutcomeRecordTest {

    @TempDir
    Path dir;
    private Store store;
    private FaultyPlatform platform;
    private final ManualScheduler later = new ManualScheduler();
    private final TestClock clock = new TestClock(Instant.now());
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private Services services;
    private AuditLog audit;
    private Incident incident;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(dir);
        platform = FaultyPlatform.start();
        services = TestServices.on(store, "root").clock(clock).random(new Random(1)).connectors(platform::connector)
                .readBackScheduler(later).build();
        services.profiles().add(platform.profile("pn"));
        audit = services.audit();
        incident = services.incidents().declare(new Declaration("Agents sending duplicate refunds", "SEV2", null,
                List.of("pn"), null, false, null));
    }

    @AfterEach
    void close() throws Exception {
        platform.close();
        store.close();
    }

    /** Halts pn through the halt dialog; what it says about pn. */
    private String halt() {
        KillSwitchViewModel model = new KillSwitchViewModel(services.profiles(), services.killSwitch(),
                new DirectExecutor(), now::get, () -> Duration.ofMillis(1500));
        model.arm(null, List.of("pn"));
        model.reasonProperty().set("agents looping");
        model.beginHold();
        now.addAndGet(2_000_000_000L);
        model.holding();
        assertThat(model.outcomes()).singleElement().extracting(KillSwitchViewModel.Outcome::platform).isEqualTo("pn");
        return model.outcomes().get(0).text();
    }

    /** pn halted (confirmed), then resumed through the resume sheet; what the sheet says. */
    private String resume() {
        services.killSwitch().halt("pn", "agents looping", null);
        ResumeViewModel model = new ResumeViewModel(services.killSwitch(), new DirectExecutor());
        model.open("pn", PlatformKind.POWERNODE);
        model.rootCauseProperty().set(true);
        model.fixVerifiedProperty().set(true);
        model.reviewDoneProperty().set(true);
        model.summaryProperty().set("retry key added");
        model.approverProperty().set("sam");
        model.resume();
        return model.resultProperty().get();
    }

    private List<String> killSwitchTimeline() {
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
    void aHaltCarriedOutThenAnswered500IsHaltedConfirmedByReadBack() {
        platform.next("halt", Fault.CARRIED_OUT_THEN_500);
        String said = halt();
        assertThat(platform.sandbox().halted()).isTrue();
        assertThat(said).startsWith("HALTED (confirmed by read-back after: pn answered HTTP 500: Internal server error)")
                .contains("by Drill Commander");
        assertThat(killSwitchTimeline()).containsExactly("Kill switch HALTED on pn (confirmed by read-back after: pn "
                + "answered HTTP 500: Internal server error): agents looping");
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED);
        assertThat(newest().detail()).isEqualTo("confirmed by read-back after: pn answered HTTP 500: Internal server error");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void theDrillsResumeCarriedOutThenAnswered500IsResumedConfirmedByReadBack() {
        platform.next("resume", Fault.CARRIED_OUT_THEN_500);
        String said = resume();
        assertThat(platform.sandbox().halted()).isFalse();
        assertThat(said).startsWith("pn: RESUMED (confirmed by read-back after: pn answered HTTP 500").contains("30 minutes")
                .doesNotContain("still halted");
        assertThat(killSwitchTimeline()).hasSize(2).last().asString()
                .startsWith("Kill switch RESUMED on pn (full; confirmed by read-back after: pn answered HTTP 500");
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED, AuditEntry.RESET);
        assertThat(newest().detail()).contains("\"confirmed\":\"confirmed by read-back after: pn answered HTTP 500");
        assertThat(services.platformStates().get("pn").resumedAt()).as("the resume watch starts").isNotNull();
    }

    @Test
    void aHaltCarriedOutWhoseAnswerIsLostIsHaltedConfirmedByReadBack() {
        platform.next("halt", Fault.CARRIED_OUT_THEN_NO_ANSWER);
        String said = halt();
        assertThat(platform.sandbox().halted()).isTrue();
        assertThat(said).startsWith("HALTED (confirmed by read-back after: pn is unreachable or answered badly: no answer "
                + "in time");
        assertThat(killSwitchTimeline()).singleElement().asString()
                .startsWith("Kill switch HALTED on pn (confirmed by read-back after: pn is unreachable");
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED);
    }

    @Test
    void aResumeCarriedOutWhoseAnswerIsLostIsResumedConfirmedByReadBack() {
        platform.next("resume", Fault.CARRIED_OUT_THEN_NO_ANSWER);
        String said = resume();
        assertThat(platform.sandbox().halted()).isFalse();
        assertThat(said).startsWith("pn: RESUMED (confirmed by read-back after: pn is unreachable or answered badly: no "
                + "answer in time");
        assertThat(killSwitchTimeline()).last().asString().startsWith("Kill switch RESUMED on pn (full; confirmed by "
                + "read-back after: pn is unreachable");
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED, AuditEntry.RESET);
    }

    @Test
    void aHaltOrResumeCarriedOutWhoseConnectionDropsIsConfirmedByReadBack() {
        platform.next("halt", Fault.CARRIED_OUT_THEN_DROPPED);
        assertThat(halt()).startsWith("HALTED (confirmed by read-back after: pn is unreachable or answered badly: ");
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED);
        platform.next("resume", Fault.CARRIED_OUT_THEN_DROPPED);
        ResumeViewModel model = new ResumeViewModel(services.killSwitch(), new DirectExecutor());
        model.open("pn", PlatformKind.POWERNODE);
        model.rootCauseProperty().set(true);
        model.fixVerifiedProperty().set(true);
        model.reviewDoneProperty().set(true);
        model.summaryProperty().set("retry key added");
        model.approverProperty().set("sam");
        model.resume();
        assertThat(model.resultProperty().get()).startsWith("pn: RESUMED (confirmed by read-back after: ");
        assertThat(platform.sandbox().halted()).isFalse();
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED, AuditEntry.RESET);
    }

    @Test
    void aHaltAnswered500WithoutBeingCarriedOutIsFailedAndSaysTheStateReadBack() {
        platform.next("halt", Fault.NOT_CARRIED_OUT_500);
        String said = halt();
        assertThat(platform.sandbox().halted()).isFalse();
        assertThat(said).isEqualTo("FAILED: pn answered HTTP 500: Internal server error; read back: running, nothing was "
                + "halted");
        assertThat(killSwitchTimeline()).containsExactly("Kill switch halt on pn " + said);
        assertThat(actions()).containsExactly(AuditEntry.FAILED);
        assertThat(newest().detail()).isEqualTo("halt: pn answered HTTP 500: Internal server error; read back: running, "
                + "nothing was halted");
    }

    @Test
    void aResumeAnswered500WithoutBeingCarriedOutIsFailedAndStillHalted() {
        platform.next("resume", Fault.NOT_CARRIED_OUT_500);
        String said = resume();
        assertThat(platform.sandbox().halted()).isTrue();
        assertThat(said).startsWith("pn: FAILED: pn answered HTTP 500: Internal server error; read back: still halted\n"
                + "Run it by hand:\n");
        assertThat(killSwitchTimeline()).last().isEqualTo("Kill switch resume on pn FAILED: pn answered HTTP 500: "
                + "Internal server error; read back: still halted");
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED, AuditEntry.FAILED);
    }

    @Test
    void aResumeWhoseStateCannotBeReadBackIsUnknownUntilTheBackgroundReadFindsItResumed() {
        platform.next("resume", Fault.CARRIED_OUT_THEN_500);
        platform.statusReadsFail(true);
        String said = resume();
        assertThat(said).startsWith("pn: UNKNOWN, checking: pn answered HTTP 500: Internal server error; reading the state "
                + "back failed too: pn answered HTTP 500").contains("Sitrep keeps reading pn's state back")
                .doesNotContain("still halted").doesNotContain("RESUMED");
        assertThat(killSwitchTimeline()).last().asString().startsWith("Kill switch resume on pn UNKNOWN, checking: pn "
                + "answered HTTP 500");
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED, AuditEntry.UNKNOWN);
        long unknownSeq = newest().seq();

        later.runDue();
        assertThat(actions()).as("the platform still cannot be read: nothing new").hasSize(2);
        platform.statusReadsFail(false);
        later.runDue();
        assertThat(later.waiting()).as("known: no more reads").isZero();
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED, AuditEntry.UNKNOWN, AuditEntry.RESET);
        assertThat(newest().approver()).isEqualTo("sam");
        assertThat(newest().detail()).contains("the outcome had been unknown, audit #" + unknownSeq);
        assertThat(killSwitchTimeline()).last().asString()
                .startsWith("Kill switch RESUMED on pn (full; confirmed by read-back at ")
                .contains("the outcome had been unknown, audit #" + unknownSeq + " (entry " + audit.all().get(1).id()
                        + ")), approved by sam: retry key added");
        assertThat(services.platformStates().get("pn").resumedAt()).isNotNull();
        assertThat(audit.verify().intact()).as("the chain holds the UNKNOWN entry").isTrue();
    }

    @Test
    void aHaltWhoseStateCannotBeReadBackIsUnknownUntilAStatusReadFindsItNotHalted() {
        platform.next("halt", Fault.NOT_CARRIED_OUT_500);
        platform.statusReadsFail(true);
        String said = halt();
        assertThat(said).startsWith("UNKNOWN, checking: pn answered HTTP 500").doesNotContain("nothing was halted");
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN);
        assertThat(newest().detail()).contains("\"attempt\":\"halt\"").contains("\"readBack\":\"pn answered HTTP 500");

        platform.statusReadsFail(false);
        assertThat(services.killSwitch().status("pn").halted()).isFalse();
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN, AuditEntry.FAILED);
        AuditEntry unknown = audit.all().get(0);
        assertThat(killSwitchTimeline()).last().asString().startsWith("Kill switch halt on pn FAILED: the outcome had been "
                + "unknown, audit #" + unknown.seq() + " (entry " + unknown.id() + "); read back at ")
                .endsWith(": running, nothing was halted");
        assertThat(newest().detail()).as("the resolution names the attempt's entry").contains(unknown.id());
        later.runDue();
        assertThat(actions()).as("the background read finds nothing left to resolve").hasSize(2);
    }

    @Test
    void aReadBackThatNeverSucceedsGivesUpSayingSoAndTheAuditKeepsUnknown() {
        platform.next("halt", Fault.CARRIED_OUT_THEN_500);
        platform.statusReadsFail(true);
        halt();
        later.runDue();
        clock.advance(Duration.ofMinutes(16));
        later.runDue();
        assertThat(later.waiting()).isZero();
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN);
        assertThat(killSwitchTimeline()).last().asString().startsWith("Kill switch halt on pn still UNKNOWN after reading "
                + "it back for 15 minutes").contains("sitrep kill-switch status --platform pn");
    }

    @Test
    void aHaltStillUnderWayWhenReadBackIsUnknownUntilThePullFindsItHaltedAndNamesTheAttempt() {
        platform.next("halt", Fault.CARRIED_OUT_LATE);
        String said = halt();
        assertThat(said).startsWith("UNKNOWN, checking: pn is unreachable or answered badly: no answer in time")
                .contains("running, nothing was halted, and the halt may still be under way")
                .doesNotContain("FAILED");
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN);
        assertThat(killSwitchTimeline()).singleElement().asString().startsWith("Kill switch halt on pn UNKNOWN, checking");
        AuditEntry attempt = newest();

        services.pullLoop().pullOnce(services.profiles().get("pn"));
        assertThat(actions()).as("still running at the next pull: the halt may still be under way").hasSize(1);

        platform.carryOutHeld();
        services.pullLoop().pullOnce(services.profiles().get("pn"));
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN, AuditEntry.ACTIVATED);
        assertThat(newest().detail()).startsWith("confirmed by read-back at ")
                .contains("the outcome had been unknown, audit #" + attempt.seq() + " (entry " + attempt.id() + ")");
        assertThat(killSwitchTimeline()).filteredOn(t -> t.startsWith("Kill switch HALTED on pn (confirmed by read-back"))
                .singleElement().asString().contains("entry " + attempt.id());
        assertThat(services.platformStates().get("pn").halted()).isTrue();
        later.runDue();
        assertThat(later.waiting()).as("settled: the background reads stop").isZero();
        assertThat(actions()).hasSize(2);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aLostAnswerThePlatformNeverActsOnIsFailedFifteenMinutesLaterNamingTheAttempt() {
        platform.next("halt", Fault.CARRIED_OUT_LATE);
        halt();
        AuditEntry attempt = newest();
        clock.advance(Duration.ofMinutes(5));
        later.runDue();
        assertThat(actions()).as("five minutes on, it may still be under way").containsExactly(AuditEntry.UNKNOWN);
        clock.advance(Duration.ofMinutes(11));
        later.runDue();
        assertThat(actions()).containsExactly(AuditEntry.UNKNOWN, AuditEntry.FAILED);
        assertThat(newest().detail()).contains("audit #" + attempt.seq() + " (entry " + attempt.id() + ")")
                .contains("15 minutes after the answer was lost").endsWith("running, nothing was halted");
        assertThat(killSwitchTimeline()).last().asString().startsWith("Kill switch halt on pn FAILED: the outcome had been "
                + "unknown, audit #" + attempt.seq());
        assertThat(later.waiting()).isZero();
    }

    @Test
    void aResumeStillUnderWayIsUnknownUntilThePullFindsItResumedAndTheWatchStarts() {
        platform.next("resume", Fault.CARRIED_OUT_LATE);
        String said = resume();
        assertThat(said).startsWith("pn: UNKNOWN, checking").contains("still halted, and the resume may still be under way");
        assertThat(services.platformStates().get("pn").resumedAt()).isNull();
        platform.carryOutHeld();
        services.pullLoop().pullOnce(services.profiles().get("pn"));
        assertThat(actions()).containsExactly(AuditEntry.ACTIVATED, AuditEntry.UNKNOWN, AuditEntry.RESET);
        assertThat(newest().approver()).isEqualTo("sam");
        assertThat(services.platformStates().get("pn").resumedAt()).as("the resume watch starts").isNotNull();
    }

    @Test
    void aHaltThatNeverLeftSaysCertainlyNothingWasHaltedWithoutReadingBack() throws Exception {
        services.profiles().add(new dev.sitrep.core.PlatformProfile("gone", PlatformKind.POWERNODE, "http://127.0.0.1:9",
                null, SandboxServer.EMAIL, dev.sitrep.core.PlatformProfile.Environment.DEVELOPMENT, null, List.of(),
                Duration.ofSeconds(30)));
        KillSwitchService.Result r = services.killSwitch().halt("gone", "agents looping", null);
        assertThat(r.said()).startsWith("FAILED, nothing was halted: gone is unreachable or answered badly: cannot reach");
        assertThat(newest().detail()).startsWith("halt: gone is unreachable").doesNotContain("read back");
    }
}
