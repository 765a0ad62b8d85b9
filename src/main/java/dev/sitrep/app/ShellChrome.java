package dev.sitrep.app;

import dev.sitrep.ui.common.Chrome;
import dev.sitrep.ui.shell.ShellViewModel;
import dev.sitrep.workspace.Theme;

import java.util.function.Consumer;

/** The window's theme (the application's stylesheet) and the operator in its status bar. */
record ShellChrome(ShellViewModel shellModel, Consumer<Theme> theme) implements Chrome {

    @Override
    public void applyTheme(Theme chosen) {
        theme.accept(chosen);
    }

    @Override
    public void showOperator(String name) {
        shellModel.setOperator(name);
    }
}
