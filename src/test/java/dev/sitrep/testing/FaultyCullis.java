package dev.sitrep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.cullis.CullisConnector;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.testing.FaultyPlatform.Fault;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cullis broker on loopback that keeps its revoked certificates in memory, as the broker's
 * FastAPI answers them, and scripts what goes wrong around a revocation ({@link Fault}): it is
 * carried out and the answer is a 500, never comes or its connection drops; a 500 or 403 comes and nothing was done; no
 * answer comes and it is carried out later ({@link #carryOutHeld()}). Listing the revoked
 * certificates (what a read-back makes) can be made to fail too.
 */
public final class FaultyCullis implements AutoCloseable {

    public static final String SECRET = "s3cret-admin";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Map<String, Object>> revoked = new LinkedHashMap<>();
    private volatile Fault next;
    private volatile boolean listingFails;
    private volatile String errorText = "Internal Server Error";
    private volatile JsonNode held;

    private FaultyCullis() {
    }

    public static FaultyCullis start() throws IOException {
        FaultyCullis c = new FaultyCullis();
        c.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return c.answer(request);
            }
        });
        c.server.start(InetAddress.getLoopbackAddress(), 0);
        return c;
    }

    public String url() {
        return server.url("/").toString();
    }

    /** A Cullis profile for this broker. */
    public PlatformProfile profile(String name) {
        return new PlatformProfile(name, PlatformKind.CULLIS, url(), null, null, PlatformProfile.Environment.PRODUCTION,
                null, List.of(), Duration.ofSeconds(30));
    }

    /** A connector to the profile's URL that gives up on an answer after {@link FaultyPlatform#READ_TIMEOUT}. */
    public PlatformConnector connector(PlatformProfile profile) {
        return new CullisConnector(profile.name(), new JsonHttp(profile.name(), HttpUrl.get(profile.url()),
                JsonHttp.client(null, Duration.ofSeconds(20)).newBuilder().readTimeout(FaultyPlatform.READ_TIMEOUT).build(),
                CullisConnector::errorMessage), () -> SECRET, Clock.systemUTC());
    }

    /** What happens to the next revocation. */
    public void next(Fault fault) {
        next = fault;
    }

    /** Whether listing the revoked certificates answers 500. */
    public void listingFails(boolean fail) {
        listingFails = fail;
    }

    /** The error text of the 500s and 403s this broker makes up. */
    public void errorText(String text) {
        errorText = text;
    }

    /** The broker gets round to the revocation held by {@link Fault#CARRIED_OUT_LATE}. */
    public synchronized void carryOutHeld() {
        revoke(held);
        held = null;
    }

    /** Whether the broker lists this serial as revoked. */
    public synchronized boolean isRevoked(String serial) {
        return revoked.containsKey(serial);
    }

    /** How many requests reached the broker. */
    public int requests() {
        return server.getRequestCount();
    }

    private synchronized MockResponse answer(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        if (path.equals("/health")) {
            return json(200, Map.of("status", "ok", "version", "1.4.0"));
        }
        if (path.equals("/readyz")) {
            return json(200, Map.of("status", "ready", "checks", Map.of("database", "ok")));
        }
        if (!SECRET.equals(request.getHeader("x-admin-secret"))) {
            return json(403, Map.of("detail", "Invalid admin secret"));
        }
        if (path.equals("/v1/admin/certs/revoked")) {
            if (listingFails) {
                return json(500, Map.of("detail", errorText));
            }
            String org = request.getRequestUrl().queryParameter("org_id");
            return json(200, new ArrayList<>(revoked.values().stream().filter(r -> r.get("org_id").equals(org)).toList()));
        }
        if (!path.equals("/v1/admin/certs/revoke")) {
            return json(404, Map.of("detail", "Not Found"));
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Fault fault = next;
        next = null;
        if (fault == Fault.NOT_CARRIED_OUT_500) {
            return json(500, Map.of("detail", errorText));
        }
        if (fault == Fault.REFUSED_403) {
            return json(403, Map.of("detail", errorText));
        }
        if (fault == Fault.CARRIED_OUT_LATE) {
            held = body;
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        if (revoked.containsKey(body.path("serial_hex").asText())) {
            return json(409, Map.of("detail", "Certificate already revoked"));
        }
        Map<String, Object> r = revoke(body);
        if (fault == Fault.CARRIED_OUT_THEN_500) {
            return json(500, Map.of("detail", errorText));
        }
        MockResponse answer = json(200, Map.of("serial_hex", r.get("serial_hex"), "org_id", r.get("org_id"),
                "revoked_at", r.get("revoked_at"), "message", "Certificate revoked"));
        return FaultyPlatform.lost(fault, answer);
    }

    private Map<String, Object> revoke(JsonNode body) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("serial_hex", body.path("serial_hex").asText());
        r.put("org_id", body.path("org_id").asText());
        r.put("revoked_at", Instant.now().toString());
        r.put("revoked_by", body.path("revoked_by").asText());
        r.put("reason", body.path("reason").isNull() ? null : body.path("reason").asText());
        r.put("agent_id", null);
        revoked.put(body.path("serial_hex").asText(), r);
        return r;
    }

    private static MockResponse json(int status, Object body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(Json.write(body));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
