package dev.sitrep.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What Sitrep last learned from a platform, kept in the store so it can be shown (with its age)
 * when the platform is out of reach.
 *
 * @param health       healthy, degraded, unhealthy, or {@code null} before the first answer
 * @param halted       the confirmed kill-switch state, {@code null} when never read
 * @param offlineSince when the current run of failed pulls began, {@code null} while reachable
 * @param failures     failed pulls in a row; one is a blip, {@value #OFFLINE_AFTER} make the platform offline
 * @param lastPlatformEvent the newest platform event (a deployment) already written on timelines
 * @param resumedAt    when the platform's automation was last resumed (starts the {@link ResumeWatch})
 * @param escalation   what its health checks propose now, {@code null} when nothing
 */
public record PlatformStatus(String name, String health, String healthVersion, String healthDetail,
                             Map<String, String> healthChecks, Instant healthAt, Boolean halted, Instant haltedSince,
                             String haltedBy, String haltedReason, Instant killSwitchAt, String lastEventId,
                             String lastError, Instant lastErrorAt, Instant offlineSince, int failures,
                             String lastPlatformEvent, Instant resumedAt, Escalation escalation) {

    public PlatformStatus {
        healthChecks = healthChecks == null ? Map.of() : Map.copyOf(healthChecks);
    }

    public static PlatformStatus unknown(String name) {
        return new PlatformStatus(name, null, null, null, Map.of(), null, null, null, null, null, null, null, null, null,
                null, 0, null, null, null);
    }

    /** Consecutive failed pulls before a platform counts as offline (a single failure is a blip). */
    public static final int OFFLINE_AFTER = 2;

    /** Unreachable for {@value #OFFLINE_AFTER} pulls in a row or more. */
    public boolean offline() {
        return offlineSince != null && failures >= OFFLINE_AFTER;
    }

    /** The same state with what the health checks propose now ({@code null}: nothing). */
    public PlatformStatus withEscalation(Escalation e) {
        return new PlatformStatus(name, health, healthVersion, healthDetail, healthChecks, healthAt, halted, haltedSince,
                haltedBy, haltedReason, killSwitchAt, lastEventId, lastError, lastErrorAt, offlineSince, failures,
                lastPlatformEvent, resumedAt, e);
    }

    /** The newest thing known, older than {@code freshFor}, or never read: show its age, not as current. */
    public boolean staleAt(Instant now, Duration freshFor) {
        return healthAt == null || offline() || Duration.between(healthAt, now).compareTo(freshFor) > 0;
    }
}
