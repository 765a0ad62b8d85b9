package dev.sitrep.testing;

import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.platform.PlatformConnector;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.powernode.PowernodeConnector;
import dev.sitrep.sandbox.SandboxServer;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The drill platform (a {@link SandboxServer} speaking Powernode) behind a loopback proxy that
 * scripts what goes wrong around a halt or resume: the platform carries it out and the answer is a
 * 500, never comes, or its connection drops; or a 500 or 403 comes and nothing was carried out; or no answer comes and the
 * platform carries it out later. Kill-switch status reads (what
 * a read-back makes) can be made to fail too. Everything else passes through to the sandbox.
 */
public final class FaultyPlatform implements AutoCloseable {

    /** What happens to the next halt or resume request. */
    public enum Fault {
        /** The sandbox carries it out; the answer is replaced by a 500. */
        CARRIED_OUT_THEN_500,
        /** The sandbox carries it out; the answer never comes (the client's read times out). */
        CARRIED_OUT_THEN_NO_ANSWER,
        /** The sandbox carries it out; the connection is dropped before the answer. */
        CARRIED_OUT_THEN_DROPPED,
        /** A 500, and the sandbox never sees the request. */
        NOT_CARRIED_OUT_500,
        /** A 403 carrying {@link #errorText}, and the sandbox never sees the request. */
        REFUSED_403,
        /**
         * No answer comes, and the sandbox carries the request out only later, when the test calls
         * {@link #carryOutHeld()} (a platform still at it when it is read back).
         */
        CARRIED_OUT_LATE
    }

    /** The read timeout of {@link #connector}: a lost answer is given up on this soon. */
    public static final Duration READ_TIMEOUT = Duration.ofMillis(700);

    private static final String KILL_SWITCH = "/api/v1/ai/kill_switch/";

    private final SandboxServer sandbox;
    private final MockWebServer proxy = new MockWebServer();
    private final HttpClient forward = HttpClient.newHttpClient();
    private final Map<String, Fault> next = new ConcurrentHashMap<>();
    private volatile boolean statusFails;
    private volatile String errorText = "Internal server error";
    private volatile RecordedRequest held;
    private volatile byte[] heldBody;

    private FaultyPlatform(SandboxServer sandbox) {
        this.sandbox = sandbox;
    }

    public static FaultyPlatform start() throws IOException {
        FaultyPlatform p = new FaultyPlatform(SandboxServer.start(0, Clock.systemUTC(), Duration.ofMinutes(15)));
        p.proxy.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return p.answer(request);
            }
        });
        p.proxy.start(InetAddress.getLoopbackAddress(), 0);
        return p;
    }

    /** The platform behind the proxy, to halt or read directly. */
    public SandboxServer sandbox() {
        return sandbox;
    }

    public String url() {
        return proxy.url("/").toString();
    }

    /** A Powernode profile for this platform, in development. */
    public PlatformProfile profile(String name) {
        return new PlatformProfile(name, PlatformKind.POWERNODE, url(), null, SandboxServer.EMAIL,
                PlatformProfile.Environment.DEVELOPMENT, null, List.of(), Duration.ofSeconds(30));
    }

    /** A Powernode connector to the profile's URL that gives up on an answer after {@link #READ_TIMEOUT}. */
    public PlatformConnector connector(PlatformProfile profile) {
        return new PowernodeConnector(profile.name(), new JsonHttp(profile.name(), HttpUrl.get(profile.url()),
                JsonHttp.client(null, Duration.ofSeconds(20)).newBuilder().readTimeout(READ_TIMEOUT).build(),
                PowernodeConnector::errorMessage), SandboxServer.EMAIL, () -> SandboxServer.PASSWORD, Clock.systemUTC());
    }

    /** What happens to the next {@code action} ("halt" or "resume") request. */
    public void next(String action, Fault fault) {
        next.put(action, fault);
    }

    /** The error text of the 500s and 403s this stand-in makes up. */
    public void errorText(String text) {
        errorText = text;
    }

    /** The platform gets round to the request held by {@link Fault#CARRIED_OUT_LATE}: the sandbox carries it out now. */
    public void carryOutHeld() {
        passOn(held, heldBody);
        held = null;
    }

    /** Whether kill-switch status reads answer 500 (without reaching the sandbox). */
    public void statusReadsFail(boolean fail) {
        statusFails = fail;
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        String action = path.startsWith(KILL_SWITCH) ? path.substring(KILL_SWITCH.length()) : "";
        if (action.equals("status") && statusFails) {
            return serverError();
        }
        Fault fault = next.remove(action);
        if (fault == Fault.NOT_CARRIED_OUT_500) {
            return serverError();
        }
        if (fault == Fault.REFUSED_403) {
            return error(403);
        }
        byte[] body = request.getBody().readByteArray();
        if (fault == Fault.CARRIED_OUT_LATE) {
            held = request;
            heldBody = body;
            return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        MockResponse answer = passOn(request, body);
        if (fault == Fault.CARRIED_OUT_THEN_500) {
            return serverError();
        }
        return lost(fault, answer);
    }

    /** The answer as {@code fault} leaves it: never sent, or its connection dropped. */
    static MockResponse lost(Fault fault, MockResponse answer) {
        if (fault == Fault.CARRIED_OUT_THEN_NO_ANSWER) {
            return answer.setSocketPolicy(SocketPolicy.NO_RESPONSE);
        }
        return fault == Fault.CARRIED_OUT_THEN_DROPPED ? answer.setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)
                : answer;
    }

    private MockResponse passOn(RecordedRequest request, byte[] body) {
        HttpRequest.Builder to = HttpRequest.newBuilder(URI.create(sandbox.url() + request.getPath()))
                .method(request.getMethod(), body.length > 0 ? HttpRequest.BodyPublishers.ofByteArray(body)
                        : HttpRequest.BodyPublishers.noBody());
        for (String header : List.of("Authorization", "Content-Type", "Accept")) {
            String value = request.getHeader(header);
            if (value != null) {
                to.header(header, value);
            }
        }
        try {
            HttpResponse<String> answer = forward.send(to.build(), HttpResponse.BodyHandlers.ofString());
            return new MockResponse().setResponseCode(answer.statusCode()).setHeader("Content-Type", "application/json")
                    .setBody(answer.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the sandbox behind the proxy did not answer", e);
        }
    }

    private MockResponse serverError() {
        return error(500);
    }

    private MockResponse error(int status) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setBody(Json.write(Map.of("success", false, "error", errorText)));
    }

    /** How many requests reached this platform (the proxy), whatever became of them. */
    public int requests() {
        return proxy.getRequestCount();
    }

    @Override
    public void close() throws IOException {
        proxy.shutdown();
        sandbox.close();
    }
}
