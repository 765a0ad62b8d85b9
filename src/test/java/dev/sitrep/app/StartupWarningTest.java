package dev.sitrep.app;

import dev.sitrep.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console started as {@code java -jar sitrep.jar} starts it (JavaFX on the class path), in a
 * child JVM on the headless platform: stderr does not carry JavaFX's "Unsupported JavaFX
 * configuration" warning, which every start once printed.
 */
class StartupWarningTest {

    @TempDir
    Path dir;

    @Test
    void theConsoleStartsWithoutTheClassPathWarning() throws Exception {
        ChildJvm.Result r = ChildJvm.sitrep(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true", "-Dsitrep.startupMarkers=true"),
                "--data-dir", dir.toString());
        assertThat(r.out()).as(r.err()).contains("STARTUP first-frame", "STARTUP board-ready");
        assertThat(r.err()).doesNotContain("Unsupported JavaFX configuration");
    }
}
