package dev.sitrep.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How to reach one platform: its kind, its address (a URL, or a file path for weathervane), the
 * account to log in with, its environment, an extra CA file, and for so1 the feature flags its
 * kill switch disables. Secrets are never part of a profile.
 *
 * @param autoHalt the team opted in to Sitrep halting this platform by itself when its health
 *                 checks escalate (audited as {@code actor="system"}); off unless chosen
 */
public record PlatformProfile(String name, PlatformKind kind, String url, Path path, String email,
                              Environment environment, Path caCert, List<String> flags, Duration healthEvery,
                              boolean autoHalt) {

    /** A profile that only proposes the kill switch (the default). */
    public PlatformProfile(String name, PlatformKind kind, String url, Path path, String email, Environment environment,
                           Path caCert, List<String> flags, Duration healthEvery) {
        this(name, kind, url, path, email, environment, caCert, flags, healthEvery, false);
    }

    /** Where the platform runs; production gets the strictest thresholds. */
    public enum Environment {
        PRODUCTION, STAGING, DEVELOPMENT;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Environment parse(String text) {
            for (Environment e : values()) {
                if (e.key().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return e;
                }
            }
            throw SitrepException.invalid("Unknown environment " + Limits.quote(text) + "; use production, staging or development.");
        }
    }

    public PlatformProfile {
        flags = flags == null ? List.of() : List.copyOf(flags);
        healthEvery = healthEvery == null ? Duration.ofSeconds(30) : healthEvery;
    }

    /** Profile names are what commanders type: lower-case letters, digits, '-' and '_', 1 to 40 long. */
    public static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (!n.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw SitrepException.invalid(Limits.quote(name) + " is not a usable platform name; use 1 to 40 lower-case letters, "
                    + "digits, '-' or '_', starting with a letter or digit (e.g. pn-prod).");
        }
        return n;
    }

    /** Where the platform is, for lists: its URL or its file. */
    public String address() {
        return kind.usesUrl() ? shownUrl() : String.valueOf(path);
    }

    /**
     * The URL as it may be printed or shown: never with a user or password in it (such a URL is refused when a
     * profile is added; one kept from before that is shown without them).
     */
    public String shownUrl() {
        if (url == null) {
            return null;
        }
        try {
            java.net.URI u = new java.net.URI(url.strip());
            if (u.getRawUserInfo() == null) {
                return url;
            }
            return new java.net.URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getRawPath(), null, null)
                    .toString();
        } catch (java.net.URISyntaxException e) {
            return url.replaceAll("//[^/@]*@", "//");
        }
    }
}
