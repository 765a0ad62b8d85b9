package dev.sitrep.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"), "Linux", "/home/m"))
                .isEqualTo(Path.of("/xdg/sitrep"));
    }

    @Test
    void linuxFallsBackToLocalShare() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Linux", "/home/m"))
                .isEqualTo(Path.of("/home/m/.local/share/sitrep"));
    }

    @Test
    void macOsUsesApplicationSupport() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Mac OS X", "/Users/m"))
                .isEqualTo(Path.of("/Users/m/Library/Application Support/Sitrep"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirectory.resolve(null, Map.of("APPDATA", "/appdata"), "Windows 11", "/users/m"))
                .isEqualTo(Path.of("/appdata/Sitrep"));
    }

    @Test
    void sitrepHomeBeatsTheConventionAndTheOptionBeatsBoth() {
        Map<String, String> env = Map.of("SITREP_HOME", "/from-env", "XDG_DATA_HOME", "/xdg");
        assertThat(DataDirectory.resolve(null, env, "Linux", "/home/m")).isEqualTo(Path.of("/from-env"));
        assertThat(DataDirectory.resolve("/from-option", env, "Linux", "/home/m")).isEqualTo(Path.of("/from-option"));
    }
}
