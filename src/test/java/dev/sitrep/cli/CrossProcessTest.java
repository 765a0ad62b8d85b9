package dev.sitrep.cli;

import dev.sitrep.core.Incident;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.incident.Declaration;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.services.Services;
import dev.sitrep.store.ChangeFeed;
import dev.sitrep.store.Store;
import dev.sitrep.testing.ChildJvm;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI in a child JVM, with no display, while this process holds the database open (as the app would). */
class CrossProcessTest {

    @TempDir
    Path dir;

    @Test
    void aNoteWrittenByTheCliInAnotherProcessReachesTheHolderThroughTheChangeFeed() throws Exception {
        try (Store store = Store.open(dir)) {
            Services services = TestServices.on(store, "maria").random(new Random(1)).build();
            IncidentService incidents = services.incidents();
            Incident incident = incidents.declare(Declaration.titled("Queue stuck"));
            ChangeFeed feed = services.changes();
            long seen = feed.latest();

            ChildJvm.Result r = ChildJvm.sitrep(List.of(), "incident", "note", incident.id().value(),
                    "workers restarted", "--data-dir", dir.toString(), "--actor", "sam");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(feed.since(seen, 10)).extracting(ChangeFeed.Entry::entityId).contains(incident.id().value());
            assertThat(incidents.show(incident.id()).timeline()).extracting(TimelineEvent::text, TimelineEvent::actor)
                    .contains(org.assertj.core.groups.Tuple.tuple("workers restarted", "sam"));
        }
    }

    @Test
    void aCliCommandLoadsNoJavaFxClass() throws Exception {
        Path classLog = dir.resolve("classes.txt");
        ChildJvm.Result r = ChildJvm.sitrep(List.of("-Xlog:class+load=info:file=" + classLog),
                "incident", "declare", "--title", "No display here", "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("No display here");
        assertThat(Files.readString(classLog)).contains("dev.sitrep.cli.SitrepCli").doesNotContain(" javafx.");
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        ChildJvm.Result bad = ChildJvm.sitrep(List.of(), "incident", "declare", "--title", "x", "--severity", "SEV9",
                "--data-dir", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("sitrep: Unknown severity 'SEV9'").doesNotContain("\n");
        assertThat(bad.out()).isEmpty();
    }
}
