package dev.sitrep.platform;

import dev.sitrep.core.SitrepException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a profile's secret (password, admin secret, token) comes from, in order: the environment
 * variable {@code SITREP_SECRET_<NAME>}, the OS keychain when one answers, else the operator is
 * asked (kept in memory only). With no terminal to ask, the refusal names the variable to set.
 * Secrets are never written to disk or logs by Sitrep.
 */
public final class Secrets {

    /** The OS keychain, behind an interface: it may be locked, slow or absent. */
    public interface Keychain {
        Optional<String> lookup(String profile);

        Keychain NONE = profile -> Optional.empty();
    }

    /** Asks the operator; {@code null} when nobody can be asked (no terminal, no window). */
    public interface Asker {
        String ask(String question);
    }

    private final Map<String, String> env;
    private final Keychain keychain;
    private final Asker asker;
    private final Map<String, String> asked = new ConcurrentHashMap<>();

    public Secrets(Map<String, String> env, Keychain keychain, Asker asker) {
        this.env = env;
        this.keychain = keychain;
        this.asker = asker;
    }

    /** Keeps a secret typed into the console for this session only (never written anywhere). */
    public void remember(String profile, String secret) {
        if (secret != null && !secret.isEmpty()) {
            asked.put(profile, secret);
        }
    }

    /** {@code SITREP_SECRET_} + the profile name upper-cased, other characters as '_'. */
    public static String variableFor(String profile) {
        return "SITREP_SECRET_" + profile.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public String secretFor(String profile) {
        String fromEnv = env.get(variableFor(profile));
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        String typed = asked.get(profile);
        if (typed != null) {
            return typed;
        }
        Optional<String> stored = keychain.lookup(profile);
        if (stored.isPresent()) {
            return stored.get();
        }
        String answer = asker == null ? null : asker.ask("Secret for platform " + profile + ": ");
        if (answer == null || answer.isEmpty()) {
            throw SitrepException.invalid("No secret for platform " + profile + ": set " + variableFor(profile)
                    + ", store it in the OS keychain with 'sitrep platform secret " + profile + "', or type it in "
                    + "Settings > Platforms (kept in memory only).");
        }
        asked.put(profile, answer);
        return answer;
    }
}
