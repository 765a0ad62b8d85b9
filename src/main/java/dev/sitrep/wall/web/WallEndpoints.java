package dev.sitrep.wall.web;

import dev.sitrep.core.DaemonThreads;
import dev.sitrep.core.Json;
import dev.sitrep.http.Answers;
import dev.sitrep.wall.WallSnapshot;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The browser wall's answers to a GET, wherever a server mounts them ({@code sitrep wall --serve}
 * at {@code /}, the hub at {@code /wall}): the page, its event stream, the whole wall as JSON (what
 * a native wall elsewhere reads) and its health. Who may ask is the mounting server's business.
 * Owns the {@link WallFeed} and one thread that sends every update to every open stream; an open
 * stream holds no thread, and at most {@code maxStreams} are open at once.
 */
public final class WallEndpoints implements AutoCloseable {

    /** The parts, relative to where the wall is mounted. */
    public static final String PAGE = "/";
    public static final String EVENTS = "/events";
    public static final String SNAPSHOT = "/snapshot";
    public static final String HEALTH = "/healthz";

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final byte[] HEARTBEAT_COMMENT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final WallFeed feed;
    private final int maxStreams;
    private final Semaphore slots;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread sender;

    /** Serves {@code feed} and owns it from now on (closing this closes it). */
    public WallEndpoints(WallFeed feed, int maxStreams) {
        this.feed = feed;
        this.maxStreams = maxStreams;
        this.slots = new Semaphore(maxStreams);
        this.sender = DaemonThreads.named("sitrep-wall-events").newThread(this::sendUpdates);
        sender.start();
    }

    /** The headers every answer of a wall carries, refusals included: never cached, framed, sniffed or referred. */
    public static void protect(Response response) {
        HttpFields.Mutable h = response.getHeaders();
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
    }

    /**
     * Answers a GET for {@code part} ({@link #PAGE}, {@link #EVENTS}, {@link #SNAPSHOT} or
     * {@link #HEALTH}); false, answering nothing, for any other part.
     */
    public boolean serve(String part, Request request, Response response, Callback callback) {
        switch (part) {
            case PAGE -> {
                response.getHeaders().put("Content-Security-Policy", WallHtml.contentSecurityPolicy());
                Answers.send(response, callback, 200, "text/html; charset=utf-8", WallHtml.page(feed.current().snapshot()));
            }
            case EVENTS -> events(request, response, callback);
            case SNAPSHOT -> Answers.send(response, callback, 200, "application/json; charset=utf-8",
                    Json.write(feed.whole()));
            case HEALTH -> {
                String stale = feed.current().snapshot().stale();
                text(response, callback, stale.isEmpty() ? 200 : 503, stale.isEmpty() ? "ok\n" : stale + "\n");
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Event streams open right now. */
    public int openStreams() {
        return maxStreams - slots.availablePermits();
    }

    /** The newest wall published (for a server's own answers). */
    public WallSnapshot current() {
        return feed.current().snapshot();
    }

    private void events(Request request, Response response, Callback callback) {
        if (!slots.tryAcquire()) {
            text(response, callback, 503, "Too many walls open on this server (" + maxStreams + ").\n");
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

    static void text(Response response, Callback callback, int status, String body) {
        Answers.send(response, callback, status, "text/plain; charset=utf-8", body);
    }

    /** Ends every stream, stops the feed and the sender thread. Safe to call twice. */
    @Override
    public void close() {
        if (closing.getAndSet(true)) {
            return;
        }
        feed.close();
        streams.forEach(s -> s.end(new EofException("the wall is closing")));
        try {
            sender.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
