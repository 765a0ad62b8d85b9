package dev.sitrep.wall.web;

import dev.sitrep.core.DaemonThreads;
import dev.sitrep.http.Answers;
import dev.sitrep.http.BoundedServer;
import dev.sitrep.http.ServerLimits;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The browser wall over HTTP. Read-only: {@code GET /} the page, {@code GET /events} its updates
 * as server-sent events, {@code GET /healthz}; any other path is 404 and any other method 405
 * with {@code Allow: GET}, so no route accepts a write. A server bound beyond loopback must be
 * given a token ({@link WallAccess}); without it, or with a wrong one, every request is 401.
 * What its clients may take is bounded ({@link #LIMITS}); an open event stream holds no thread,
 * and one thread of the wall's own sends every update to all of them.
 */
public final class WallServer implements AutoCloseable {

    /** Event streams served at once; more get 503. */
    public static final int MAX_STREAMS = 200;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Room for every stream and then some; a browser opens a handful, an office behind one address a few dozen. */
    static final ServerLimits LIMITS = new ServerLimits("sitrep-wall-http", 16, 2 * MAX_STREAMS + 100, 32,
            Duration.ofSeconds(30), Duration.ofSeconds(2), 8 * 1024, 16 * 1024);
    private static final byte[] HEARTBEAT_COMMENT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final BoundedServer server;
    private final WallFeed feed;
    private final WallAccess access;
    private final Semaphore slots = new Semaphore(MAX_STREAMS);
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread sender;

    private WallServer(InetSocketAddress address, WallFeed feed, WallAccess access) throws IOException {
        this.feed = feed;
        this.access = access;
        this.server = BoundedServer.start(address, LIMITS, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                WallServer.this.handle(request, response, callback);
                return true;
            }
        });
        this.sender = DaemonThreads.named("sitrep-wall-events").newThread(this::sendUpdates);
        sender.start();
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
        return MAX_STREAMS - slots.availablePermits();
    }

    /** Blocks until {@link #close()}. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private void handle(Request request, Response response, Callback callback) {
        HttpFields.Mutable h = response.getHeaders();
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            // the wall never reads a body, so this connection cannot carry another request after the answer
            h.put(HttpHeader.CONNECTION, "close");
        }
        if (!access.allows(request.getHttpURI().getQuery())) {
            text(response, callback, 401, "The wall needs the access token printed with its URL: add ?token=... to the address.\n");
            return;
        }
        if (!access.requiresToken() && !WallAccess.namesLoopback(request.getHeaders().get(HttpHeader.HOST), address())) {
            text(response, callback, 403, "Open the wall as http://127.0.0.1:" + address().getPort() + "/ on this machine.\n");
            return;
        }
        if (!"GET".equals(request.getMethod())) {
            h.put("Allow", "GET");
            text(response, callback, 405, "The wall is read-only: only GET.\n");
            return;
        }
        switch (request.getHttpURI().getPath()) {
            case "/" -> {
                h.put("Content-Security-Policy", WallHtml.contentSecurityPolicy());
                Answers.send(response, callback, 200, "text/html; charset=utf-8", WallHtml.page(feed.current().snapshot()));
            }
            case "/events" -> events(request, response, callback);
            case "/healthz" -> {
                String stale = feed.current().snapshot().stale();
                text(response, callback, stale.isEmpty() ? 200 : 503, stale.isEmpty() ? "ok\n" : stale + "\n");
            }
            default -> text(response, callback, 404, "Not here: the wall is at /.\n");
        }
    }

    private void events(Request request, Response response, Callback callback) {
        if (!slots.tryAcquire()) {
            text(response, callback, 503, "Too many walls open on this server (" + MAX_STREAMS + ").\n");
            return;
        }
        response.setStatus(200);
        response.getHeaders().put("Content-Type", "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        EventStream stream = new EventStream(request, response, callback, this::ended);
        streams.add(stream);
        byte[] retry = "retry: 3000\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] current = event(feed.current());
        stream.open(ByteBuffer.allocate(retry.length + current.length).put(retry).put(current).array());
        if (closing.get()) {
            stream.end(new EofException("the wall is closing"));
        }
    }

    private void ended(EventStream stream) {
        streams.remove(stream);
        slots.release();
    }

    /** The sender thread: every update to every stream as it is published, a heartbeat after {@link #HEARTBEAT} without one. */
    private void sendUpdates() {
        long seen = feed.current().version();
        try {
            while (!feed.isClosed()) {
                WallFeed.Published p = feed.await(seen, HEARTBEAT);
                if (p != null) {
                    seen = p.version();
                    byte[] bytes = event(p);
                    streams.forEach(s -> s.send(bytes));
                } else if (!feed.isClosed()) {
                    streams.forEach(s -> s.sendIfIdle(HEARTBEAT_COMMENT));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static void text(Response response, Callback callback, int status, String body) {
        Answers.send(response, callback, status, "text/plain; charset=utf-8", body);
    }

    /** Stops serving: event streams end, the port closes, the threads go. Safe to call twice. */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        feed.close();
        streams.forEach(s -> s.end(new EofException("the wall is closing")));
        server.close();
        try {
            sender.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }
}
