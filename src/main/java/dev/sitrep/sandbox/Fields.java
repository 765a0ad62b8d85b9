package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.SitrepException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to one JSON object of a scenario file, every problem worded as
 * "{@code where}: problem; fix" (where is "scenario FILE, step N").
 */
final class Fields {

    private final JsonNode node;
    private final String where;

    Fields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    SitrepException problem(String problem) {
        return SitrepException.invalid(where + ": " + problem);
    }

    /** The field, or {@code null} when absent or JSON null. */
    JsonNode node(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    void onlyKnown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                throw problem("unknown field \"" + field + "\"; the fields here are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    String optionalText(String field, String fallback) {
        JsonNode value = node(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw problem("\"" + field + "\" must be text in quotes, not " + value);
        }
        return value.asText().strip();
    }

    /** A text field that must be there and not blank; {@code example} shows how to write it. */
    String text(String field, String example) {
        String value = optionalText(field, "");
        if (value.isEmpty()) {
            throw problem("missing \"" + field + "\"; add e.g. \"" + field + "\": " + example);
        }
        return value;
    }

    /** One of {@code allowed}, lower case. */
    String choice(String field, Set<String> allowed) {
        String value = text(field, "\"" + allowed.iterator().next() + "\"");
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw problem("\"" + field + "\" is \"" + value + "\"; use one of " + String.join(", ", allowed));
        }
        return lower;
    }

    /** An ISO-8601 duration, zero or more; {@code fallback} when absent. */
    Duration duration(String field, Duration fallback) {
        JsonNode value = node(field);
        if (value == null) {
            return fallback;
        }
        String fix = "; write an ISO-8601 duration such as \"PT30S\", \"PT2M\" or \"PT1M30S\"";
        if (!value.isTextual()) {
            throw problem("bad duration " + value + " for \"" + field + "\"" + fix);
        }
        try {
            Duration d = Duration.parse(value.asText().strip());
            if (d.isNegative()) {
                throw problem("bad duration \"" + value.asText() + "\" for \"" + field + "\": it is negative" + fix);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw problem("bad duration \"" + value.asText() + "\" for \"" + field + "\"" + fix);
        }
    }

    /** A whole number from {@code min} to 10000; {@code fallback} when absent. */
    int count(String field, int min, int max, int fallback) {
        JsonNode value = node(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            throw problem("\"" + field + "\" is " + value + "; write a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    int count(String field, int min) {
        return count(field, min, 10_000, min);
    }
}
