package dev.sitrep.platform;

import java.time.Instant;
import java.util.Map;

/**
 * A platform's health as it answered at {@code checkedAt}.
 *
 * @param checks per-component results where the platform gives them (database, redis, ...)
 */
public record Health(Status status, String version, Map<String, String> checks, Instant checkedAt, String detail) {

    /** Ordered from good to bad. */
    public enum Status { HEALTHY, DEGRADED, UNHEALTHY }

    public Health {
        checks = checks == null ? Map.of() : Map.copyOf(checks);
    }
}
