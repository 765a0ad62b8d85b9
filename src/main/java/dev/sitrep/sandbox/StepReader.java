package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.sandbox.SandboxServer.Fault;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one step of a scenario file: its offset, its action and that action's own fields. */
final class StepReader {

    /** Each action and the fields it takes besides {@code at}, {@code action} and {@code note}. */
    private static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();
    static {
        ACTIONS.put("health", List.of("value"));
        ACTIONS.put("fail", List.of("fault", "times"));
        ACTIONS.put("slow", List.of("times", "delay"));
        ACTIONS.put("error-burst", List.of("fraction", "for", "fault"));
        ACTIONS.put("agents", List.of("value", "count"));
        ACTIONS.put("halt", List.of("reason"));
    }
    private static final String ACTION_NAMES = String.join(", ", ACTIONS.keySet());

    private static final Duration MAX_DELAY = Duration.ofMinutes(5);
    private static final int DEFAULT_MISBEHAVING = 4;

    private StepReader() {
    }

    static Scenario.Step step(JsonNode node, int number, String where) {
        Fields f = new Fields(node, where);
        if (!node.isObject()) {
            throw f.problem("must be an object like {\"at\": \"PT30S\", \"action\": \"health\", \"value\": \"degraded\"}");
        }
        String action = f.text("action", "\"health\" (one of " + ACTION_NAMES + ")");
        List<String> own = ACTIONS.get(action);
        if (own == null) {
            throw f.problem("unknown action \"" + action + "\"; use one of " + ACTION_NAMES);
        }
        Set<String> known = new HashSet<>(own);
        known.addAll(List.of("at", "action", "note"));
        f.onlyKnown(known);
        Duration at = f.duration("at", null);
        if (at == null) {
            throw f.problem("missing \"at\"; add when the step happens, counted from the start, e.g. \"at\": \"PT30S\"");
        }
        String note = f.optionalText("note", null);
        return new Scenario.Step(number, at, action(action, f), note == null || note.isEmpty() ? null : note);
    }

    private static ScenarioAction action(String action, Fields f) {
        return switch (action) {
            case "health" -> new ScenarioAction.Health(f.choice("value", orderedSet("healthy", "degraded", "unhealthy")));
            case "fail" -> new ScenarioAction.Fail(fault(f, null), f.count("times", 1));
            case "slow" -> new ScenarioAction.Slow(f.count("times", 1), delay(f));
            case "error-burst" -> errorBurst(f);
            case "agents" -> agents(f);
            case "halt" -> new ScenarioAction.Halt(f.text("reason", "\"spend limit exceeded\""));
            default -> throw new IllegalStateException("action " + action + " is in ACTIONS but not read");
        };
    }

    private static Duration delay(Fields f) {
        Duration delay = f.duration("delay", FaultPlan.DEFAULT_SLOW_DELAY);
        if (delay.isZero() || delay.compareTo(MAX_DELAY) > 0) {
            throw f.problem("\"delay\" " + delay + " is out of range; slow answers wait more than PT0S and at most " + MAX_DELAY);
        }
        return delay;
    }

    private static ScenarioAction errorBurst(Fields f) {
        JsonNode fraction = f.node("fraction");
        if (fraction == null) {
            throw f.problem("missing \"fraction\"; add the share of requests that fail, e.g. \"fraction\": 0.3");
        }
        if (!fraction.isNumber() || !(fraction.asDouble() > 0 && fraction.asDouble() <= 1)) {
            throw f.problem("\"fraction\" is " + fraction + "; write a number above 0 and at most 1, e.g. 0.3 for 30%");
        }
        Duration length = f.duration("for", null);
        if (length == null || length.isZero()) {
            throw f.problem((length == null ? "missing \"for\"" : "\"for\" is zero")
                    + "; add how long the burst lasts, e.g. \"for\": \"PT2M\"");
        }
        return new ScenarioAction.ErrorBurst(fault(f, Fault.SERVER_ERROR), fraction.asDouble(), length);
    }

    private static ScenarioAction agents(Fields f) {
        String value = f.choice("value", orderedSet("misbehaving", "normal"));
        if (value.equals("normal")) {
            if (f.node("count") != null) {
                throw f.problem("\"count\" goes with \"value\": \"misbehaving\" only; remove it");
            }
            return new ScenarioAction.Agents(0);
        }
        return new ScenarioAction.Agents(f.count("count", 1, SandboxServer.AGENTS, DEFAULT_MISBEHAVING));
    }

    /** {@code SERVER_ERROR}, also written {@code server-error}; {@code fallback} when absent ({@code null}: required). */
    private static Fault fault(Fields f, Fault fallback) {
        String names = Arrays.stream(Fault.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (f.node("fault") == null && fallback != null) {
            return fallback;
        }
        String value = f.text("fault", "\"SERVER_ERROR\" (one of " + names + ")");
        try {
            return Fault.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw f.problem("unknown fault \"" + value + "\"; use one of " + names);
        }
    }

    private static Set<String> orderedSet(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}
