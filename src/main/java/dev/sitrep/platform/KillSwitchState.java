package dev.sitrep.platform;

import java.time.Instant;

/**
 * The kill-switch state a platform confirmed. {@code by} and {@code reason} are {@code null} when
 * the platform does not know them (weathervane keeps only the flag).
 *
 * @param readAt when the platform said so
 */
public record KillSwitchState(String platform, boolean halted, Instant since, String by, String reason, Instant readAt) {
}
