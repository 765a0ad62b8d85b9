package dev.sitrep.app;

import dev.sitrep.services.Services;
import dev.sitrep.core.Incident;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.core.SitrepException;
import dev.sitrep.store.Store;
import dev.sitrep.workspace.ProcessEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillWorkspaceTest {

    @TempDir
    Path dir;

    private final ProcessEnvironment env = new ProcessEnvironment(Map.of(), "Linux", "tester", "/home/tester",
            Clock.systemUTC(), ZoneOffset.UTC, false);

    private DrillWorkspace open() {
        return DrillWorkspace.open(dir, Clock.systemUTC(), env, "maria");
    }

    private static PlatformProfile real() {
        return new PlatformProfile("pn-prod", PlatformKind.POWERNODE, "https://powernode.example.com", null, "ic@example.com",
                PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30));
    }

    @Test
    void aDrillHasItsOwnDirectoryTheSandboxAndTheDemoIncidents() {
        try (DrillWorkspace drill = open()) {
            Services w = drill.workspace();
            assertThat(w.dataDir()).isEqualTo(dir.resolve("drill"));
            assertThat(w.settings().isDrill()).isTrue();
            assertThat(w.profiles().list()).extracting(PlatformProfile::name).containsExactly("sandbox");
            assertThat(w.incidents().list(false)).hasSize(4).allMatch(Incident::drill);
            assertThat(w.incidents().list(false)).anyMatch(i -> i.platforms().contains("sandbox"));
            var sandbox = w.profiles().get("sandbox");
            try (var connector = w.connect(sandbox)) {
                assertThat(connector.health().status()).isNotNull();
            }
        }
        assertThat(Store.databaseFile(dir)).as("the real workspace is untouched").doesNotExist();
    }

    @Test
    void reopeningKeepsTheDrillWithoutDuplicatingTheDemo() {
        try (DrillWorkspace drill = open()) {
            drill.workspace().incidents();
        }
        try (DrillWorkspace again = open()) {
            assertThat(again.workspace().incidents().count()).isEqualTo(4);
            assertThat(again.workspace().profiles().get("sandbox").url()).isEqualTo(again.sandbox().url().toString());
        }
    }

    @Test
    void aDrillCannotListOrReachARealPlatform() throws Exception {
        try (DrillWorkspace drill = open()) {
            Services w = drill.workspace();
            assertThatThrownBy(() -> w.profiles().add(real())).isInstanceOf(SitrepException.class)
                    .hasMessageContaining("drill workspace").hasMessageContaining("pn-prod");
            assertThat(w.profiles().list()).extracting(PlatformProfile::name).containsExactly("sandbox");
            // even a profile smuggled into the database directly is never contacted
            assertThatThrownBy(() -> w.connect(real())).hasMessageContaining("not the sandbox");
        }
    }
}
