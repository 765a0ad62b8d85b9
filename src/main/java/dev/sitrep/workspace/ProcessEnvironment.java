package dev.sitrep.workspace;

import dev.sitrep.core.Limits;
import dev.sitrep.store.DataDirectory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Sitrep takes from the process it runs in: environment variables, the OS user and home,
 * the clock and the local time zone. Tests pass their own.
 */
public record ProcessEnvironment(Map<String, String> env, String osName, String userName, String userHome, Clock clock,
                             ZoneId zone, boolean interactive) {

    public static final String ENV_ACTOR = "SITREP_ACTOR";

    public static ProcessEnvironment ofProcess() {
        return new ProcessEnvironment(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.name", ""),
                System.getProperty("user.home", ""), Clock.systemUTC(), ZoneId.systemDefault(), System.console() != null);
    }

    public Path dataDir(String option) {
        return DataDirectory.resolve(option, env, osName, userHome);
    }

    /** {@code --actor}, then SITREP_ACTOR, then the operator saved in Settings, then the OS user. */
    public String actor(String option, Supplier<Optional<String>> saved) {
        String fromOption = Limits.optionalName("actor", option);
        if (fromOption != null) {
            return fromOption;
        }
        String fromEnv = Limits.optionalName("actor", env.get(ENV_ACTOR));
        if (fromEnv != null) {
            return fromEnv;
        }
        return saved.get().orElse(userName);
    }

    /** True when the operator is fixed by {@code --actor} or SITREP_ACTOR, so Settings cannot change it. */
    public boolean actorOverridden(String option) {
        return Limits.optionalName("actor", option) != null || Limits.optionalName("actor", env.get(ENV_ACTOR)) != null;
    }
}
