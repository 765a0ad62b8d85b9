package dev.sitrep.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Vector icons (Feather), sized for the laptop console. */
public final class Icons {

    private Icons() {
    }

    /** Loads the icon font; the app calls it on another core while the window is being built. */
    public static void warmUp() {
        of(org.kordamp.ikonli.feather.Feather.GRID);
    }

    public static FontIcon of(Ikon ikon) {
        return of(ikon, 16);
    }

    public static FontIcon of(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
