package dev.sitrep.platform.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reading values out of platforms' JSON the same way in every connector. */
public final class JsonValues {

    private JsonValues() {
    }

    /** The text of a field, or {@code null} when it is absent or JSON null. */
    public static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    /** An ISO-8601 time with an offset, or without one (then UTC, as FastAPI writes naive times); else {@code null}. */
    public static Instant instant(JsonNode node) {
        String t = text(node);
        if (t == null || t.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
