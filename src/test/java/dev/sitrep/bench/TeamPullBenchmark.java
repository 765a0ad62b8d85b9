package dev.sitrep.bench;

import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.sitrep.SitrepConnector;
import dev.sitrep.sandbox.SandboxServer;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.sync.TeamSync;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first sync of an empty console with a team platform holding 10,000 incidents and 100,000
 * timeline events (the sandbox over loopback HTTP), beside downloading and parsing the same feed
 * without storing it, in the same run. Goal: at most 2x.
 */
@Tag("bench")
class TeamPullBenchmark {

    private static final int INCIDENTS = 10_000;
    private static final int EVENTS_PER_INCIDENT = 10;

    @TempDir
    Path dir;

    /** Reads what the pull stored and writes it again into a new store the fastest plain way: the storage floor. */
    static long storeOnly(Path from, Path to, Clock clock) {
        List<dev.sitrep.core.Incident> incidents;
        java.util.Map<dev.sitrep.core.IncidentId, List<dev.sitrep.core.TimelineEvent>> events;
        try (Store source = Store.open(from)) {
            incidents = source.read(tx -> tx.incidents().list(java.util.Set.of()));
            events = source.read(tx -> tx.timeline().forIncidents(incidents.stream().map(dev.sitrep.core.Incident::id)
                    .toList()));
        }
        long t = System.nanoTime();
        try (Store target = Store.open(to)) {
            for (int i = 0; i < incidents.size(); i += 100) {
                List<dev.sitrep.core.Incident> slice = incidents.subList(i, Math.min(incidents.size(), i + 100));
                target.write(tx -> {
                    tx.incidents().insert(slice);
                    List<dev.sitrep.core.TimelineEvent> batch = new java.util.ArrayList<>();
                    slice.forEach(inc -> batch.addAll(events.getOrDefault(inc.id(), List.of())));
                    tx.timeline().append(batch);
                    return null;
                });
            }
        }
        return System.nanoTime() - t;
    }

    @Test
    void initialPullBesideDownloadAndParse() throws Exception {
        Clock clock = Clock.systemUTC();
        try (SandboxServer sandbox = SandboxServer.start(0, clock, Duration.ofMinutes(30))) {
            sandbox.team().seed(INCIDENTS, EVENTS_PER_INCIDENT, 7);
            PlatformProfile profile = new PlatformProfile("team", PlatformKind.SITREP, sandbox.url().toString(), null,
                    null, PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30));
            Map<String, String> secrets = Map.of("SITREP_SECRET_TEAM", SandboxServer.TEAM_TOKEN);

            long downloadOnly = Long.MAX_VALUE;
            long stored = Long.MAX_VALUE;
            int entries = 0;
            for (int round = 0; round < 2; round++) {
                long t = System.nanoTime();
                int seen = 0;
                try (Store scratch = Store.open(dir.resolve("scratch-" + round));
                     PlatformConnector c = TestServices.on(scratch, "bench").clock(clock).variables(secrets).build()
                             .connect(profile)) {
                    SitrepConnector team = (SitrepConnector) c;
                    String cursor = null;
                    SitrepConnector.Page page;
                    do {
                        page = team.pull(cursor, 1000);
                        seen += page.changes().size();
                        cursor = page.cursor();
                    } while (page.more());
                }
                downloadOnly = Math.min(downloadOnly, System.nanoTime() - t);
                entries = seen;

                Path data = dir.resolve("console-" + round);
                t = System.nanoTime();
                try (Store store = Store.open(data)) {
                    Services services = TestServices.on(store, "bench").clock(clock).variables(secrets).build();
                    IncidentService incidents = services.incidents();
                    services.profiles().add(profile);
                    TeamSync sync = services.teamSync();
                    TeamSync.Report report = sync.cycle(profile);
                    stored = Math.min(stored, System.nanoTime() - t);
                    assertThat(report.pulled()).isEqualTo(entries);
                    assertThat(incidents.count()).isEqualTo(INCIDENTS);
                    long events = store.read(tx -> tx.timeline().count());
                    assertThat(events).isEqualTo((long) INCIDENTS * EVENTS_PER_INCIDENT);
                }
            }
            long floor = storeOnly(dir.resolve("console-0"), dir.resolve("floor"), clock);
            System.out.printf("BENCH team-initial-pull-floor: the same incidents and events written straight into an "
                    + "empty store in batches of 1,000 (no HTTP, no merge): %.2f s%n", floor / 1e9);
            System.out.printf("BENCH team-initial-pull: %,d incidents + %,d timeline events (%,d feed entries) from the "
                            + "sandbox into an empty console: %.2f s | downloading and parsing the same feed without "
                            + "storing it (baseline): %.2f s | ratio %.2fx (goal <= 2x)%n", INCIDENTS,
                    INCIDENTS * EVENTS_PER_INCIDENT, entries, stored / 1e9, downloadOnly / 1e9,
                    (double) stored / downloadOnly);
        }
    }
}
