package dev.sitrep.cli;

import dev.sitrep.core.SitrepException;
import dev.sitrep.http.PemTls;
import dev.sitrep.hub.HubDatabase;
import dev.sitrep.hub.HubServer;
import dev.sitrep.workspace.ProcessEnvironment;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code sitrep hub}: the team's server, headless, until stopped (Ctrl+C or SIGTERM stop it
 * gracefully). It serves the {@code sitrep} contract from its database to the people added with
 * {@code sitrep hub person add}. Plain HTTP only on loopback, or when {@code --insecure-http} says
 * a TLS proxy in front takes care of it.
 */
@Command(name = "hub", mixinStandardHelpOptions = true, subcommands = HubPersonCommand.class,
        description = {"Run the team's hub: the server every console syncs with (as a platform of kind sitrep) and the "
                + "war-room TV reads, on PostgreSQL (--db) or an H2 file under --data-dir. Runs until stopped.",
                "Add people first: sitrep hub person add NAME --role commander|responder|viewer"})
final class HubCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 7447;

    @Spec
    CommandSpec spec;

    @Mixin
    HubStorageOptions storage;

    @Option(names = "--port", defaultValue = "" + DEFAULT_PORT, description = "Port, 0..65535 (default ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "The server's certificate chain, PEM.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The certificate's private key, PEM (PKCS#8 or PKCS#1, unencrypted).")
    Path tlsKey;

    @Option(names = "--insecure-http",
            description = "Serve plain HTTP on an address other than loopback: only behind a TLS proxy on the same host.")
    boolean insecureHttp;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PortOption.check(port, "--port");
        InetAddress address = address();
        SslContextFactory.Server tls = tls();
        if (tls == null && !address.isLoopbackAddress()) {
            if (!insecureHttp) {
                throw SitrepException.invalid("Plain HTTP on " + bind + " would send every token, incident and note in the "
                        + "clear to anyone on that network. Give --tls-cert and --tls-key (PEM), or, with a TLS proxy in "
                        + "front on this host, add --insecure-http.");
            }
            err.println("Warning: plain HTTP on " + bind + " (--insecure-http): tokens and incidents cross the network "
                    + "unencrypted unless a TLS proxy on this host is the only way in.");
            err.flush();
        }
        HubDatabase database = storage.open(spec, 16);
        HubServer server;
        try {
            ProcessEnvironment environment = ((RootCommand) spec.root().userObject()).environment();
            server = HubServer.start(new InetSocketAddress(address, port), tls, database, System.out,
                    environment.clock(), environment.zone());
        } catch (BindException e) {
            database.close();
            throw SitrepException.invalid("Port " + port + " on " + bind + " is already in use; choose another --port, "
                    + "or stop what is using it.");
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stop = new Thread(() -> {
            server.close();
            database.close();
            stopped.countDown();
        }, "sitrep-hub-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        out.println("Hub at " + server.url() + " (database: " + database.shown() + "). Stop with Ctrl+C.");
        out.println("Consoles: sitrep platform add team --kind sitrep --url " + server.url()
                + "   (token: SITREP_SECRET_TEAM, from sitrep hub person add)");
        out.println("Wall (war-room TV): " + server.url() + "/wall?token=<a viewer's token>"
                + "   (or: SITREP_HUB_TOKEN=... sitrep wall --hub " + server.url() + ")");
        out.flush();
        stopped.await();
        return 0;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw SitrepException.invalid("--bind " + bind + " is not an address of this machine; give an IP address such "
                    + "as 127.0.0.1 or 0.0.0.0.");
        }
    }

    private SslContextFactory.Server tls() {
        if (tlsCert == null && tlsKey == null) {
            return null;
        }
        if (tlsCert == null || tlsKey == null) {
            throw SitrepException.invalid("TLS needs both --tls-cert (the certificate chain, PEM) and --tls-key (its "
                    + "private key, PEM).");
        }
        try {
            return PemTls.fromPem(tlsCert, tlsKey);
        } catch (IllegalArgumentException e) {
            throw SitrepException.invalid(e.getMessage());
        }
    }
}
