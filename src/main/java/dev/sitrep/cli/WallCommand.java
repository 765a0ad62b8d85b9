package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.wall.web.WallAccess;
import dev.sitrep.wall.web.WallFeed;
import dev.sitrep.wall.web.WallServer;
import dev.sitrep.workspace.ProcessEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sitrep wall}: the wall. With {@code --serve PORT}, the browser wall for a screen that
 * has only a browser, read-only, until stopped (Ctrl+C); on loopback unless {@code --bind}
 * exposes it, and then only with the access token printed in its URL.
 */
@Command(name = "wall", mixinStandardHelpOptions = true,
        description = "The wall: active incidents, halts and clocks for a big screen. "
                + "With --serve, as a live web page for a screen that has only a browser.")
final class WallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--serve", paramLabel = "PORT",
            description = "Serve the wall as a live, read-only web page on PORT (0: any free port) until stopped.")
    Integer port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Beyond loopback, every request needs the "
                    + "access token printed in the URL.")
    String bind;

    @Option(names = "--windowed", description = "Without --serve: open the wall in a window instead of full screen.")
    boolean windowed;

    @Override
    public Integer call() throws Exception {
        if (port == null) {
            return nativeWall();
        }
        PortOption.check(port, "--serve");
        InetAddress address = address(bind);
        WallAccess access = address.isLoopbackAddress() ? WallAccess.loopbackOnly()
                : WallAccess.randomToken(new SecureRandom());
        RootCommand root = (RootCommand) spec.root().userObject();
        ProcessEnvironment environment = root.environment();
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = StoreCommand.open(spec, environment.dataDir(root.dataDirOption()));
             Services services = Services.on(store).environment(environment, root.actorOption()).build()) {
            WallFeed feed = new WallFeed(services.wall(environment.zone()), services.changes());
            WallServer server = start(new InetSocketAddress(address, port), feed, access);
            Thread hook = new Thread(server::close, "sitrep-wall-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                out.println("Wall at " + server.url(host(address)) + " (read-only; stop with Ctrl+C)");
                if (access.requiresToken()) {
                    out.println("Listening on " + address.getHostAddress() + ": every request needs the token in this URL.");
                }
                out.flush();
                server.awaitClosed();
            } finally {
                server.close();
                removeHook(hook);
            }
        }
        return 0;
    }

    /** The wall as a full-screen window on this machine's screen (the one it was last on). */
    private int nativeWall() {
        RootCommand root = (RootCommand) spec.root().userObject();
        ProcessEnvironment environment = root.environment();
        boolean linux = environment.osName().toLowerCase(Locale.ROOT).contains("linux");
        if (linux && environment.env().get("DISPLAY") == null && environment.env().get("WAYLAND_DISPLAY") == null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sitrep: the native wall needs a screen, and there is none here (DISPLAY is not set); "
                    + "for a screen that has only a browser, use sitrep wall --serve PORT");
            err.flush();
            return 2;
        }
        root.nativeWall().show(root.dataDirOption(), windowed);
        return 0;
    }

    private static WallServer start(InetSocketAddress address, WallFeed feed, WallAccess access) {
        try {
            return WallServer.start(address, feed, access);
        } catch (BindException e) {
            feed.close();
            throw SitrepException.invalid("Cannot listen on " + address.getAddress().getHostAddress() + " port "
                    + address.getPort() + " (" + e.getMessage() + "); choose another --serve PORT (0 for any free one) "
                    + "or --bind address.");
        } catch (IOException e) {
            feed.close();
            throw new UncheckedIOException(e);
        }
    }

    private static InetAddress address(String bind) {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw SitrepException.invalid("--bind " + bind + " is not an address of this machine; give an IP address, "
                    + "e.g. 127.0.0.1 (the default) or 0.0.0.0 for every interface.");
        }
    }

    /** The host a viewer types: the address itself, or this machine's name for a wildcard address. */
    private static String host(InetAddress address) {
        if (!address.isAnyLocalAddress()) {
            return address.getHostAddress();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "THIS-MACHINE";
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is what is stopping us
        }
    }
}
