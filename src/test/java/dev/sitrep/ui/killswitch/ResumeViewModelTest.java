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

import static org.assertj.core.api.Assertions.assertThat;

class ResumeViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private SandboxServer sandbox;
    private KillSwitchService service;
    private AuditLog audit;
    private ResumeViewModel model;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(dir);
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        Services services = TestServices.on(store, "maria").random(new Random(1))
                .variables(Map.of("SITREP_SECRET_PN", SandboxServer.PASSWORD)).build();
        Profiles profiles = services.profiles();
        profiles.add(new PlatformProfile("pn", PlatformKind.POWERNODE, sandbox.url().toString(), null, SandboxServer.EMAIL,
                PlatformProfile.Environment.DEVELOPMENT, null, List.of(), Duration.ofSeconds(30)));
        audit = services.audit();
        service = services.killSwitch();
        service.halt("pn", "agents looping", null);
        model = new ResumeViewModel(service, new DirectExecutor());
        model.open("pn", PlatformKind.POWERNODE);
    }

    @AfterEach
    void close() {
        sandbox.close();
        store.close();
    }

    @Test
    void theGateStaysShutUntilEverythingIsThere() {
        assertThat(model.readyBinding().get()).isFalse();
        model.rootCauseProperty().set(true);
        model.fixVerifiedProperty().set(true);
        model.reviewDoneProperty().set(true);
        model.summaryProperty().set("retry key added");
        assertThat(model.readyBinding().get()).as("no approver yet").isFalse();
        model.resume();
        assertThat(sandbox.halted()).isTrue();
        model.approverProperty().set("sam");
        assertThat(model.readyBinding().get()).isTrue();
    }

    @Test
    void whileTheGateIsShutItSaysWhatIsStillNeeded() {
        assertThat(model.needsBinding().get()).isEqualTo("Needs: the root cause identified, the fix verified, the review "
                + "done, an approver named, a remediation summary.");
        model.rootCauseProperty().set(true);
        model.fixVerifiedProperty().set(true);
        model.reviewDoneProperty().set(true);
        model.summaryProperty().set("retry key added");
        assertThat(model.needsBinding().get()).isEqualTo("Needs: an approver named.");
        model.approverProperty().set("sam");
        assertThat(model.needsBinding().get()).isEmpty();
    }

    @Test
    void aResumeThatWentThroughIsNotSentAgainFromTheSameSheet() {
        model.rootCauseProperty().set(true);
        model.fixVerifiedProperty().set(true);
        model.reviewDoneProperty().set(true);
        model.summaryProperty().set("retry key added");
        model.approverProperty().set("sam");
        model.resume();
        assertThat(model.readyBinding().get()).isFalse();
        model.resume();
        assertThat(audit.all()).extracting(e -> e.action()).containsExactly("ACTIVATED", "RESET");
        model.open("pn", PlatformKind.POWERNODE);
        assertThat(model.resultProperty().get()).as("opened again: a fresh sheet").isEmpty();
    }

    @Test
    void powernodeShowsWhatAFullResumeRestores() {
        assertThat(model.hasModesProperty().get()).isTrue();
        assertThat(model.previewProperty().get()).contains("full restores 12 of 15 agents");
    }

    @Test
    void aResumeThroughTheGateIsConfirmedAndAudited() {
        model.rootCauseProperty().set(true);
        model.fixVerifiedProperty().set(true);
        model.reviewDoneProperty().set(true);
        model.summaryProperty().set("retry key added");
        model.approverProperty().set("sam");
        model.modeProperty().set("minimal");
        model.resume();
        assertThat(sandbox.halted()).isFalse();
        assertThat(model.resultProperty().get()).startsWith("pn: RESUMED (confirmed by the platform)").contains("30 minutes");
        assertThat(audit.all()).extracting(e -> e.action()).containsExactly("ACTIVATED", "RESET");
        assertThat(audit.all().get(1).detail()).contains("\"mode\":\"minimal\"");
    }
}
