package dev.sitrep.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One request to the sandbox or the hub, its body already read whole, and the one answer it gets. */
public final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final byte[] body;

    public Exchange(Request request, Response response, Callback callback, byte[] body) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.body = body;
    }

    public String method() {
        return request.getMethod();
    }

    /** The path, decoded. */
    public String path() {
        return request.getHttpURI().getDecodedPath();
    }

    /** The query as sent (still encoded), or {@code null}. */
    public String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** A request header, or {@code null}. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The body (empty when none came). */
    public byte[] body() {
        return body;
    }

    /** Adds a header to the answer. */
    public void answerHeader(String name, String value) {
        response.getHeaders().add(name, value);
    }

    public void send(int status, String type, String text) {
        Answers.send(response, callback, status, type, text);
    }

    /** Answers {@code status} with raw bytes of {@code type}. */
    public void sendBytes(int status, String type, byte[] bytes) {
        Answers.send(response, callback, status, type, bytes);
    }

    /** Answers {@code status} with {@code body} as JSON. */
    public void sendJson(int status, JsonNode body) {
        send(status, "application/json", Json.write(body));
    }

    /** The client's address, as the connection shows it. */
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    /** Answers 500 for a request that could not be served. */
    public void fail(Throwable why) {
        callback.failed(why);
    }
}
