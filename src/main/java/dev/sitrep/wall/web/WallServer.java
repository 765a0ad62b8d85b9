package dev.sitrep.wall.web;

import dev.sitrep.core.DaemonThreads;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The browser wall over HTTP (the JDK's server, no dependency). Read-only: {@code GET /} the
 * page, {@code GET /events} its updates as server-sent events, {@code GET /healthz}; any other
 * path is 404 and any other method 405 with {@code Allow: GET}, so no route accepts a write.
 * A server bound beyond loopback must be given a token ({@link WallAccess}); without it, or with
 * a wrong one, every request is 401.
 */
public final class WallServer implements AutoCloseable {

    /** Event streams served at once; more get 503 (each holds a thread). */
    public static final int MAX_STREAMS = 200;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final WallFeed feed;
    private final WallAccess access;
    private final ExecutorService workers;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);
    private final AtomicInteger open = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private WallServer(HttpServer server, WallFeed feed, WallAccess access) {
        this.server = server;
        this.feed = feed;
        this.access = access;
        this.workers = Executors.newCachedThreadPool(DaemonThreads.numbered("sitrep-wall-http"));
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
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
        return new WallServer(HttpServer.create(address, 64), feed, access);
    }

    public InetSocketAddress address() {
        return server.getAddress();
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
        return open.get();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            URI uri = x.getRequestURI();
            Headers h = x.getResponseHeaders();
            h.set("Cache-Control", "no-store");
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "no-referrer");
            h.set("X-Frame-Options", "DENY");
            if (!access.allows(uri.getRawQuery())) {
                text(x, 401, "The wall needs the access token printed with its URL: add ?token=... to the address.\n");
                return;
            }
            if (!access.requiresToken() && !WallAccess.namesLoopback(x.getRequestHeaders().getFirst("Host"), address())) {
                text(x, 403, "Open the wall as http://127.0.0.1:" + address().getPort() + "/ on this machine.\n");
                return;
            }
            if (!"GET".equals(x.getRequestMethod())) {
                h.set("Allow", "GET");
                text(x, 405, "The wall is read-only: only GET.\n");
                return;
            }
            switch (uri.getRawPath()) {
                case "/" -> page(x);
                case "/events" -> events(x);
                case "/healthz" -> health(x);
                default -> text(x, 404, "Not here: the wall is at /.\n");
            }
        }
    }

    private void page(HttpExchange x) throws IOException {
        x.getResponseHeaders().set("Content-Security-Policy", WallHtml.contentSecurityPolicy());
        send(x, 200, "text/html; charset=utf-8", WallHtml.page(feed.current().snapshot()));
    }

    private void health(HttpExchange x) throws IOException {
        String stale = feed.current().snapshot().stale();
        text(x, stale.isEmpty() ? 200 : 503, stale.isEmpty() ? "ok\n" : stale + "\n");
    }

    private void events(HttpExchange x) throws IOException {
        if (!streams.tryAcquire()) {
            text(x, 503, "Too many walls open on this server (" + MAX_STREAMS + ").\n");
            return;
        }
        open.incrementAndGet();
        try {
            x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
            long seen = 0;
            WallFeed.Published p = feed.current();
            while (p != null || !feed.isClosed()) {
                out.write(p == null ? ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8) : event(p));
                out.flush();
                seen = p == null ? seen : p.version();
                p = feed.await(seen, HEARTBEAT);
            }
        } catch (IOException gone) {
            // the browser went away: nothing to clean up but the stream itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
            streams.release();
        }
    }

    /** One {@code wall} event; each line of the fragment is its own {@code data:} line. */
    static byte[] event(WallFeed.Published p) {
        StringBuilder s = new StringBuilder(p.fragment().length() + 64).append("id: ").append(p.version())
                .append("\nevent: wall\n");
        for (String line : p.fragment().split("\r\n|\r|\n", -1)) {
            s.append("data: ").append(line).append('\n');
        }
        return s.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void text(HttpExchange x, int status, String body) throws IOException {
        send(x, status, "text/plain; charset=utf-8", body);
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
    }

    /** Stops serving: event streams end, the port closes, the threads go. Safe to call twice. */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        feed.close();
        server.stop(1);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }
}
