package dev.sitrep.platform;

import dev.sitrep.core.Limits;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kill-switch state a platform confirmed. {@code by} and {@code reason} are {@code null} when
 * the platform does not know them (weathervane keeps only the flag).
 *
 * @param readAt when the platform said so
 * @param parts  a kill switch made of several switches (so1: its feature flags), each {@code true}
 *               when that part is halted (the flag disabled); empty for a kill switch that is one switch
 */
public record KillSwitchState(String platform, boolean halted, Instant since, String by, String reason, Instant readAt,
                              Map<String, Boolean> parts) {

    /** {@code by} and {@code reason} are the platform's words: cut to what is shown and stored. */
    public KillSwitchState {
        by = Limits.foreign(by, BY_MAX);
        reason = Limits.foreign(reason, REASON_MAX);
        parts = parts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** A kill switch that is one switch. */
    public KillSwitchState(String platform, boolean halted, Instant since, String by, String reason, Instant readAt) {
        this(platform, halted, since, by, reason, readAt, Map.of());
    }

    static final int BY_MAX = 300;
    static final int REASON_MAX = 2000;

    /** Whether some of its parts are halted and some not. */
    public boolean partial() {
        return parts.containsValue(true) && parts.containsValue(false);
    }

    /** The parts halted ({@code true}) or not ({@code false}), in order. */
    public List<String> parts(boolean halted) {
        return parts.entrySet().stream().filter(e -> e.getValue() == halted).map(Map.Entry::getKey).toList();
    }
}
