package dev.sitrep.ui.common;

import dev.sitrep.workspace.Theme;

/** The window around the pages, as the Settings page changes it: its theme and the operator its status bar names. */
public interface Chrome {

    void applyTheme(Theme theme);

    /** The operator's name changed: the status bar says the new one. */
    void showOperator(String name);
}
