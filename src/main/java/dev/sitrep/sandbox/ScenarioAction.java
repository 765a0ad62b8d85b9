package dev.sitrep.sandbox;

import dev.sitrep.sandbox.SandboxServer.Fault;

import java.time.Duration;
import java.util.Locale;

/**
 * What a scenario step does to the sandbox. Each action applies itself and says in plain words
 * what it did, for the line the drill prints.
 */
public sealed interface ScenarioAction {

    /** Applies the action to {@code sandbox} and returns what happened, in one line for the drill's log. */
    String apply(SandboxServer sandbox);

    /** What the action will do, in one line. */
    String describe();

    /** How long the action keeps going after it starts (an error burst); zero for a one-off. */
    default Duration lasts() {
        return Duration.ZERO;
    }

    /** healthy, degraded or unhealthy (unhealthy also makes /health/ready answer 503). */
    record Health(String value) implements ScenarioAction {
        @Override
        public String apply(SandboxServer sandbox) {
            sandbox.setHealth(value);
            return describe();
        }

        @Override
        public String describe() {
            return "health: " + value;
        }
    }

    /** The next {@code times} requests get {@code fault}. */
    record Fail(Fault fault, int times) implements ScenarioAction {
        @Override
        public String apply(SandboxServer sandbox) {
            sandbox.misbehave(fault, times);
            return describe();
        }

        @Override
        public String describe() {
            return "fail: " + requests(times, "gets", "get") + " " + words(fault);
        }
    }

    /** The next {@code times} requests wait {@code delay} before answering. */
    record Slow(int times, Duration delay) implements ScenarioAction {
        @Override
        public String apply(SandboxServer sandbox) {
            sandbox.setSlowDelay(delay);
            sandbox.misbehave(Fault.SLOW, times);
            return describe();
        }

        @Override
        public String describe() {
            return "slow: " + requests(times, "waits", "wait") + " " + seconds(delay) + " before answering";
        }
    }

    /** For {@code length}, {@code fraction} of the requests get {@code fault}. */
    record ErrorBurst(Fault fault, double fraction, Duration length) implements ScenarioAction {
        @Override
        public String apply(SandboxServer sandbox) {
            sandbox.errorBurst(fault, fraction);
            return describe();
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "error-burst: %d%% of requests get %s for %s", Math.round(fraction * 100),
                    words(fault), seconds(length));
        }

        @Override
        public Duration lasts() {
            return length;
        }
    }

    /** The end of an error burst; never written in a file, the player adds it. */
    record EndErrorBurst() implements ScenarioAction {
        @Override
        public String apply(SandboxServer sandbox) {
            sandbox.endErrorBurst();
            return describe();
        }

        @Override
        public String describe() {
            return "error-burst over: requests answer normally again";
        }
    }

    /** {@code misbehaving} agents act up (0: all behave). */
    record Agents(int misbehaving) implements ScenarioAction {
        @Override
        public String apply(SandboxServer sandbox) {
            sandbox.setMisbehavingAgents(misbehaving);
            return describe();
        }

        @Override
        public String describe() {
            return misbehaving == 0 ? "agents: normal" : "agents: misbehaving (" + misbehaving + " acting up)";
        }
    }

    /** The platform halts itself, as an automatic safety would, triggered by "system". */
    record Halt(String reason) implements ScenarioAction {
        @Override
        public String apply(SandboxServer sandbox) {
            return sandbox.haltBySystem(reason) ? describe()
                    : "halt: the platform was already halted; nothing changed (" + reason + ")";
        }

        @Override
        public String describe() {
            return "halt: the platform halted itself (triggered by system): " + reason;
        }
    }

    /** "the next request gets" or "the next 5 requests get". */
    private static String requests(int times, String oneVerb, String manyVerb) {
        return times == 1 ? "the next request " + oneVerb : "the next " + times + " requests " + manyVerb;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String words(Fault fault) {
        return switch (fault) {
            case SERVER_ERROR -> "HTTP 500";
            case UNAUTHORIZED -> "HTTP 401 (token expired)";
            case SLOW -> "a slow answer";
            case MALFORMED -> "an HTML page instead of JSON";
            case RATE_LIMITED -> "HTTP 429 (rate limited)";
        };
    }
}
