package dev.sitrep.wall.web;

import dev.sitrep.http.BoundedServer;
import dev.sitrep.http.ServerLimits;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The browser wall over HTTP. Read-only: {@code GET /} the page, {@code GET /events} its updates
 * as server-sent events, {@code GET /snapshot} the whole wall as JSON, {@code GET /healthz}
 * ({@link WallEndpoints}); any other path is 404 and any other method 405 with {@code Allow: GET},
 * so no route accepts a write. A server bound beyond loopback must be given a token
 * ({@link WallAccess}); without it, or with a wrong one, every request is 401. What its clients may
 * take is bounded ({@link #LIMITS}); an open event stream holds no thread, and one thread of the
 * wall's own sends every update to all of them.
 */
public final class WallServer implements AutoCloseable {

    /** Event streams served at once; more get 503. */
    public static final int MAX_STREAMS = 200;
    /** Room for every stream and then some; a browser opens a handful, an office behind one address a few dozen. */
    static final ServerLimits LIMITS = new ServerLimits("sitrep-wall-http", 16, 2 * MAX_STREAMS + 100, 32,
            Duration.ofSeconds(30), Duration.ofSeconds(2), 8 * 1024, 16 * 1024);

    private final BoundedServer server;
    private final WallEndpoints wall;
    private final WallAccess access;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private WallServer(InetSocketAddress address, WallFeed feed, WallAccess access) throws IOException {
        this.wall = new WallEndpoints(feed, MAX_STREAMS);
        this.access = access;
        try {
            this.server = BoundedServer.start(address, LIMITS, new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    WallServer.this.handle(request, response, callback);
                    return true;
                }
            });
        } catch (IOException | RuntimeException e) {
            wall.close();
            throw e;
        }
    }

    /**
     * Serves {@code feed} on {@code address} and owns it from now on (closing the server closes it). A non-loopback address needs a token: binding one
     * with {@link WallAccess#loopbackOnly()} is refused. A loopback server may still be given a
     * token (tests do, to check the refusal without leaving the machine).
     */
    public static WallServer start(InetSocketAddress address, WallFeed feed, WallAccess access) throws IOException {
        InetAddress a = address.getAddress();
        if (!access.requiresToken() && (a == null || !a.isLoopbackAddress())) {
            throw new IllegalArgumentException("a wall bound beyond loopback (" + address + ") must require a token");
        }
        return new WallServer(address, feed, access);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public WallAccess access() {
        return access;
    }

    /** The URL to open, with the token when one is required; {@code host} as the viewer should type it. */
    public String url(String host) {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + address().getPort() + "/" + access.token().map(t -> "?token=" + t).orElse("");
    }

    /** Event streams open right now. */
    public int openStreams() {
        return wall.openStreams();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private void handle(Request request, Response response, Callback callback) {
        WallEndpoints.protect(response);
        if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            // the wall never reads a body, so this connection cannot carry another request after the answer
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (!access.allows(request.getHttpURI().getQuery())) {
            WallEndpoints.text(response, callback, 401,
                    "The wall needs the access token printed with its URL: add ?token=... to the address.\n");
            return;
        }
        if (!access.requiresToken() && !WallAccess.namesLoopback(request.getHeaders().get(HttpHeader.HOST), address())) {
            WallEndpoints.text(response, callback, 403, "Open the wall as http://127.0.0.1:" + address().getPort()
                    + "/ on this machine.\n");
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put("Allow", "GET");
            WallEndpoints.text(response, callback, 405, "The wall is read-only: only GET.\n");
            return;
        }
        if (!wall.serve(request.getHttpURI().getPath(), request, response, callback)) {
            WallEndpoints.text(response, callback, 404, "Not here: the wall is at /.\n");
        }
    }

    /** Stops serving: event streams end, the port closes, the threads go. Safe to call twice. */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        wall.close();
        server.close();
        closed.countDown();
    }
}
