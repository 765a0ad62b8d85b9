package dev.sitrep.store;

import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The process hosting the shared database dies (the console crashes); a CLI or wall that was using it goes on. */
class HostLossTest {

    @TempDir
    Path dir;

    @Test
    void writesContinueAfterTheHostingProcessIsKilled() throws Exception {
        Process host = ChildJvm.builder(List.of(), Holder.class.getName(), List.of(dir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("READY");
            try (Store store = Store.open(dir)) {
                IncidentService incidents = TestServices.on(store, "sam").random(new Random(2)).build().incidents();
                Incident incident = incidents.declare(Declaration.titled("Console crashed mid-incident"));

                host.destroyForcibly();
                assertThat(host.waitFor(30, TimeUnit.SECONDS)).isTrue();

                incidents.note(incident.id(), "still writing after the host died", null);
                assertThat(incidents.show(incident.id()).timeline()).extracting(TimelineEvent::text)
                        .contains("still writing after the host died");
            }
        } finally {
            host.destroyForcibly();
        }
    }
}
