package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.team.PushRequest.Change;
import dev.sitrep.team.TeamLedger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Realistic incidents and timelines for benchmarks, as the changes a console would push, the same
 * ones for the same seed: one incident declared a minute after another (so their ids differ in
 * their minute), each with every field a console sends, then its events {@link #EVENT_SPACING}
 * apart, the first one its declaration, the last of them all before now.
 */
final class TeamSeeder {

    private static final String[] SERVICES = {"checkout", "payments", "search", "auth", "inventory", "notifications",
            "api-gateway", "billing"};
    private static final String[] SYMPTOMS = {"5xx above 2%", "p99 latency over 3 s", "queue backlog growing",
            "connection pool at 100%", "error rate doubling", "timeouts from upstream"};
    private static final String[] PEOPLE = {"maria", "lee", "sam", "priya", "jonas", "ade"};
    private static final String[] SEVERITIES = {"SEV1", "SEV2", "SEV2", "SEV3", "SEV3", "SEV4"};
    private static final String[] STATUSES = {"investigating", "identified", "mitigating", "monitoring", "resolved"};
    private static final String[] TYPES = {"note", "note", "hypothesis", "action", "status_update"};
    private static final String[] NOTES = {"pool at 100% on two replicas", "rolled back the last deploy",
            "error rate falling since the rollback", "paged the database on-call", "customers report failed payments",
            "scaled the workers from 8 to 16", "cache hit rate down to 40%", "upstream confirms a partial outage"};

    private static final Duration EVENT_SPACING = Duration.ofSeconds(20);

    private final Random random;
    private final Instant now;

    TeamSeeder(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Writes {@code incidents} incidents and their events through {@code write}, skipping ids that
     * are {@code taken}; returns the incidents' ids, oldest first.
     */
    List<String> fill(int incidents, int eventsPerIncident, Predicate<String> taken, Consumer<Change> write) {
        List<String> ids = new ArrayList<>(incidents);
        for (int i = 0; i < incidents; i++) {
            Instant declaredAt = now.minus(Duration.ofMinutes(incidents - i)).minus(EVENT_SPACING.multipliedBy(eventsPerIncident));
            String id;
            do {
                id = IncidentId.generate(declaredAt, random).value();
            } while (taken.test(id));
            write.accept(new Change(null, TeamLedger.INCIDENT, id, 0, incident(declaredAt)));
            for (int e = 0; e < eventsPerIncident; e++) {
                write.accept(new Change(null, TeamLedger.EVENT, uuid(), 0, event(id, e, declaredAt)));
            }
            ids.add(id);
        }
        return ids;
    }

    private ObjectNode incident(Instant declaredAt) {
        String service = pick(SERVICES);
        String commander = pick(PEOPLE);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode fields = body.putObject("fields");
        fields.put("title", capitalized(service) + ": " + pick(SYMPTOMS));
        fields.put("severity", pick(SEVERITIES));
        fields.put("status", pick(STATUSES));
        fields.put("service", service);
        fields.putArray("platforms").add("pn");
        fields.putObject("roles").put("commander", commander);
        fields.putObject("milestones").put("detected", declaredAt.minusSeconds(60 + random.nextInt(600)).toString());
        fields.putNull("impact");
        fields.putNull("mergedInto");
        fields.put("drill", false);
        fields.put("declaredAt", declaredAt.toString());
        fields.put("declaredBy", commander);
        return body;
    }

    private ObjectNode event(String incident, int n, Instant declaredAt) {
        Instant at = declaredAt.plus(EVENT_SPACING.multipliedBy(n));
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("incident", incident);
        event.put("type", n == 0 ? "declared" : pick(TYPES));
        event.put("text", n == 0 ? "declared" : pick(NOTES));
        event.put("actor", pick(PEOPLE));
        event.put("occurredAt", at.toString());
        event.put("recordedAt", at.plusSeconds(random.nextInt(10)).toString());
        event.putNull("supersedes");
        event.putObject("data");
        return event;
    }

    /** A random (version 4) UUID from the seeded generator. */
    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
