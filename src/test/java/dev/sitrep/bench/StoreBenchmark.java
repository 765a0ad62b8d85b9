package dev.sitrep.bench;

import dev.sitrep.core.EventType;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Milestones;
import dev.sitrep.core.Roles;
import dev.sitrep.core.TimelineEvent;
import dev.sitrep.store.Store;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Declaring 10,000 incidents and appending 200,000 timeline events through the store, beside a
 * plain JDBC batch insert of the same rows into an empty H2 file with the same schema (the floor).
 * Goal: within 2x. Run with {@code mvn -Pbench verify}; prints medians of three rounds and the ratio.
 */
@Tag("bench")
class StoreBenchmark {

    private static final int INCIDENTS = 10_000;
    private static final int EVENTS_PER_INCIDENT = 20;
    private static final int INCIDENTS_PER_TX = 500;

    @TempDir
    Path tmp;

    @Test
    void storeWritesAgainstPlainJdbc() throws Exception {
        List<Incident> incidents = BenchData.incidents(INCIDENTS);
        List<TimelineEvent> events = BenchData.events(incidents, EVENTS_PER_INCIDENT);
        // warm-up at a tenth of the size, both paths
        throughStore(tmp.resolve("warm-store"), incidents.subList(0, 1000), events.subList(0, 20_000));
        plainJdbc(tmp.resolve("warm-jdbc"), incidents.subList(0, 1000), events.subList(0, 20_000));
        long[] store = new long[3];
        long[] jdbc = new long[3];
        for (int round = 0; round < 3; round++) {
            jdbc[round] = plainJdbc(tmp.resolve("jdbc-" + round), incidents, events);
            store[round] = throughStore(tmp.resolve("store-" + round), incidents, events);
        }
        long s = BenchData.median(store);
        long j = BenchData.median(jdbc);
        System.out.printf("BENCH store-write: %,d incidents + %,d events through the store: %,d ms | plain JDBC batch "
                + "(baseline): %,d ms | ratio %.2fx (goal <= 2.0x)%n", incidents.size(), events.size(), s, j, (double) s / j);
    }

    private static long throughStore(Path dir, List<Incident> incidents, List<TimelineEvent> events) {
        long start = System.nanoTime();
        try (Store store = Store.open(dir)) {
            int perTx = INCIDENTS_PER_TX;
            for (int from = 0; from < incidents.size(); from += perTx) {
                List<Incident> batch = incidents.subList(from, Math.min(incidents.size(), from + perTx));
                List<TimelineEvent> batchEvents = events.subList(from * EVENTS_PER_INCIDENT,
                        Math.min(events.size(), (from + perTx) * EVENTS_PER_INCIDENT));
                store.write(tx -> {
                    tx.incidents().insert(batch);
                    tx.timeline().append(batchEvents);
                    for (Incident i : batch) {
                        tx.changed("incident", i.id().value());
                    }
                    return null;
                });
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long plainJdbc(Path dir, List<Incident> incidents, List<TimelineEvent> events) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("plain")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "")) {
            try (var schema = new InputStreamReader(StoreBenchmark.class.getResourceAsStream(
                    "/db/migration/V1__incidents_timeline_changes.sql"), StandardCharsets.UTF_8)) {
                RunScript.execute(c, schema);
            }
            c.setAutoCommit(false);
            try (PreparedStatement pi = c.prepareStatement("INSERT INTO incident (id, title, service, platforms, severity, "
                    + "status, commander, responders, detected_at, declared_at, declared_by, updated_at, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement pe = c.prepareStatement("INSERT INTO timeline_event (id, incident_id, type, text, actor, "
                         + "occurred_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int from = 0; from < incidents.size(); from += INCIDENTS_PER_TX) {
                    int to = Math.min(incidents.size(), from + INCIDENTS_PER_TX);
                    for (Incident i : incidents.subList(from, to)) {
                        pi.setString(1, i.id().value());
                        pi.setString(2, i.title());
                        pi.setString(3, i.service());
                        pi.setString(4, "[]");
                        pi.setString(5, i.severity());
                        pi.setString(6, i.status().name());
                        pi.setString(7, i.commander());
                        pi.setString(8, "[]");
                        pi.setObject(9, i.declaredAt().atOffset(ZoneOffset.UTC));
                        pi.setObject(10, i.declaredAt().atOffset(ZoneOffset.UTC));
                        pi.setString(11, i.declaredBy());
                        pi.setObject(12, i.declaredAt().atOffset(ZoneOffset.UTC));
                        pi.setLong(13, 1);
                        pi.addBatch();
                    }
                    pi.executeBatch();
                    for (TimelineEvent e : events.subList(from * EVENTS_PER_INCIDENT, to * EVENTS_PER_INCIDENT)) {
                        pe.setString(1, e.id());
                        pe.setString(2, e.incidentId().value());
                        pe.setString(3, e.type().name());
                        pe.setString(4, e.text());
                        pe.setString(5, e.actor());
                        pe.setObject(6, e.occurredAt().atOffset(ZoneOffset.UTC));
                        pe.setObject(7, e.recordedAt().atOffset(ZoneOffset.UTC));
                        pe.addBatch();
                    }
                    pe.executeBatch();
                    c.commit();
                }
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

}
