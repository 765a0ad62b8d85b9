package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.services.Services;
import dev.sitrep.store.Store;
import dev.sitrep.wall.HubWallReader;
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
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sitrep wall}: the wall. With {@code --serve PORT}, the browser wall for a screen that
 * has only a browser, read-only, until stopped (Ctrl+C); on loopback unless {@code --bind}
 * exposes it, and then only with the access token printed in its URL. With {@code --hub URL}, the
 * native wall of a team hub, read over HTTP with a person's token taken from the environment
 * (never from the command line, which other users of the machine can read).
 */
@Command(name = "wall", mixinStandardHelpOptions = true,
        description = "The wall: active incidents, halts and clocks for a big screen. "
                + "With --serve, as a live web page for a screen that has only a browser; with --hub, a team hub's wall.")
final class WallCommand implements Callable<Integer> {

    static final String DEFAULT_TOKEN_ENV = "SITREP_HUB_TOKEN";

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

    @Option(names = "--hub", paramLabel = "URL",
            description = "Show the wall of the team hub at URL (its base address, e.g. https://hub.example.com:7447) "
                    + "instead of this machine's workspace. A browser needs no Sitrep: open URL/wall?token=...")
    String hub;

    @Option(names = "--token-env", paramLabel = "NAME", defaultValue = DEFAULT_TOKEN_ENV,
            description = "With --hub: the environment variable holding your hub token (a viewer's is enough; "
                    + "default ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--ca-cert", paramLabel = "PEM", description = "With --hub: also trust this CA certificate for the hub's TLS.")
    Path caCert;

    @Override
    public Integer call() throws Exception {
        if (hub != null && port != null) {
            throw SitrepException.invalid("--hub shows a hub's wall in a window; for a browser the hub serves the wall "
                    + "itself: open " + hub.strip().replaceAll("/+$", "") + "/wall?token=... (a viewer's token).");
        }
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
        if (hub == null) {
            root.nativeWall().show(root.dataDirOption(), windowed);
            return 0;
        }
        try (HubWallReader reader = hubReader(environment)) {
            root.nativeWall().show(reader, "Sitrep wall · " + hub.strip(), windowed);
        }
        return 0;
    }

    /** A reader of the hub's wall that has read it once: a wrong token or an unreachable hub is said here, not on the wall. */
    HubWallReader hubReader(ProcessEnvironment environment) {
        String token = environment.env().get(tokenEnv);
        if (token == null || token.isBlank()) {
            throw SitrepException.invalid("sitrep wall --hub needs your hub token in $" + tokenEnv + " (a viewer's is "
                    + "enough; a hub admin makes one: sitrep hub person add NAME --role viewer).");
        }
        HubWallReader reader = HubWallReader.of(hub, token.strip(), caCert, environment.clock(), environment.zone());
        try {
            reader.read();
            return reader;
        } catch (PlatformException e) {
            reader.close();
            throw e.httpStatus() == 401 || e.httpStatus() == 403
                    ? new SitrepException(e.kind(), e.getMessage() + " (the token came from $" + tokenEnv + ")", e) : e;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
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
