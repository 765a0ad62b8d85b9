package dev.sitrep.store;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.testing.ChildJvm;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        Process child = ChildJvm.builder(List.of(), AckWriter.class.getName(), List.of(dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        IncidentId incident = null;
        int lastAck = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("INCIDENT ")) {
                    incident = new IncidentId(line.substring(9));
                } else if (line.startsWith("ACK ")) {
                    lastAck = Integer.parseInt(line.substring(4));
                    if (lastAck >= 300) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
                        break;
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(incident).as("the child declared an incident").isNotNull();
        assertThat(lastAck).isGreaterThanOrEqualTo(300);

        try (Store store = Store.open(dir)) {
            IncidentService incidents = TestServices.on(store, "checker").random(new Random()).build().incidents();
            Set<String> stored = incidents.show(incident).timeline().stream().map(TimelineEvent::text)
                    .collect(Collectors.toSet());
            for (int n = 0; n <= lastAck; n++) {
                assertThat(stored).as("acknowledged note %d", n).contains("note " + n);
            }
        }
    }
}
