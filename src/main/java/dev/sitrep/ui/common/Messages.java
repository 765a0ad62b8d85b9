package dev.sitrep.ui.common;

import dev.sitrep.core.SitrepException;

import java.util.Map;

/** What the commander reads when something fails: our message when we have one, else a plain summary. */
public final class Messages {

    /** How the console names the inputs that messages name (the CLI names them by its options). */
    private static final Map<String, String> CONTROLS = Map.ofEntries(
            Map.entry("reason", "the Reason field"),
            Map.entry("into", "the incident to merge into"),
            Map.entry("status", "the status"),
            Map.entry("at", "the When field"),
            Map.entry("actor", "your operator name (Settings)"),
            Map.entry("url", "the URL field"),
            Map.entry("path", "the Path field"),
            Map.entry("email", "the Email field"),
            Map.entry("flag", "the Flags field"),
            Map.entry("ca-cert", "the CA certificate field"),
            Map.entry("id", "Import… again, which picks a free id"),
            Map.entry("anyway", "the Declare anyway button"),
            Map.entry("redacted", "Export redacted copies"),
            Map.entry("include-secrets", "Keep the secrets"));

    private Messages() {
    }

    public static String of(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof SitrepException s) {
                return s.message(Messages::control);
            }
            t = t.getCause();
        }
        return "Unexpected failure: " + failure + ". Nothing was changed; details are in the log folder.";
    }

    /** The console's name for an input a message names. */
    static String control(String input) {
        return CONTROLS.getOrDefault(input, input);
    }
}
