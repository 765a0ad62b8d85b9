package dev.sitrep.ui.postmortem;

import dev.sitrep.core.IncidentId;
import dev.sitrep.postmortem.Postmortems;
import dev.sitrep.store.Store;
import dev.sitrep.testing.ChildJvm;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor typing in a child JVM, killed with SIGKILL after its second autosave: reopened, the
 * postmortem holds the last text it saw saved, or a later one (a save under way when it died).
 */
class AutosaveCrashTest {

    @TempDir
    Path dir;

    @Test
    void afterKillMinus9TheLastAutosavedTextIsThere() throws Exception {
        Process child = ChildJvm.builder(List.of("-Djava.awt.headless=true"), AutosaveTyper.class.getName(),
                List.of(dir.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        IncidentId incident = null;
        int saved = -1;
        int saves = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("INCIDENT ")) {
                    incident = IncidentId.parse(line.substring(9));
                } else if (line.startsWith("SAVED ")) {
                    saved = Integer.parseInt(line.substring(6));
                    if (++saves == 2) {
                        child.destroyForcibly(); // SIGKILL mid-typing: no shutdown hook, no last save
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(incident).isNotNull();
        assertThat(saves).as("the child autosaved twice before it was killed").isEqualTo(2);

        try (Store store = Store.open(dir)) {
            Clock clock = Clock.systemUTC();
            Postmortems postmortems = TestServices.on(store, "checker").clock(clock).random(new Random())
                    .evidenceLimit(() -> 1L << 20).build().postmortems();
            Postmortems.Opened reopened = postmortems.open(incident);
            assertThat(reopened.saved()).isTrue();
            String text = reopened.postmortem().section("what_happened").orElseThrow().markdown();
            assertThat(text).startsWith("typed ");
            int kept = Integer.parseInt(text.substring(6));
            assertThat(kept).as("the last text seen saved, or one saved after it").isGreaterThanOrEqualTo(saved);
        }
    }
}
