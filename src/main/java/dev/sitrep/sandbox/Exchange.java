package dev.sitrep.sandbox;

import dev.sitrep.http.Answers;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One request to the sandbox, its body already read whole, and the one answer it gets. */
final class Exchange {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final byte[] body;

    Exchange(Request request, Response response, Callback callback, byte[] body) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.body = body;
    }

    String method() {
        return request.getMethod();
    }

    /** The path, decoded. */
    String path() {
        return request.getHttpURI().getDecodedPath();
    }

    /** The query as sent (still encoded), or {@code null}. */
    String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** A request header, or {@code null}. */
    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The body (empty when none came). */
    byte[] body() {
        return body;
    }

    /** Adds a header to the answer. */
    void answerHeader(String name, String value) {
        response.getHeaders().add(name, value);
    }

    void send(int status, String type, String text) {
        Answers.send(response, callback, status, type, text);
    }

    /** Answers 500 for a request that could not be served. */
    void fail(Throwable why) {
        callback.failed(why);
    }
}
