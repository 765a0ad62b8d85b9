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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Synthetic workspaces for the benchmarks: mostly closed incidents, one in 500 still being worked. */
public final class BenchData {

    private BenchData() {
    }

    static List<Incident> incidents(int n) {
        return incidents(n, 500);
    }

    /** {@code n} incidents, one in {@code openEvery} still being worked. */
    static List<Incident> incidents(int n, int openEvery) {
        Random random = new Random(17);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Set<IncidentId> seen = new HashSet<>();
        List<Incident> out = new ArrayList<>(n);
        while (out.size() < n) {
            int k = out.size();
            Instant at = t0.plusSeconds(k * 600L);
            IncidentId id = IncidentId.generate(at, random);
            if (!seen.add(id)) {
                continue;
            }
            IncidentStatus status = k % openEvery == 0 ? IncidentStatus.INVESTIGATING : IncidentStatus.CLOSED;
            out.add(new Incident(id, "Synthetic incident " + k, "svc-" + (k % 40), List.of(), "SEV" + ((k / 7) % 5), status,
                    null, Roles.commandedBy("bench"), Milestones.none().with(Milestone.DETECTED, at), null, false, at,
                    "bench", at, 1));
        }
        return out;
    }

    static List<TimelineEvent> events(List<Incident> incidents, int perIncident) {
        List<TimelineEvent> out = new ArrayList<>(incidents.size() * perIncident);
        for (Incident i : incidents) {
            for (int k = 0; k < perIncident; k++) {
                Instant at = i.declaredAt().plusSeconds(k * 30L);
                out.add(new TimelineEvent(UUID.randomUUID().toString(), i.id(), EventType.NOTE,
                        "Responder note " + k + " on " + i.title(), "bench", at, at, null, Map.of()));
            }
        }
        return out;
    }

    /** Fills a data directory through the store, 500 incidents per transaction. */
    public static void fill(Path dir, int incidents, int eventsPerIncident) {
        fill(dir, incidents, eventsPerIncident, 500);
    }

    /** As {@link #fill(Path, int, int)}, one incident in {@code openEvery} still being worked. */
    public static void fill(Path dir, int incidents, int eventsPerIncident, int openEvery) {
        List<Incident> all = incidents(incidents, openEvery);
        List<TimelineEvent> events = events(all, eventsPerIncident);
        try (Store store = Store.open(dir)) {
            for (int from = 0; from < all.size(); from += 500) {
                int to = Math.min(all.size(), from + 500);
                List<Incident> batch = all.subList(from, to);
                List<TimelineEvent> batchEvents = events.subList(from * eventsPerIncident, to * eventsPerIncident);
                store.write(tx -> {
                    tx.incidents().insert(batch);
                    tx.timeline().append(batchEvents);
                    return null;
                });
            }
        }
    }

    /**
     * Writes {@code count} team runbooks into {@code team}: copies of the built-in triage tree,
     * infrastructure and lifecycle runbooks under new ids. Returns the bytes written.
     */
    public static long runbooks(Path team, int count) throws java.io.IOException {
        List<String> templates = List.of("ai-triage.json", "infra.json", "lifecycle.json");
        Files.createDirectories(team);
        long total = 0;
        for (int i = 0; i < count; i++) {
            String template = templates.get(i % templates.size());
            String id = template.replace(".json", "");
            String json = new String(dev.sitrep.runbook.BuiltInRunbooks.bytes(template),
                    java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("\"id\": \"" + id + "\"", "\"id\": \"" + id + "-" + i + "\"");
            Path file = team.resolve(String.format("team-%03d.json", i));
            Files.writeString(file, json);
            total += Files.size(file);
        }
        return total;
    }

    public static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
