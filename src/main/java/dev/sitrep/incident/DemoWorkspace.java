package dev.sitrep.incident;

import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentStatus;
import dev.sitrep.core.Milestone;
import dev.sitrep.core.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A few realistic incidents with timelines, so a newcomer sees the console alive. Every demo
 * incident is declared as a DRILL, so it never passes for a real one.
 */
public final class DemoWorkspace {

    private DemoWorkspace() {
    }

    /**
     * Declares the demo incidents; returns them, most severe first.
     *
     * @param platform the platform the AI incidents name (the drill's sandbox profile)
     */
    public static List<Incident> load(IncidentService incidents, Clock clock, String platform) {
        Instant now = clock.instant();
        return List.of(checkout(incidents, now, platform), agents(incidents, now, platform), certificate(incidents, now),
                dashboard(incidents, now));
    }

    private static Instant ago(Instant now, int minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private static Incident checkout(IncidentService s, Instant now, String platform) {
        Incident i = s.declare(new Declaration("Checkout 5xx spike after v2.14 deploy", "SEV1", "checkout",
                List.of(platform), null, true, ago(now, 44)));
        s.note(i.id(), "Alert fired: checkout 5xx rate 18% (threshold 5%)", ago(now, 44));
        s.markMilestone(i.id(), Milestone.ACKNOWLEDGED, ago(now, 42));
        s.assign(i.id(), Role.SCRIBE, "lee");
        s.assign(i.id(), Role.RESPONDER, "kim");
        s.note(i.id(), "DB connection pool at 100% on checkout-api; p99 latency 4.2 s", ago(now, 38));
        s.markMilestone(i.id(), Milestone.FIRST_COMMUNICATION, ago(now, 37));
        s.hypothesis(i.id(), "v2.14 opens a connection per cart item (N+1); pool exhausted under load", 75);
        s.setStatus(i.id(), IncidentStatus.IDENTIFIED, "deploy correlates with the spike", null);
        s.note(i.id(), "Rollback of v2.14 started", ago(now, 12));
        return s.setStatus(i.id(), IncidentStatus.MITIGATING, "rollback in progress", null).incident();
    }

    private static Incident agents(IncidentService s, Instant now, String platform) {
        Incident i = s.declare(new Declaration("Support agent sending duplicate refund emails", "SEV2", "support-agents",
                List.of(platform), "sam", true, ago(now, 25)));
        s.note(i.id(), "Customer report: three identical refund emails within a minute", ago(now, 25));
        s.markMilestone(i.id(), Milestone.ACKNOWLEDGED, ago(now, 21));
        s.note(i.id(), "Agent 'refund-helper' retries on timeout without an idempotency key", ago(now, 15));
        s.hypothesis(i.id(), "Retry loop in refund-helper; pause that one agent before a full halt", 60);
        return s.show(i.id()).incident();
    }

    private static Incident certificate(IncidentService s, Instant now) {
        Incident i = s.declare(new Declaration("Broker TLS certificate expires in 6 hours", "SEV3", "trust-broker",
                List.of("cullis"), "kim", true, ago(now, 90)));
        s.note(i.id(), "Cert-expiry alert: broker certificate valid until 20:15 UTC", ago(now, 90));
        s.markMilestone(i.id(), Milestone.ACKNOWLEDGED, ago(now, 70));
        return s.setStatus(i.id(), IncidentStatus.IDENTIFIED, "renewal blocked on the Vault role", null).incident();
    }

    private static Incident dashboard(IncidentService s, Instant now) {
        Incident i = s.declare(new Declaration("Ops dashboard chart labels overlap", "SEV4", "dashboard", List.of(), "lee",
                true, ago(now, 300)));
        s.note(i.id(), "Labels overlap below 1280 px; cosmetic only", ago(now, 290));
        return s.setStatus(i.id(), IncidentStatus.RESOLVED, "CSS fix deployed", null).incident();
    }
}
