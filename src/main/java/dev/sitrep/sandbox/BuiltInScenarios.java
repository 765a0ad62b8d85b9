package dev.sitrep.sandbox;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios that ship with Sitrep, as resources under {@code dev/sitrep/sandbox/scenarios/}
 * (listed here by name because a jar's folder cannot be listed portably), and the lookup
 * {@code sitrep sandbox --scenario NAME|FILE} uses.
 */
public final class BuiltInScenarios {

    /** Names in the order a commander would try them. */
    public static final List<String> NAMES = List.of("calm", "degrading-then-failing", "agents-acting-up", "auth-outage",
            "flaky-network");

    private BuiltInScenarios() {
    }

    /** Every built-in scenario, in {@link #NAMES} order. */
    public static List<Scenario> all() {
        return NAMES.stream().map(BuiltInScenarios::load).toList();
    }

    /** The built-in scenario {@code name}. */
    public static Scenario load(String name) {
        String resource = "scenarios/" + name + ".json";
        try (InputStream in = BuiltInScenarios.class.getResourceAsStream(resource)) {
            if (in == null || !NAMES.contains(name)) {
                throw SitrepException.notFound("there is no built-in scenario named " + Limits.quote(name) + "; the built-in ones are "
                        + String.join(", ", NAMES));
            }
            return ScenarioReader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "built-in " + name, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in scenario " + name, e);
        }
    }

    /** A built-in scenario when {@code nameOrFile} names one, else the scenario file at that path. */
    public static Scenario resolve(String nameOrFile) {
        if (NAMES.contains(nameOrFile)) {
            return load(nameOrFile);
        }
        if (!nameOrFile.contains("/") && !nameOrFile.contains("\\") && !nameOrFile.endsWith(".json")
                && !Path.of(nameOrFile).toFile().exists()) {
            throw SitrepException.invalid("there is no built-in scenario named " + Limits.quote(nameOrFile) + " and no such file; "
                    + "the built-in ones are " + String.join(", ", NAMES) + ", or give the path of a scenario file");
        }
        return ScenarioReader.read(Path.of(nameOrFile));
    }
}
