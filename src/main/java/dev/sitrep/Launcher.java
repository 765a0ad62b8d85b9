package dev.sitrep;

import dev.sitrep.cli.NativeWall;
import dev.sitrep.cli.RootCommand;
import dev.sitrep.cli.SitrepCli;
import dev.sitrep.wall.WallPages;
import dev.sitrep.workspace.ProcessEnvironment;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point: a CLI command when the arguments name one (or ask for help or the version),
 * else the desktop console. Imports no JavaFX, so a CLI command runs with no display.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // the common launch (desktop shortcut, mvn javafx:run): skip building the command line
            dev.sitrep.app.DesktopLauncher.launch(null, null);
            return;
        }
        ProcessEnvironment environment = ProcessEnvironment.ofProcess();
        RootCommand desktop = SitrepCli.desktopOptions(args, environment, NATIVE_WALL);
        if (desktop != null) {
            dev.sitrep.app.DesktopLauncher.launch(desktop.dataDirOption(), desktop.actorOption());
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(SitrepCli.run(args, environment, NATIVE_WALL, out, err));
    }

    /** {@code sitrep wall} without --serve; WallApp (JavaFX) is loaded only when one of these runs. */
    private static final NativeWall NATIVE_WALL = new NativeWall() {
        @Override
        public void show(String dataDirOption, boolean windowed) {
            dev.sitrep.app.WallApp.launch(dataDirOption, windowed);
        }

        @Override
        public void show(WallPages pages, String title, boolean windowed) {
            dev.sitrep.app.WallApp.launch(pages, title, windowed);
        }
    };
}
