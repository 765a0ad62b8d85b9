package dev.sitrep.ui.settings;

import dev.sitrep.platform.Connectors;
import dev.sitrep.platform.Profiles;
import dev.sitrep.platform.Secrets;
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

import static org.assertj.core.api.Assertions.assertThat;

class PlatformsViewModelTest {

    @TempDir
    Path dir;
    private Store store;
    private SandboxServer sandbox;
    private Profiles profiles;
    private PlatformsViewModel model;

    @BeforeEach
    void open() throws Exception {
        store = Store.open(dir);
        sandbox = SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15));
        Services services = TestServices.on(store, "maria").build();
        profiles = services.profiles();
        Secrets secrets = services.secrets();
        model = new PlatformsViewModel(profiles, services.platformStates(),
                p -> Connectors.open(p, secrets, Clock.systemUTC()), secrets, new DirectExecutor(), Clock.systemUTC());
        model.load();
    }

    @AfterEach
    void close() {
        sandbox.close();
        store.close();
    }

    private void fillSandbox(String name) {
        model.nameProperty().set(name);
        model.kindProperty().set("powernode");
        model.addressProperty().set(sandbox.url().toString());
        model.emailProperty().set(SandboxServer.EMAIL);
        model.environmentProperty().set("development");
    }

    @Test
    void aProfileAddedWithItsSecretCanBeTestedAtOnce() {
        fillSandbox("pn");
        model.secretProperty().set(SandboxServer.PASSWORD);
        model.add();
        assertThat(model.formErrorProperty().get()).isEmpty();
        assertThat(model.rows()).extracting(r -> r.profile().name()).containsExactly("pn");
        assertThat(model.secretProperty().get()).as("the form is cleared").isEmpty();
        model.test("pn");
        assertThat(model.status().failureOr(model.resultProperty()).get()).contains("halt automation").contains("Health: healthy")
                .contains("Kill switch: running");
    }

    @Test
    void withoutASecretTheTestSaysWhereToPutOne() {
        fillSandbox("pn-prod");
        model.add();
        model.test("pn-prod");
        assertThat(model.status().failureOr(model.resultProperty()).get()).contains("SITREP_SECRET_PN_PROD").contains("Settings");
    }

    @Test
    void aBadProfileIsRefusedInlineAndNothingIsAdded() {
        fillSandbox("pn");
        model.addressProperty().set("http://pn.example.com");
        model.add();
        assertThat(model.formErrorProperty().get()).contains("https://");
        assertThat(profiles.list()).isEmpty();
        model.nameProperty().set("Bad Name");
        model.add();
        assertThat(model.formErrorProperty().get()).contains("not a usable platform name");
    }

    @Test
    void removeTakesItOffTheList() {
        fillSandbox("pn");
        model.add();
        model.remove("pn");
        assertThat(model.rows()).isEmpty();
        assertThat(model.status().failureOr(model.resultProperty()).get()).isEqualTo("Removed pn.");
    }
}
