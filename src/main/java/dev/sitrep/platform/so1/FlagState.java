package dev.sitrep.platform.so1;

import java.time.Instant;

/**
 * One feature flag as SO1 answered it.
 *
 * @param updatedAt when SO1 last changed it, {@code null} when it does not say
 * @param updatedBy who changed it, {@code null} when it does not say
 */
public record FlagState(String name, boolean enabled, Instant updatedAt, String updatedBy) {
}
