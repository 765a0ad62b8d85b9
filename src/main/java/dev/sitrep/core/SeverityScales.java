package dev.sitrep.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The scales Sitrep ships, written from the runbooks in the domain brief. The five-level scale is
 * the default; the four-level and priority scales map onto the same colour ramp by rank.
 */
public final class SeverityScales {

    private static final Duration MIN_5 = Duration.ofMinutes(5);
    private static final Duration MIN_15 = Duration.ofMinutes(15);
    private static final Duration MIN_30 = Duration.ofMinutes(30);
    private static final Duration HOUR = Duration.ofHours(1);

    public static final SeverityScale FIVE_LEVEL = new SeverityScale("sev5", "SEV0..SEV4", List.of(
            new SeverityLevel("SEV0", 0, "Complete outage, data loss or a security breach",
                    Duration.ZERO, "immediately", MIN_15, "Engineering lead with an executive"),
            new SeverityLevel("SEV1", 1, "A major feature is down; many users are hit",
                    MIN_5, "5 min", MIN_15, "Senior engineer"),
            new SeverityLevel("SEV2", 2, "Degraded performance; moderate impact",
                    MIN_15, "15 min", MIN_30, "On-call engineer"),
            new SeverityLevel("SEV3", 3, "Minor problem with a workaround",
                    HOUR, "1 hour", HOUR, "On-call engineer"),
            new SeverityLevel("SEV4", 4, "Cosmetic; nothing stops working",
                    null, "best effort", null, "Any engineer")), "SEV2");

    public static final SeverityScale FOUR_LEVEL = new SeverityScale("sev4", "SEV1..SEV4", List.of(
            new SeverityLevel("SEV1", 1, "Customers see an outage, data is being lost, or a breach is active",
                    MIN_5, "5 min, all hands", MIN_15, "Senior engineer, all hands"),
            new SeverityLevel("SEV2", 2, "Significant degradation, automation misbehaving, or one tenant hit",
                    MIN_15, "15 min, primary on-call", MIN_30, "Primary on-call"),
            new SeverityLevel("SEV3", 3, "Recoverable degradation, one user, or an internal-only outage",
                    HOUR, "1 hour, business hours", HOUR, "On-call engineer"),
            new SeverityLevel("SEV4", 4, "Minor regression or cosmetic; no customer impact",
                    null, "next business day", null, "Any engineer")), "SEV2");

    public static final SeverityScale PRIORITY = new SeverityScale("p4", "P0..P3", List.of(
            new SeverityLevel("P0", 1, "Customers see an outage, data is being lost, or a breach is active",
                    MIN_5, "5 min, all hands", MIN_15, "Senior engineer, all hands"),
            new SeverityLevel("P1", 2, "Significant degradation, automation misbehaving, or one tenant hit",
                    MIN_15, "15 min, primary on-call", MIN_30, "Primary on-call"),
            new SeverityLevel("P2", 3, "Recoverable degradation, one user, or an internal-only outage",
                    HOUR, "1 hour, business hours", HOUR, "On-call engineer"),
            new SeverityLevel("P3", 4, "Minor regression or cosmetic; no customer impact",
                    null, "next business day", null, "Any engineer")), "P1");

    public static final List<SeverityScale> ALL = List.of(FIVE_LEVEL, FOUR_LEVEL, PRIORITY);

    private SeverityScales() {
    }

    public static Optional<SeverityScale> find(String id) {
        return ALL.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }

    public static SeverityScale byId(String id) {
        return find(id).orElseThrow(() -> SitrepException.invalid("Unknown severity scale '" + id
                + "'; choose one of " + ALL.stream().map(SeverityScale::id).collect(Collectors.joining(", ")) + "."));
    }
}
