package dev.sitrep.incident;

import java.time.Instant;
import java.util.List;

/**
 * What a commander gives to declare an incident. Only the title is required.
 *
 * @param severity   a level code, or {@code null} for the scale's default
 * @param commander  {@code null} for the operator
 * @param detectedAt when the problem was first seen, or {@code null} for now
 */
public record Declaration(String title, String severity, String service, List<String> platforms, String commander,
                          boolean drill, Instant detectedAt) {

    public Declaration {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
    }

    public static Declaration titled(String title) {
        return new Declaration(title, null, null, List.of(), null, false, null);
    }
}
