package dev.sitrep.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.SitrepException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks a scenario file (format in src/site/markdown/sandbox.md). A mistake is a
 * {@link SitrepException#invalid} whose one line names the file, the step (counted from 1) and
 * the problem with its fix, so a drill author never sees a stack trace.
 */
public final class ScenarioReader {

    private static final Set<String> TOP_FIELDS = Set.of("version", "name", "description", "steps", "repeat");

    private ScenarioReader() {
    }

    /** Reads the file at {@code path}; messages name it as given. */
    public static Scenario read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SitrepException.invalid("scenario file " + path + " does not exist; give a built-in scenario's name "
                    + "(sitrep sandbox --list-scenarios) or the path of a scenario file");
        } catch (IOException e) {
            throw SitrepException.invalid("scenario file " + path + " cannot be read: " + e.getMessage());
        }
        String file = String.valueOf(path.getFileName());
        return parse(text, path.toString(), file.endsWith(".json") ? file.substring(0, file.length() - 5) : file);
    }

    /**
     * Parses {@code text}; {@code source} names it in messages, {@code fallbackName} is the
     * scenario's name when the file gives none.
     */
    public static Scenario parse(String text, String source, String fallbackName) {
        JsonNode root;
        try {
            root = Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw SitrepException.invalid("scenario " + source + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage());
        }
        Fields top = new Fields(root, "scenario " + source);
        if (root == null || !root.isObject()) {
            throw top.problem("must be a JSON object like {\"version\": 1, \"name\": \"...\", \"steps\": [...]}");
        }
        top.onlyKnown(TOP_FIELDS);
        checkVersion(top);
        String name = top.optionalText("name", fallbackName);
        String description = top.optionalText("description", "");
        JsonNode steps = top.node("steps");
        if (steps == null) {
            throw top.problem("has no \"steps\"; add \"steps\": [] (an empty list for a scenario where nothing happens)");
        }
        if (!steps.isArray()) {
            throw top.problem("\"steps\" must be a list [...] of steps");
        }
        List<Scenario.Step> parsed = new ArrayList<>();
        int number = 1;
        for (Iterator<JsonNode> it = steps.elements(); it.hasNext(); number++) {
            parsed.add(StepReader.step(it.next(), number, "scenario " + source + ", step " + number));
        }
        Scenario scenario = new Scenario(name, description, parsed, null);
        JsonNode repeat = top.node("repeat");
        return repeat == null ? scenario
                : new Scenario(name, description, parsed, repeat(repeat, scenario, "scenario " + source + ", repeat"));
    }

    private static void checkVersion(Fields top) {
        JsonNode version = top.node("version");
        if (version == null) {
            throw top.problem("has no \"version\"; add \"version\": " + Scenario.VERSION + " at the top");
        }
        if (!version.isIntegralNumber() || version.asInt() != Scenario.VERSION) {
            throw top.problem("has version " + version + ", but this Sitrep reads version " + Scenario.VERSION
                    + " only; write \"version\": " + Scenario.VERSION + " (or use a newer Sitrep)");
        }
    }

    private static Scenario.Repeat repeat(JsonNode node, Scenario once, String where) {
        Fields f = new Fields(node, where);
        if (!node.isObject()) {
            throw f.problem("must be an object like {\"every\": \"PT10M\", \"times\": 3}");
        }
        f.onlyKnown(Set.of("every", "times"));
        var every = f.duration("every", null);
        if (every == null) {
            throw f.problem("has no \"every\"; add how often the steps start again, e.g. \"every\": \"PT10M\"");
        }
        if (every.compareTo(once.length()) <= 0) {
            throw f.problem("\"every\" " + every + " is not longer than one round, which ends at " + once.length()
                    + "; make it longer");
        }
        int times = f.node("times") == null ? 0 : f.count("times", 1);
        return new Scenario.Repeat(every, times);
    }
}
