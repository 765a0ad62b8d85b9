package dev.sitrep.wall.web;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One browser's {@code /events}: holds no thread. Each write is asynchronous; an update that comes
 * while the previous one is still on its way waits, and a newer one replaces it (each is the whole
 * wall). The connection is watched for the browser closing it, so the stream ends, and
 * {@code onEnd} runs, the moment the browser leaves rather than at the next write.
 */
final class EventStream {

    private final Response response;
    private final Callback callback;
    private final EndPoint endPoint;
    private final Consumer<EventStream> onEnd;
    private boolean writing;
    private byte[] waiting;
    private boolean ended;

    EventStream(Request request, Response response, Callback callback, Consumer<EventStream> onEnd) {
        this.response = response;
        this.callback = callback;
        this.endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        this.onEnd = onEnd;
    }

    /** Sends the first bytes (the response's headers with them) and starts watching for the browser leaving. */
    void open(byte[] first) {
        send(first);
        watch();
    }

    /** Sends {@code bytes} now, or once the write under way is done (replacing any that wait). */
    void send(byte[] bytes) {
        synchronized (this) {
            if (ended) {
                return;
            }
            if (writing) {
                waiting = bytes;
                return;
            }
            writing = true;
        }
        write(bytes);
    }

    /** Sends {@code bytes} only if nothing is on its way or waiting (a heartbeat). */
    void sendIfIdle(byte[] bytes) {
        synchronized (this) {
            if (writing) {
                return;
            }
        }
        send(bytes);
    }

    private void write(byte[] bytes) {
        response.write(false, ByteBuffer.wrap(bytes), Callback.from(this::written, this::end));
    }

    private void written() {
        byte[] next;
        synchronized (this) {
            next = waiting;
            waiting = null;
            writing = next != null && !ended;
        }
        if (next != null) {
            write(next);
        }
    }

    /** The browser sends nothing on this connection but its leaving: read it as soon as it comes. */
    private void watch() {
        endPoint.tryFillInterested(Callback.from(this::readable, failure -> {
            if (failure instanceof TimeoutException && endPoint.isOpen()) {
                watch();
            } else {
                end(failure);
            }
        }));
    }

    private void readable() {
        try {
            ByteBuffer discard = BufferUtil.allocate(256);
            if (endPoint.fill(discard) < 0) {
                end(new EofException("the browser closed the stream"));
            } else {
                watch();
            }
        } catch (IOException e) {
            end(e);
        }
    }

    /** Ends the stream (once): {@code onEnd} runs and the response is over, its connection closed. */
    void end(Throwable why) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        onEnd.accept(this);
        callback.failed(why);
    }
}
