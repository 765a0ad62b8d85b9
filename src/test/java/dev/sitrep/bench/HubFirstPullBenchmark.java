package dev.sitrep.bench;

import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.hub.HubDatabase;
import dev.sitrep.hub.HubStore;
import dev.sitrep.hub.People;
import dev.sitrep.hub.Person;
import dev.sitrep.hub.Role;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.sitrep.SitrepConnector;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.sync.TeamSync;
import dev.sitrep.team.PushRequest;
import dev.sitrep.team.TeamLedger;
import dev.sitrep.testing.TestPostgres;
import dev.sitrep.testing.TestServices;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first sync of an empty console with a hub ({@code sitrep hub} in a child JVM, on a PostgreSQL
 * database of its own) holding 10,000 incidents and 100,000 timeline events, through the console's
 * real team sync (platform kind {@code sitrep}), beside the console's storage floor measured in the
 * same run as {@link TeamPullBenchmark} measures it (the same rows written straight into an empty
 * store, no HTTP, no merge). Goal: at most 1.5x the floor. Also shown: downloading and parsing the
 * same feed without storing it. The hub's database is seeded through {@link HubStore#push} (the
 * ledger's own rules, every change with its idempotency key and feed entry) in transactions of 500
 * incidents with their events (5,500 changes), not over HTTP.
 */
@Tag("bench")
class HubFirstPullBenchmark {

    private static final int INCIDENTS = 10_000;
    private static final int EVENTS_PER_INCIDENT = 10;
    private static final int INCIDENTS_PER_TRANSACTION = 500;

    @TempDir
    Path dir;

    @Test
    void firstPullFromAHubBesideTheStorageFloor() throws Exception {
        Clock clock = Clock.systemUTC();
        try (TestPostgres database = TestPostgres.create()) {
            String token;
            long seeding;
            try (HubDatabase db = HubDatabase.open(database.jdbcUrl(), Map.of(), 2)) {
                token = new People(db.dataSource()).add("bench", Role.VIEWER, clock.instant());
                long t = System.nanoTime();
                seed(new HubStore(db.dataSource(), clock));
                seeding = System.nanoTime() - t;
            }
            try (HubProcess hub = new HubProcess(database.jdbcUrl(), "256m")) {
                PlatformProfile profile = new PlatformProfile("team", PlatformKind.SITREP, hub.url().toString(), null,
                        null, PlatformProfile.Environment.PRODUCTION, null, List.of(), Duration.ofSeconds(30));
                Map<String, String> secrets = Map.of("SITREP_SECRET_TEAM", token);
                int entries = (int) ((long) INCIDENTS * (1 + EVENTS_PER_INCIDENT));

                long downloadOnly = Long.MAX_VALUE;
                long stored = Long.MAX_VALUE;
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
                    assertThat(seen).isEqualTo(entries);

                    t = System.nanoTime();
                    try (Store store = Store.open(dir.resolve("console-" + round))) {
                        Services services = TestServices.on(store, "bench").clock(clock).variables(secrets).build();
                        IncidentService incidents = services.incidents();
                        services.profiles().add(profile);
                        TeamSync.Report report = services.teamSync().cycle(profile);
                        stored = Math.min(stored, System.nanoTime() - t);
                        assertThat(report.pulled()).isEqualTo(entries);
                        assertThat(incidents.count()).isEqualTo(INCIDENTS);
                        long events = store.read(tx -> tx.timeline().count());
                        assertThat(events).isEqualTo((long) INCIDENTS * EVENTS_PER_INCIDENT);
                    }
                }
                long floor = TeamPullBenchmark.storeOnly(dir.resolve("console-0"), dir.resolve("floor"), clock);
                System.out.printf("BENCH hub-first-pull-seed: %,d changes into the hub's PostgreSQL through HubStore.push "
                        + "in transactions of %,d: %.1f s%n", entries, INCIDENTS_PER_TRANSACTION * (1 + EVENTS_PER_INCIDENT),
                        seeding / 1e9);
                System.out.printf("BENCH hub-first-pull: %,d incidents + %,d timeline events (%,d feed entries) from a hub "
                                + "on PostgreSQL into an empty console (best of 2): %.2f s | the storage floor (the same rows "
                                + "written straight into an empty store in batches, no HTTP, no merge; baseline): %.2f s | "
                                + "ratio %.2fx (goal <= 1.5x) | downloading and parsing the same feed without storing it: "
                                + "%.2f s%n", INCIDENTS, INCIDENTS * EVENTS_PER_INCIDENT, entries, stored / 1e9, floor / 1e9,
                        (double) stored / floor, downloadOnly / 1e9);
            }
        }
    }

    /** The hub's database filled through the ledger: each incident, then its events, each change with its own key. */
    private static void seed(HubStore store) throws Exception {
        Person person = new Person("maria", Role.COMMANDER);
        HubChanges g = new HubChanges(7);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Set<String> ids = new HashSet<>();
        List<PushRequest.Change> batch = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            Instant declaredAt = now.minus(Duration.ofMinutes(INCIDENTS - i)).minusSeconds(20L * EVENTS_PER_INCIDENT);
            String id;
            do {
                id = IncidentId.generate(declaredAt, g.random()).value();
            } while (!ids.add(id));
            batch.add(new PushRequest.Change(g.uuid(), TeamLedger.INCIDENT, id, 0, g.incident(person.name(), declaredAt)));
            for (int e = 0; e < EVENTS_PER_INCIDENT; e++) {
                batch.add(new PushRequest.Change(g.uuid(), TeamLedger.EVENT, g.uuid(), 0,
                        g.event(id, person.name(), e, declaredAt.plusSeconds(20L * e))));
            }
            if ((i + 1) % INCIDENTS_PER_TRANSACTION == 0) {
                store.push(person, new PushRequest("seed", batch), TeamLedger.Gate.OPEN).forEach(r ->
                        assertThat(r.outcome().name()).isEqualTo("APPLIED"));
                batch.clear();
            }
        }
    }
}
