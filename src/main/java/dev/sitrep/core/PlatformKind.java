package dev.sitrep.core;


import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The platform dialects Sitrep speaks. */
public enum PlatformKind {
    POWERNODE(true, "New AI work stops; tool calls already running finish."),
    CULLIS(true, "No halt: containment revokes an organisation's agent certificates."),
    WEATHERVANE(false, "New features revert to their defaults; work already running goes on."),
    SO1(true, "The feature flags the profile lists are disabled."),
    SITREP(true, "The team platform's automation stops (its own kill switch); incidents keep syncing.");

    private final boolean http;
    private final String haltMeans;

    PlatformKind(boolean http, String haltMeans) {
        this.http = http;
        this.haltMeans = haltMeans;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reached over HTTP(S) with a URL; otherwise through a local file path. */
    public boolean usesUrl() {
        return http;
    }

    /** What halting stops on this kind of platform, in the commander's words. */
    public String haltMeans() {
        return haltMeans;
    }

    public static PlatformKind parse(String text) {
        String wanted = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst()
                .orElseThrow(() -> SitrepException.invalid("Unknown platform kind " + Limits.quote(text) + "; use one of "
                        + Arrays.stream(values()).map(PlatformKind::key).collect(Collectors.joining(", ")) + "."));
    }
}
