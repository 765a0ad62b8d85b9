package dev.sitrep.cli;

import dev.sitrep.wall.WallPages;

/**
 * The wall in a window on this machine's screen. It is desktop code (JavaFX), so the CLI does not
 * build it: the launcher hands it over with the command line, and {@code sitrep wall} calls it.
 */
public interface NativeWall {

    /** Shows the wall on the data directory given (or the default one) and returns when it is closed. */
    void show(String dataDirOption, boolean windowed);

    /** Shows the wall {@code pages} reads (a hub's, {@code sitrep wall --hub}), titled {@code title}; returns when it is closed. */
    void show(WallPages pages, String title, boolean windowed);
}
