package dev.sitrep.hub;

import dev.sitrep.http.BoundedServer;
import dev.sitrep.http.Exchange;
import dev.sitrep.http.ServerLimits;
import dev.sitrep.team.ContractRequests;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code sitrep hub}'s HTTP side: a {@link BoundedServer} (plain HTTP or TLS) in front of the
 * {@link HubRoutes} and the {@link HubWall} (the browser wall at /wall), with one access-log line
 * per request and a graceful stop: once
 * {@link #close} begins, new requests get 503 and those in flight finish (for a while) before the
 * port closes. A request's body is read whole without a thread, then served on one of the
 * server's threads (the database calls block there).
 */
public final class HubServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HubServer.class.getName());

    /** The largest body read: a blob at the hub's limit and a little more (to say it is over); a push is 4 MiB at most (400 beyond). */
    static final long MAX_BODY_BYTES = HubStore.BLOB_LIMIT + (1L << 20);
    /** Consoles of a whole war room, often behind one address (an office's NAT): a client may take a fair share. */
    static final ServerLimits LIMITS = new ServerLimits("sitrep-hub", 32, 512, 128, Duration.ofSeconds(60),
            Duration.ofSeconds(5), 16 * 1024, MAX_BODY_BYTES);
    /** How long a stop waits for requests in flight. */
    static final Duration DRAIN = Duration.ofSeconds(20);

    private final BoundedServer server;
    private final HubRoutes routes;
    private final HubWall wall;
    private final PrintStream accessLog;
    private final Clock clock;
    private final boolean tls;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    private HubServer(InetSocketAddress address, SslContextFactory.Server tls, HubRoutes routes, HubWall wall,
                      PrintStream accessLog, Clock clock) throws IOException {
        this.routes = routes;
        this.wall = wall;
        this.accessLog = accessLog;
        this.clock = clock;
        this.tls = tls != null;
        this.server = BoundedServer.start(address, LIMITS, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                receive(request, response, callback);
                return true;
            }
        }, tls);
    }

    /** As {@link #start(InetSocketAddress, SslContextFactory.Server, HubDatabase, PrintStream, Clock, ZoneId)}, the wall's local time in UTC. */
    public static HubServer start(InetSocketAddress address, SslContextFactory.Server tls, HubDatabase database,
                                  PrintStream accessLog, Clock clock) throws IOException {
        return start(address, tls, database, accessLog, clock, ZoneOffset.UTC);
    }

    /**
     * Serves the hub on {@code address} (port 0 picks one) from {@code database}; {@code tls} null
     * serves plain HTTP (the caller decides whether that is allowed). The access log gets one line a
     * request. Its wall shows the local time of {@code zone} beside UTC.
     */
    public static HubServer start(InetSocketAddress address, SslContextFactory.Server tls, HubDatabase database,
                                  PrintStream accessLog, Clock clock, ZoneId zone) throws IOException {
        HubStore store = new HubStore(database.dataSource(), clock);
        People people = new People(database.dataSource());
        HubWall wall = new HubWall(store, people, clock, zone);
        return new HubServer(address, tls, new HubRoutes(database, store, people), wall, accessLog, clock);
    }

    public URI url() {
        InetSocketAddress a = server.address();
        String host = a.getAddress().getHostAddress();
        return URI.create((tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    private void receive(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        if (draining) {
            response.getHeaders().put("Connection", "close");
            new Exchange(request, response, callback, new byte[0]).sendJson(503, ContractRequests.error(
                    "the hub is stopping; send again in a moment (to another hub behind the same address, or to this one "
                            + "when it is back). Nothing was applied."));
            log(request, "-", 503, start);
            return;
        }
        inFlight.incrementAndGet();
        Content.Source.asByteArrayAsync(request, -1).whenCompleteAsync((body, failure) -> {
            try {
                if (failure != null) {
                    callback.failed(failure);
                    log(request, "-", 413, start);
                    return;
                }
                String who;
                if (HubWall.isWall(request.getHttpURI().getDecodedPath())) {
                    who = wall.serve(request, response, callback);
                } else {
                    who = routes.serve(new Exchange(request, response, callback, body));
                }
                log(request, who, response.getStatus(), start);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "the hub could not serve " + request.getMethod() + " " + request.getHttpURI().getPath(), e);
                callback.failed(e);
                log(request, "-", 500, start);
            } finally {
                inFlight.decrementAndGet();
            }
        }, server.executor());
    }

    private void log(Request request, String who, int status, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        accessLog.println(clock.instant() + " " + Request.getRemoteAddr(request) + " " + who + " " + request.getMethod() + " "
                + request.getHttpURI().getPath() + " " + status + " " + ms + "ms");
    }

    /** Browser walls open on this hub now. */
    int openWalls() {
        return wall.openStreams();
    }

    /** Requests being served now. */
    int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops gracefully: new requests get 503 at once, requests in flight finish (up to
     * {@link #DRAIN}), open walls' streams end (their pages retry, and find another hub behind the
     * same address or this one when it is back), then the port closes. Safe to call twice.
     */
    @Override
    public void close() {
        draining = true;
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        wall.close();
        server.close();
    }
}
