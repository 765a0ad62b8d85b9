package dev.sitrep.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.Limits;
import dev.sitrep.platform.PlatformException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * JSON over HTTP(S) to one platform, with the limits a commander's tool needs: connect, read and
 * whole-call timeouts, answers capped (at {@link #MAX_BODY} bytes unless the platform's contract
 * says otherwise), and every failure turned into a {@link PlatformException} that names the
 * platform. A call on a connection the platform had closed is sent again once when that is safe
 * ({@link SafeRetry}). Authorization headers are never logged.
 */
public final class JsonHttp {

    /** The largest answer read by default; anything bigger is refused, never buffered. */
    public static final long MAX_BODY = 5L * 1024 * 1024;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    /** An answer whose body was read (any status). */
    public record Answer(int status, JsonNode json, Headers headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String platform;
    private final HttpUrl base;
    private final OkHttpClient client;
    private final Function<JsonNode, String> errorMessage;
    private final long maxBody;

    /**
     * @param errorMessage reads the platform's own error text out of an error body (its dialect)
     */
    public JsonHttp(String platform, HttpUrl base, OkHttpClient client, Function<JsonNode, String> errorMessage) {
        this(platform, base, client, errorMessage, MAX_BODY);
    }

    /** @param maxBody the largest answer read (the most the platform's contract lets it send) */
    public JsonHttp(String platform, HttpUrl base, OkHttpClient client, Function<JsonNode, String> errorMessage,
                    long maxBody) {
        this.platform = platform;
        this.base = base;
        this.client = client;
        this.errorMessage = errorMessage;
        this.maxBody = maxBody;
    }

    /** A client with Sitrep's timeouts, trusting the system CAs plus {@code caFile} when given. */
    public static OkHttpClient client(Path caFile, Duration callTimeout) {
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(10))
                .writeTimeout(Duration.ofSeconds(10))
                .callTimeout(callTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false);
        if (caFile != null) {
            X509TrustManager trust = TrustedCertificates.with(caFile);
            try {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
                b.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS is not available in this JVM", e);
            }
        }
        return b.build();
    }

    /** Lets go of pooled connections and the client's threads. */
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    public Answer get(String path, Map<String, String> headers) {
        return call("GET", path, null, headers);
    }

    public Answer send(String method, String path, Object body, Map<String, String> headers) {
        return call(method, path, body, headers);
    }

    /** Sends a file's bytes as the body ({@code application/octet-stream}); the answer read as JSON. */
    public Answer sendFile(String method, String path, Path file, Map<String, String> headers) {
        return exchange(method, path, RequestBody.create(file.toFile(), OCTETS), headers);
    }

    /** Where a download's bytes go; the call's status says whether any came. */
    public interface Sink {
        void write(java.io.InputStream bytes) throws IOException;
    }

    /**
     * GETs raw bytes into {@code sink} when the answer is 200 and declares at most {@code maxBytes}
     * (a longer or undeclared body is refused before it is read); else the answer as JSON, for {@link #failure}.
     */
    public Answer download(String path, Map<String, String> headers, long maxBytes, Sink sink) {
        HttpUrl url = resolve(path);
        Request.Builder request = new Request.Builder().url(url).get();
        headers.forEach(request::header);
        try (Response response = SafeRetry.execute(client, request.build())) {
            if (response.code() != 200) {
                return new Answer(response.code(), readJson(response), response.headers());
            }
            ResponseBody body = response.body();
            long declared = body == null ? -1 : body.contentLength();
            if (declared < 0 || declared > maxBytes) {
                throw PlatformException.unreachable(platform, response.code(), "the download is "
                        + (declared < 0 ? "of no declared size" : megabytes(declared)) + "; Sitrep reads at most "
                        + megabytes(maxBytes) + " here");
            }
            sink.write(body.byteStream());
            return new Answer(200, Json.MAPPER.nullNode(), response.headers());
        } catch (InterruptedIOException e) {
            throw PlatformException.unreachable(platform, "no answer in time from " + url.host() + " (" + e.getMessage()
                    + "); it may be down or overloaded", e);
        } catch (IOException e) {
            throw PlatformException.unreachable(platform, "cannot reach " + url.host() + ":" + url.port() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private Answer call(String method, String path, Object body, Map<String, String> headers) {
        RequestBody payload = body == null ? (method.equals("GET") || method.equals("HEAD") ? null
                : RequestBody.create(new byte[0], JSON)) : body instanceof RequestBody raw ? raw
                : RequestBody.create(Json.write(body), JSON);
        return exchange(method, path, payload, headers);
    }

    private Answer exchange(String method, String path, RequestBody payload, Map<String, String> headers) {
        HttpUrl url = resolve(path);
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json");
        headers.forEach(request::header);
        request.method(method, payload);
        try (Response response = SafeRetry.execute(client, request.build())) {
            if (response.isRedirect()) {
                throw redirected(response.code(), url, response.header("Location"));
            }
            return new Answer(response.code(), readJson(response), response.headers());
        } catch (InterruptedIOException e) {
            throw PlatformException.unreachable(platform, "no answer in time from " + url.host() + " (" + e.getMessage()
                    + "); it may be down or overloaded", e);
        } catch (IOException e) {
            throw PlatformException.unreachable(platform, "cannot reach " + url.host() + ":" + url.port() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    private HttpUrl resolve(String path) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return HttpUrl.get(root + (path.startsWith("/") ? path : "/" + path));
    }

    private JsonNode readJson(Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return Json.MAPPER.nullNode();
        }
        long declared = body.contentLength();
        if (declared > maxBody) {
            throw PlatformException.unreachable(platform, response.code(), "the answer is " + megabytes(declared)
                    + ", more than the " + megabytes(maxBody) + " Sitrep reads; the platform or a proxy in between is "
                    + "misbehaving");
        }
        BufferedSource source = body.source();
        source.request(maxBody + 1);
        if (source.getBuffer().size() > maxBody) {
            throw PlatformException.unreachable(platform, response.code(), "the answer is more than the "
                    + megabytes(maxBody) + " Sitrep reads; the platform or a proxy in between is misbehaving");
        }
        String text = source.readString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Json.MAPPER.nullNode();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw PlatformException.unreachable(platform, response.code(), "the answer is not JSON (it starts \""
                    + preview(text) + "\"); is the URL the platform's API, not a web page or a proxy?");
        }
    }

    /**
     * Turns a failed answer into the right refusal: 4xx are the platform's own words (exit 3),
     * 429 says when to retry, 5xx are an unreachable platform (exit 4).
     */
    public PlatformException failure(Answer answer) {
        String said = platformSays(answer.json());
        int status = answer.status();
        if (status == 429) {
            String retry = answer.headers().get("Retry-After");
            return PlatformException.unreachable(platform, status, "too many requests" + (retry == null ? ""
                    : "; retry after " + retry + " s") + (said.isEmpty() ? "" : " (" + said + ")"));
        }
        if (status >= 500) {
            return PlatformException.unreachable(platform, status, said.isEmpty() ? "a server error" : said);
        }
        return PlatformException.refused(platform, status, said.isEmpty() ? "no reason given" : said);
    }

    /** The platform's own error text (cut to {@value Limits#FOREIGN_MAX} characters), or "" when the body says nothing readable. */
    public String platformSays(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return "";
        }
        String said = errorMessage.apply(json);
        return said == null ? "" : Limits.foreign(said, Limits.FOREIGN_MAX);
    }

    /**
     * A redirect, which Sitrep never follows (a request carrying credentials goes only where the
     * profile says): names where it leads and, when it is the same call elsewhere, the URL the
     * profile likely needs (https, or a path in front).
     */
    private PlatformException redirected(int status, HttpUrl asked, String location) {
        if (location == null || location.isBlank()) {
            return PlatformException.refused(platform, status, "a redirect without a Location; Sitrep does not follow "
                    + "redirects: check the profile's URL");
        }
        HttpUrl target = asked.resolve(location);
        String shown = Limits.foreign(target == null ? location : target.toString(), 300);
        String call = asked.encodedPath();
        String prefix = base.encodedPath().endsWith("/") ? base.encodedPath().substring(0, base.encodedPath().length() - 1)
                : base.encodedPath();
        String own = call.startsWith(prefix) ? call.substring(prefix.length()) : call;
        String advice;
        if (target != null && target.encodedPath().endsWith(own) && !own.isEmpty()) {
            String keep = target.encodedPath().substring(0, target.encodedPath().length() - own.length());
            HttpUrl likely = target.newBuilder().query(null).encodedPath(keep + "/").build();
            advice = "the profile's URL likely needs to be " + likely + (target.isHttps() && !asked.isHttps()
                    ? " (https)" : " (a different path)") + "; add the platform again with that --url";
        } else {
            advice = "it leads away from the platform's API (a login page or a proxy?); point the profile's URL at the "
                    + "API itself";
        }
        return PlatformException.refused(platform, status, "a redirect to " + shown + "; Sitrep does not follow "
                + "redirects: " + advice);
    }

    private static String megabytes(long bytes) {
        return (bytes + 1024 * 1024 - 1) / (1024 * 1024) + " MB";
    }

    static String preview(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 60) + "…";
    }
}
