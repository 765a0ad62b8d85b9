package dev.sitrep.cli;

import dev.sitrep.core.Limits;
import dev.sitrep.store.DataDirectory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the CLI takes from the process it runs in: environment variables, the OS user and home,
 * the clock and the local time zone. Tests pass their own.
 */
public record CliEnvironment(Map<String, String> env, String osName, String userName, String userHome, Clock clock,
                             ZoneId zone, boolean interactive) {

    public static final String ENV_ACTOR = "SITREP_ACTOR";

    public static CliEnvironment ofProcess() {
        return new CliEnvironment(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.name", ""),
                System.getProperty("user.home", ""), Clock.systemUTC(), ZoneId.systemDefault(), System.console() != null);
    }

    public Path dataDir(String option) {
        return DataDirectory.resolve(option, env, osName, userHome);
    }

    /** {@code --actor}, then SITREP_ACTOR, then the OS user. */
    public String actor(String option) {
        String fromOption = Limits.optionalName("actor", option);
        if (fromOption != null) {
            return fromOption;
        }
        String fromEnv = Limits.optionalName("actor", env.get(ENV_ACTOR));
        return fromEnv != null ? fromEnv : userName;
    }
}
