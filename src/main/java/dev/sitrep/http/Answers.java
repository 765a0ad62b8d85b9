package dev.sitrep.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Whole answers in one write. */
public final class Answers {

    private Answers() {
    }

    /** Answers {@code status} with {@code body} as UTF-8 of {@code type}, its length declared; completes {@code callback}. */
    public static void send(Response response, Callback callback, int status, String type, String body) {
        send(response, callback, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code status} with {@code bytes} of {@code type}, their length declared; completes {@code callback}. */
    public static void send(Response response, Callback callback, int status, String type, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
