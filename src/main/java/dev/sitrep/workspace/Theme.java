package dev.sitrep.workspace;

import java.util.Locale;

/** The console's colour theme; dark is the default for a 3 a.m. war room. */
public enum Theme {
    DARK, LIGHT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Theme fromKey(String key) {
        return "light".equalsIgnoreCase(key) ? LIGHT : DARK;
    }
}
