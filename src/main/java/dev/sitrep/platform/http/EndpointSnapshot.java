package dev.sitrep.platform.http;

import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One HTTP answer of a platform, kept as evidence: the request line, the status, the headers
 * without those that carry secrets (named as removed, never their values), and the body as it came
 * (up to {@link JsonHttp#MAX_BODY}, whatever its type: an HTML error page is evidence too).
 * Only GET, and only without credentials: it is for health and status calls.
 */
public record EndpointSnapshot(String url, Instant at, String protocol, int status, String message,
                               List<String> headers, List<String> removedHeaders, String body, boolean truncated) {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-admin-secret", "x-api-key", "x-auth-token", "x-csrf-token", "x-xsrf-token");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(token|secret|password|passwd|api[-_]?key|session|auth).*");

    /** GETs {@code path} under the platform's base URL and keeps the answer, whatever its status. */
    public static EndpointSnapshot take(String platform, HttpUrl base, String path, OkHttpClient client, Instant at) {
        String root = base.toString().replaceAll("/+$", "");
        HttpUrl url = HttpUrl.parse(root + (path.startsWith("/") ? path : "/" + path));
        if (url == null) {
            throw SitrepException.invalid(Limits.quote(path) + " is not a path on " + base + "; give one like /health.");
        }
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = SafeRetry.execute(client, request)) {
            List<String> kept = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            Headers headers = response.headers();
            for (int i = 0; i < headers.size(); i++) {
                String name = headers.name(i).toLowerCase(Locale.ROOT);
                if (SECRET_HEADERS.contains(name) || SECRET_NAME.matcher(name).matches()) {
                    if (!removed.contains(name)) {
                        removed.add(name);
                    }
                } else {
                    kept.add(name + ": " + headers.value(i));
                }
            }
            String body = "";
            boolean truncated = false;
            ResponseBody payload = response.body();
            if (payload != null) {
                BufferedSource source = payload.source();
                source.request(JsonHttp.MAX_BODY + 1);
                long buffered = source.getBuffer().size();
                truncated = buffered > JsonHttp.MAX_BODY;
                body = source.getBuffer().readString(Math.min(buffered, JsonHttp.MAX_BODY), StandardCharsets.UTF_8);
            }
            return new EndpointSnapshot(url.toString(), at, response.protocol().toString().toUpperCase(Locale.ROOT),
                    response.code(), response.message(), kept, removed, body, truncated);
        } catch (InterruptedIOException e) {
            throw SitrepException.invalid(platform + " gave no answer in time at " + url + " (" + e.getMessage()
                    + "); nothing was captured. It may be down: that is worth a note on the timeline.");
        } catch (IOException e) {
            throw SitrepException.invalid("Cannot reach " + platform + " at " + url + " (" + e.getMessage()
                    + "); nothing was captured. Check the network and the profile's URL.");
        }
    }

    /** The snapshot as the evidence text: request, status, headers, a blank line, the body. */
    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("GET ").append(url).append('\n');
        s.append("captured ").append(at).append("\n\n");
        s.append(protocol).append(' ').append(status).append(message.isEmpty() ? "" : " " + message).append('\n');
        headers.forEach(h -> s.append(h).append('\n'));
        removedHeaders.forEach(h -> s.append(h).append(": [removed by Sitrep: may carry a secret]\n"));
        s.append('\n').append(body);
        if (truncated) {
            s.append("\n[cut by Sitrep at ").append(JsonHttp.MAX_BODY / (1024 * 1024)).append(" MB]\n");
        }
        return s.toString();
    }
}
