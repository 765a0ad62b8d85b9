package dev.sitrep.runbook;

import dev.sitrep.core.Limits;

import java.util.List;

/**
 * Typed access to one object of a runbook file. A missing, empty or mistyped field is a problem
 * at its line (the key's, else the object's), worded with {@code what} ("question \"q1\"") and
 * a fix; the getter then answers {@code null} so reading goes on and finds the other problems.
 */
final class Fields {

    private final JsonTree.Obj object;
    private final String what;
    private final Problems problems;

    private Fields(JsonTree.Obj object, String what, Problems problems) {
        this.object = object;
        this.what = what;
        this.problems = problems;
    }

    /** The fields of {@code tree}, or {@code null} (with a problem) when it is not an object. */
    static Fields of(JsonTree tree, String what, String example, Problems problems) {
        if (tree instanceof JsonTree.Obj obj) {
            return new Fields(obj, what, problems);
        }
        problems.add(tree.line(), what + " must be an object like " + example + ", not " + tree.kind());
        return null;
    }

    /** The same object, named differently in messages (by its id once that is known). */
    static Fields rename(Fields f, String what) {
        return new Fields(f.object, what, f.problems);
    }

    int line() {
        return object.line();
    }

    String what() {
        return what;
    }

    Problems problems() {
        return problems;
    }

    /** The line of {@code key}, or of the object when the key is absent. */
    int lineOf(String key) {
        JsonTree.Field field = object.fields().get(key);
        return field == null ? object.line() : field.line();
    }

    boolean has(String key) {
        JsonTree value = raw(key);
        return value != null;
    }

    /** The value, or {@code null} when absent or JSON null. */
    JsonTree raw(String key) {
        JsonTree.Field field = object.fields().get(key);
        if (field == null || field.value() instanceof JsonTree.Scalar s && s.value() == null) {
            return null;
        }
        return field.value();
    }

    /** Reports every key not in {@code known}, with the closest known one when it is a likely typo. */
    void onlyKnown(List<String> known) {
        for (JsonTree.Field field : object.fields().values()) {
            if (!known.contains(field.key())) {
                problems.add(field.line(), "unknown key \"" + field.key() + "\" in " + what
                        + Suggest.closest(field.key(), known).map(s -> " (did you mean \"" + s + "\"?)")
                        .orElse("; the keys here are " + String.join(", ", known)));
            }
        }
    }

    /** A required text: trimmed, not empty; {@code hint} says what to write. */
    String text(String key, String hint) {
        String value = optionalText(key);
        if (value == null && !mistyped(key)) {
            problems.add(lineOf(key), what + (has(key) ? " has an empty \"" : " has no \"") + key + "\"; " + hint);
        }
        return value;
    }

    /** An optional text: trimmed; {@code null} when absent, empty or not text (a problem then). */
    String optionalText(String key) {
        JsonTree value = raw(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonTree.Scalar s) || !(s.value() instanceof String text)) {
            problems.add(value.line(), "\"" + key + "\" in " + what + " must be text in quotes, not " + value.kind());
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > Limits.TEXT_MAX) {
            problems.add(value.line(), tooLong("\"" + key + "\" in " + what, stripped.length()));
            return null;
        }
        return stripped.isEmpty() ? null : stripped;
    }

    static String tooLong(String what, int length) {
        return what + " is " + length + " characters; the limit is " + Limits.TEXT_MAX + ": split it into steps or sections";
    }

    /** True when the key holds something that is not text (already reported by optionalText). */
    private boolean mistyped(String key) {
        JsonTree value = raw(key);
        return value != null && !(value instanceof JsonTree.Scalar s && s.value() instanceof String);
    }

    boolean bool(String key) {
        JsonTree value = raw(key);
        if (value == null) {
            return false;
        }
        if (value instanceof JsonTree.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        problems.add(value.line(), "\"" + key + "\" in " + what + " must be true or false, not " + value.kind());
        return false;
    }

    /** A list, or an empty one when absent; {@code null} (with a problem) when it is something else. */
    List<JsonTree> list(String key) {
        JsonTree value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonTree.Arr arr) {
            return arr.items();
        }
        problems.add(value.line(), "\"" + key + "\" in " + what + " must be a list [...], not " + value.kind());
        return List.of();
    }

    /** A list of texts; items that are not text are reported and left out. */
    List<Located> texts(String key) {
        List<Located> out = new java.util.ArrayList<>();
        for (JsonTree item : list(key)) {
            if (item instanceof JsonTree.Scalar s && s.value() instanceof String text && !text.isBlank()) {
                out.add(new Located(text.strip(), item.line()));
            } else {
                problems.add(item.line(), "each entry of \"" + key + "\" in " + what + " must be non-empty text, not "
                        + (item instanceof JsonTree.Scalar s && s.value() instanceof String ? "empty text" : item.kind()));
            }
        }
        return out;
    }
}
