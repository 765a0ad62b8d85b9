package dev.sitrep.http;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An HTTP/1.1 server (Jetty's core, no servlets) whose clients can take only what its
 * {@link ServerLimits} allow: requests are read without a thread, so a slow or stalled client
 * holds a connection but no thread; threads, connections (in all and per client address), the
 * time to send a request's headers, and the sizes of headers and bodies are all bounded. Paths
 * are matched as sent (an odd path such as {@code /%2e%2e/x} reaches the handler, which answers
 * 404 to what it does not know). The wall, the sandbox and the hub each run one.
 */
public final class BoundedServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BoundedServer.class.getName());

    private final Server server;
    private final InetSocketAddress address;

    private BoundedServer(Server server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Serves {@code handler} over plain HTTP on {@code address} (port 0 picks a free one) within {@code limits}. */
    public static BoundedServer start(InetSocketAddress address, ServerLimits limits, Handler handler) throws IOException {
        return start(address, limits, handler, null);
    }

    /**
     * Serves {@code handler} on {@code address} within {@code limits}, over HTTPS with {@code tls}
     * (see {@link PemTls}), or plain HTTP when {@code tls} is null. A client may reach the server by
     * any name or address (a hub is often reached by IP): the Host it asks for need not be a name
     * in the certificate, whose checking is the client's.
     */
    public static BoundedServer start(InetSocketAddress address, ServerLimits limits, Handler handler,
                                      SslContextFactory.Server tls) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), Math.min(2, limits.threads()));
        threads.setName(limits.name());
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads, new ScheduledExecutorScheduler(limits.name() + "-timer", true), null);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.headerBytes());
        http.setSendServerVersion(false);
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector;
        if (tls == null) {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        } else {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                    new HttpConnectionFactory(http));
        }
        connector.setHost(address.getAddress().getHostAddress());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.connections(), connector));

        SizeLimitHandler sizes = new SizeLimitHandler(limits.bodyBytes(), -1);
        sizes.setHandler(handler);
        ClientGuard guard = new ClientGuard(limits, server.getScheduler(), sizes);
        connector.addBean(guard);
        server.setHandler(guard);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (e.getCause() instanceof BindException taken) {
                throw taken;
            }
            throw e instanceof IOException io ? io : new IOException("cannot serve on " + address + ": " + e.getMessage(), e);
        }
        return new BoundedServer(server, new InetSocketAddress(address.getAddress(), connector.getLocalPort()));
    }

    /** The address served, with the port picked. */
    public InetSocketAddress address() {
        return address;
    }

    /** The server's own threads, for work that blocks (never wait on a client there). */
    public Executor executor() {
        return server.getThreadPool();
    }

    /** The server's timer, to answer later without holding a thread. */
    public Scheduler scheduler() {
        return server.getScheduler();
    }

    /** Stops serving: connections close, the port closes, the threads go. Safe to call twice. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the HTTP server did not stop cleanly", e);
        }
    }
}
