package dev.sitrep.ui.common;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Vector icons (Feather), sized for the laptop console. */
public final class Icons {

    private Icons() {
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
