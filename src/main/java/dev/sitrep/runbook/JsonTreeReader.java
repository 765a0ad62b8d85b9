package dev.sitrep.runbook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON with Jackson's streaming parser into a {@link JsonTree} that keeps the line of
 * every value and key. Malformed JSON is one problem at the line where the parser stopped, and so
 * is JSON nested deeper than the parser's limit (which bounds every walk over the tree);
 * a key given twice in one object is a problem too (the first one is kept).
 */
final class JsonTreeReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonParser parser;
    private final Problems problems;

    private JsonTreeReader(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    /** The tree, or {@code null} when the bytes are not JSON (the reason is in {@code problems}). */
    static JsonTree read(byte[] bytes, Problems problems) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            try {
                return new JsonTreeReader(parser, problems).root();
            } catch (StreamConstraintsException e) {
                problems.add(line(parser.currentLocation()), "nested deeper than "
                        + FACTORY.streamReadConstraints().getMaxNestingDepth() + " levels of lists and objects (sections "
                        + "inside sections, most likely); a runbook needs a few: put these sections side by side instead "
                        + "of each inside the one before");
                return null;
            }
        } catch (JsonProcessingException e) {
            String detail = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst().orElse("");
            problems.add(line(e.getLocation()), "not valid JSON: " + detail
                    + "; fix the syntax here (a missing comma, quote or bracket is the usual cause)");
            return null;
        } catch (IOException e) {
            problems.add(1, "cannot be read: " + e.getMessage());
            return null;
        }
    }

    private JsonTree root() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            problems.add(1, "the file is empty; a runbook starts with {\"version\": 1, \"id\": \"...\", \"title\": \"...\"}");
            return null;
        }
        JsonTree root = value(first);
        if (parser.nextToken() != null) {
            problems.add(line(parser.currentTokenLocation()), "more JSON follows the end of the runbook; a file holds "
                    + "one runbook object: remove what follows its closing }");
            return null;
        }
        return root;
    }

    private JsonTree value(JsonToken token) throws IOException {
        int line = line(parser.currentTokenLocation());
        return switch (token) {
            case START_OBJECT -> object(line);
            case START_ARRAY -> array(line);
            case VALUE_STRING -> new JsonTree.Scalar(parser.getText(), line);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonTree.Scalar(parser.getNumberValue(), line);
            case VALUE_TRUE -> new JsonTree.Scalar(Boolean.TRUE, line);
            case VALUE_FALSE -> new JsonTree.Scalar(Boolean.FALSE, line);
            case VALUE_NULL -> new JsonTree.Scalar(null, line);
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    private JsonTree.Obj object(int line) throws IOException {
        Map<String, JsonTree.Field> fields = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line(parser.currentTokenLocation());
            JsonTree value = value(parser.nextToken());
            JsonTree.Field earlier = fields.get(key);
            if (earlier != null) {
                problems.add(keyLine, "\"" + key + "\" is given twice in this object (first on line " + earlier.line()
                        + "); keep one");
            } else {
                fields.put(key, new JsonTree.Field(key, value, keyLine));
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected JSON token " + token);
        }
        return new JsonTree.Obj(fields, line);
    }

    private JsonTree.Arr array(int line) throws IOException {
        List<JsonTree> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(value(token));
        }
        return new JsonTree.Arr(items, line);
    }

    private static int line(JsonLocation at) {
        return at == null ? 1 : Math.max(1, at.getLineNr());
    }
}
