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

    /** The {@code p}th percentile of {@code values} (0 when there are none). */
    public static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    /**
     * A Markdown runbook of at least {@code lines} lines in the styles the importer reads: navigation
     * before the title, a severity table, an ASCII triage tree, then failures written as Symptoms /
     * Confirm / Recover / Verify / Prevent with bullets, numbered steps, shell lines, fenced commands,
     * "Expect:" lines and, every tenth failure, a symptoms table.
     */
    public static String markdownRunbook(int lines) {
        StringBuilder md = new StringBuilder();
        md.append("Skip to content\nPages / Ops / Runbooks\n\n# Platform failures\n\n")
                .append("What breaks on the platform and how to bring it back.\n\n## Severity\n\n")
                .append("| Level | Criteria | Respond within |\n|---|---|---|\n")
                .append("| SEV0 | Complete outage or a breach | immediately |\n| SEV1 | Major feature down | 5 min |\n")
                .append("| SEV2 | Degraded | 15 min |\n| SEV3 | Minor, with a workaround | 1 hour |\n")
                .append("| SEV4 | Cosmetic | best effort |\n\n## Triage\n\n```\n")
                .append("Is the platform doing harm right now?\n")
                .append("\u251C\u2500\u2500 YES \u2192 Flip the kill switch, then continue\n")
                .append("\u2502   \u2514\u2500\u2500 Is there a security side?\n")
                .append("\u2502       \u251C\u2500\u2500 YES \u2192 Security breach (SEV0)\n")
                .append("\u2502       \u2514\u2500\u2500 NO \u2192 Agents misbehaving (SEV1)\n")
                .append("\u2514\u2500\u2500 NO \u2192 Failure 1\n```\n\n");
        int n = 1;
        while (md.chars().filter(c -> c == '\n').count() < lines) {
            md.append("## Failure ").append(n).append("\n\n### Symptoms\n\n")
                    .append("- Requests to service ").append(n).append(" time out after 30 s.\n")
                    .append("- The error rate is above 5% on its dashboard.\n\n### Confirm\n\n")
                    .append("1. Ask it for its health:\n   `curl -sS -m 10 https://svc-").append(n)
                    .append(".internal/health`\n   Expect: HTTP 200 and status ok\n")
                    .append("2. Look at its pods:\n\n```bash\nkubectl -n svc-").append(n)
                    .append(" get pods -o wide\n```\n\n### Recover\n\n")
                    .append("1. Save the logs first.\n2. Restart it: sudo systemctl restart svc-").append(n).append("\n")
                    .append("3. If the database is the cause, see how many connections it holds:\n\n")
                    .append("    psql -h db -c \"SELECT count(*) FROM pg_stat_activity;\"\n\n### Verify\n\n")
                    .append("- [ ] Health answers 200 for 15 minutes.\n- [ ] The queue is draining.\n\n### Prevent\n\n")
                    .append("Alert on restarts, not only on the service being down.\n\n");
            if (n % 10 == 0) {
                md.append("| Symptom | Likely cause | Check |\n|---|---|\n| 5xx spike | pool exhausted | pg_stat_activity |\n")
                        .append("| Latency | slow queries | the slow log |\n\n");
            }
            n++;
        }
        return md.toString();
    }

    /** {@code count} timeline events 5 s apart from {@code from}: notes, an under-call, a root cause, kill-switch entries. */
    public static List<TimelineEvent> timelineEvents(IncidentId id, Instant from, int count) {
        List<TimelineEvent> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Instant at = from.plusSeconds(k * 5L);
            EventType type = EventType.NOTE;
            String text = "Responder note " + k + ": checked pod checkout-" + (k % 40) + ", p99 " + (k % 900) + " ms";
            Map<String, String> data = Map.of();
            if (k == 100) {
                type = EventType.SEVERITY_CHANGE;
                text = "Severity SEV2 → SEV1: card payments failing";
                data = Map.of("from", "SEV2", "to", "SEV1", "reason", "card payments failing", "postmortem", "under-call");
            } else if (k == 2_000) {
                type = EventType.STATUS_CHANGE;
                text = "Status investigating → identified: pool size halved";
                data = Map.of("from", "investigating", "to", "identified");
            } else if (k % 500 == 250) {
                type = EventType.KILL_SWITCH;
                text = "HALTED pn by bench: agents retrying payments (" + k + ")";
            }
            out.add(new TimelineEvent(UUID.randomUUID().toString(), id, type, text, "bench", at, at, null, data));
        }
        return out;
    }
}
