package dev.sitrep.app;

import dev.sitrep.workspace.WorkspaceSettings;

import java.util.Optional;

/**
 * Where the wall window goes and whether it was left open: remembered in a workspace's settings
 * (the console's wall, {@code sitrep wall}), or not at all (a hub's wall on a machine with no
 * workspace, {@code sitrep wall --hub}). {@link #remember} is called off the FX thread.
 */
interface WallPlacement {

    /** The screen the wall was last on, if known. */
    Optional<Integer> screen();

    void remember(boolean open, int screen);

    static WallPlacement in(WorkspaceSettings settings, String actor) {
        return new WallPlacement() {
            @Override
            public Optional<Integer> screen() {
                return settings.wallScreen();
            }

            @Override
            public void remember(boolean open, int screen) {
                settings.rememberWall(open, screen, actor);
            }
        };
    }

    static WallPlacement nowhere() {
        return new WallPlacement() {
            @Override
            public Optional<Integer> screen() {
                return Optional.empty();
            }

            @Override
            public void remember(boolean open, int screen) {
                // nothing to remember it in
            }
        };
    }
}
