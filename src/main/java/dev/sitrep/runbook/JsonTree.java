package dev.sitrep.runbook;

import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value that remembers the line it starts on, so every later check can say where
 * the problem is. Built by {@link JsonTreeReader}; object fields keep their order and their own
 * line (the line of the key).
 */
sealed interface JsonTree permits JsonTree.Obj, JsonTree.Arr, JsonTree.Scalar {

    int line();

    /** What the value is, in the words a message uses: "text", "a number", "a list", ... */
    String kind();

    /** A field of an object: the key's line, and its value. */
    record Field(String key, JsonTree value, int line) {
    }

    record Obj(Map<String, Field> fields, int line) implements JsonTree {
        public Obj {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        @Override
        public String kind() {
            return "an object {...}";
        }
    }

    record Arr(List<JsonTree> items, int line) implements JsonTree {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list [...]";
        }
    }

    /** A string, number, boolean or null; {@code value} is a String, Number, Boolean or {@code null}. */
    record Scalar(Object value, int line) implements JsonTree {

        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String) {
                return "text";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            return "a number";
        }
    }
}
