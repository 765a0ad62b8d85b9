package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.http.BoundedServer;
import dev.sitrep.http.Exchange;
import dev.sitrep.http.ServerLimits;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The drill platform: a real HTTP server on 127.0.0.1 that speaks Powernode's dialect (login,
 * kill switch, health) with its state in memory, and misbehaves on cue ({@link #misbehave},
 * {@link #errorBurst}, {@link #setMisbehavingAgents}, {@link #haltBySystem}); a {@link ScenarioPlayer}
 * gives those cues on a timetable. Tests and drills talk to it exactly as they would to the real platform.
 * It also speaks the {@code sitrep} contract under /sitrep/v1/ ({@link SitrepRoutes}), sharing incidents
 * among consoles through its {@link #team()} store; both dialects show the same health and kill switch.
 * A request's body is read whole, up to {@link #MAX_BODY_BYTES}, before it is served, without a
 * thread; a {@link Fault#SLOW} answer waits on a timer, not a thread.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String EMAIL = "commander@sandbox.local";
    public static final String PASSWORD = "drill-only";
    public static final String VIEWER_EMAIL = "viewer@sandbox.local";
    /** The bearer token of the {@code sitrep} contract (/sitrep/v1/): the same drill-only secret. */
    public static final String TEAM_TOKEN = PASSWORD;

    /** How many AI agents the sandbox runs. */
    public static final int AGENTS = 12;

    /** The largest request body read: 500 changes with long postmortems fit well within it; more is 413. */
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;
    /** Its clients are consoles and drills on this machine, all from one address: a client's share is the whole. */
    static final ServerLimits LIMITS = new ServerLimits("sitrep-sandbox", 16, 256, 256, Duration.ofSeconds(30),
            Duration.ofSeconds(2), 16 * 1024, MAX_BODY_BYTES);

    /** A fault served instead of the next answers. */
    public enum Fault { SERVER_ERROR, UNAUTHORIZED, SLOW, MALFORMED, RATE_LIMITED }

    private final BoundedServer server;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final Map<String, Session> sessions = new HashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private final FaultPlan faults = new FaultPlan();
    private final TeamStore team;
    private final SitrepRoutes sitrep;
    private volatile long lastHaltArrivedNanos;
    private volatile long lastHaltAnsweredNanos;
    private boolean halted;
    private Instant since;
    private String health = "healthy";
    private boolean ready = true;
    private int agents = AGENTS;
    private int misbehavingAgents;

    private static final ObjectNode COMMANDER = Json.MAPPER.createObjectNode().put("id", "u1").put("email", EMAIL)
            .put("name", "Drill Commander");
    private static final ObjectNode SYSTEM = Json.MAPPER.createObjectNode().put("id", "system").putNull("email")
            .put("name", "system");

    private record Session(String email, Instant expires) {
    }

    /** The halt in force: when, by whom (a name) and why. */
    record Halt(Instant since, String by, String reason) {
    }

    private SandboxServer(int port, Clock clock, Duration tokenLifetime) throws IOException {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.team = new TeamStore(clock);
        this.sitrep = new SitrepRoutes(this, team);
        this.server = BoundedServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), LIMITS,
                new Handler.Abstract() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        SandboxServer.this.handle(request, response, callback);
                        return true;
                    }
                });
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static SandboxServer start(int port, Clock clock, Duration tokenLifetime) throws IOException {
        return new SandboxServer(port, clock, tokenLifetime);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    /** What the consoles share through the {@code sitrep} contract: seed it, or read it to check a test. */
    public TeamStore team() {
        return team;
    }

    // Cues for drills and tests

    /** Serves {@code fault} for the next {@code times} requests. */
    public synchronized void misbehave(Fault fault, int times) {
        faults.queue(fault, times);
    }

    /**
     * Until {@link #endErrorBurst()}, serves {@code fault} for {@code fraction} of the requests
     * (above 0, at most 1), spread evenly: 0.5 fails every second request.
     */
    public synchronized void errorBurst(Fault fault, double fraction) {
        faults.startBurst(fault, fraction);
    }

    public synchronized void endErrorBurst() {
        faults.endBurst();
    }

    /** How long a {@link Fault#SLOW} answer waits (15 s unless set). */
    public synchronized void setSlowDelay(Duration delay) {
        faults.slowDelay(delay);
    }

    /**
     * How many of the sandbox's agents act up (0 for none, at most {@link #agents()}): shown as the
     * {@code agents} check of /health/detailed and in the kill-switch status's {@code impact}.
     * Halting pauses them; they act up again after a resume until set back to 0, as an
     * unfixed root cause would.
     */
    public synchronized void setMisbehavingAgents(int count) {
        if (count < 0 || count > agents) {
            throw new IllegalArgumentException("misbehaving agents must be 0.." + agents + ", not " + count);
        }
        misbehavingAgents = count;
    }

    /** The number of AI agents the sandbox runs. */
    public synchronized int agents() {
        return agents;
    }

    /**
     * The platform halts itself, as an automatic safety would: the halt event's {@code triggered_by}
     * is {@code system}. Returns {@code false}, changing nothing, when already halted.
     */
    public synchronized boolean haltBySystem(String reason) {
        return haltAs(reason, SYSTEM);
    }

    /** healthy, degraded or unhealthy; unhealthy also makes /health/ready answer 503. */
    public synchronized void setHealth(String status) {
        health = status;
        ready = !status.equals("unhealthy");
    }

    /** {@link System#nanoTime()} when the last halt request arrived, for latency measurements (0 before any). */
    public long lastHaltArrivedNanos() {
        return lastHaltArrivedNanos;
    }

    /** {@link System#nanoTime()} when the last successful halt was answered (0 before any). */
    public long lastHaltAnsweredNanos() {
        return lastHaltAnsweredNanos;
    }

    public synchronized boolean halted() {
        return halted;
    }

    // The same state for the sitrep contract

    synchronized String healthStatus() {
        return health;
    }

    /** The halt in force, or {@code null} while running. */
    synchronized Halt haltInForce() {
        if (!halted) {
            return null;
        }
        // While halted, the latest event is the halt that is in force.
        JsonNode halt = events.get(events.size() - 1);
        return new Halt(since, halt.path("triggered_by").path("name").asText(), halt.path("reason").asText());
    }

    /** Halts for {@code actor}; {@code false}, changing nothing, when already halted. */
    synchronized boolean haltFor(String reason, String actor) {
        return haltAs(reason, person(actor));
    }

    /** Resumes for {@code actor}; {@code false}, changing nothing, when not halted. */
    synchronized boolean resumeFor(String mode, String actor) {
        if (!halted) {
            return false;
        }
        halted = false;
        since = null;
        event("resume", null, mode, person(actor));
        return true;
    }

    private boolean haltAs(String reason, ObjectNode triggeredBy) {
        if (halted) {
            return false;
        }
        halted = true;
        since = clock.instant();
        event("halt", reason, null, triggeredBy);
        return true;
    }

    private static ObjectNode person(String name) {
        return Json.MAPPER.createObjectNode().put("id", name).putNull("email").put("name", name);
    }

    // HTTP

    /** Reads the body (no thread waits for it), then serves the request on one of the server's threads. */
    private void handle(Request request, Response response, Callback callback) {
        Content.Source.asByteArrayAsync(request, -1).whenCompleteAsync((body, failure) -> {
            if (failure != null) {
                // the body was too big (413) or the client left: Jetty answers or drops the connection
                callback.failed(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            } else {
                serve(new Exchange(request, response, callback, body));
            }
        }, server.executor());
    }

    private void serve(Exchange exchange) {
        Fault fault;
        Duration slowDelay;
        synchronized (this) {
            fault = faults.next();
            slowDelay = faults.slowDelay();
        }
        if (fault == Fault.SLOW) {
            server.scheduler().schedule(() -> server.executor().execute(() -> route(exchange)), slowDelay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else if (fault != null) {
            serveFault(exchange, fault);
        } else {
            route(exchange);
        }
    }

    private static void serveFault(Exchange exchange, Fault fault) {
        switch (fault) {
            case SERVER_ERROR -> send(exchange, 500, error("Internal server error"));
            case UNAUTHORIZED -> send(exchange, 401, error("Token expired"));
            case MALFORMED -> exchange.send(200, "text/html", "<html><body>502 Bad Gateway</body></html>");
            case RATE_LIMITED -> {
                exchange.answerHeader("Retry-After", "30");
                send(exchange, 429, error("Rate limit exceeded"));
            }
            default -> throw new IllegalArgumentException("not a fault answered at once: " + fault);
        }
    }

    private void route(Exchange exchange) {
        try {
            routeLocked(exchange);
        } catch (RuntimeException e) {
            exchange.fail(e);
        }
    }

    private synchronized void routeLocked(Exchange x) {
        String method = x.method();
        String path = x.path();
        if (path.startsWith(SitrepRoutes.PREFIX)) {
            sitrep.route(x);
            return;
        }
        switch (method + " " + path) {
            case "POST /api/v1/auth/login" -> login(x);
            case "GET /api/v1/health" -> send(x, 200, ok(health()));
            case "GET /api/v1/health/detailed" -> send(x, health.equals("unhealthy") ? 503 : 200, ok(detailed()));
            case "GET /api/v1/health/ready" -> send(x, ready ? 200 : 503,
                    ready ? ok(Json.MAPPER.createObjectNode().put("ready", true)) : error("Service not ready"));
            case "GET /api/v1/ai/kill_switch/status", "POST /api/v1/ai/kill_switch/halt",
                 "POST /api/v1/ai/kill_switch/resume", "GET /api/v1/ai/kill_switch/events",
                 "GET /api/v1/ai/kill_switch/preview_restore" -> killSwitch(x, method, path);
            default -> send(x, 404, error("Not found: " + method + " " + path));
        }
    }

    private void login(Exchange x) {
        JsonNode body = readBody(x);
        JsonNode credentials = body.has("session") ? body.path("session") : body;
        String email = credentials.path("email").asText("");
        String password = credentials.path("password").asText("");
        if (!PASSWORD.equals(password) || !(email.equals(EMAIL) || email.equals(VIEWER_EMAIL))) {
            send(x, 401, error("Invalid email or password"));
            return;
        }
        String token = UUID.randomUUID().toString();
        Instant expires = clock.instant().plus(tokenLifetime);
        sessions.put(token, new Session(email, expires));
        ObjectNode data = Json.MAPPER.createObjectNode();
        data.putObject("user").put("email", email).put("name", email.equals(EMAIL) ? "Drill Commander" : "Viewer");
        data.putObject("account").put("name", "Sandbox");
        data.put("access_token", token).put("expires_at", expires.toString());
        send(x, 200, ok(data));
    }

    private void killSwitch(Exchange x, String method, String path) {
        Session session = session(x);
        if (session == null) {
            send(x, 401, error("Unauthorized"));
            return;
        }
        if (!session.email().equals(EMAIL)) {
            send(x, 403, error("Permission denied: ai.kill_switch.manage"));
            return;
        }
        String action = path.substring(path.lastIndexOf('/') + 1);
        switch (action) {
            case "status" -> send(x, 200, ok(status()));
            case "halt" -> {
                lastHaltArrivedNanos = System.nanoTime();
                if (halted) {
                    send(x, 409, error("Kill switch is already active"));
                    return;
                }
                String reason = readBody(x).path("reason").asText("");
                if (reason.isBlank()) {
                    send(x, 422, error("Reason is required"));
                    return;
                }
                halted = true;
                since = clock.instant();
                ObjectNode event = event("halt", reason, null, COMMANDER);
                ObjectNode data = Json.MAPPER.createObjectNode();
                data.set("event", event);
                data.set("kill_switch_status", status());
                send(x, 200, ok(data));
                lastHaltAnsweredNanos = System.nanoTime();
            }
            case "resume" -> {
                if (!halted) {
                    send(x, 409, error("Kill switch is not active"));
                    return;
                }
                String mode = readBody(x).path("mode").asText("full");
                halted = false;
                since = null;
                event("resume", null, mode, COMMANDER);
                send(x, 200, ok(status()));
            }
            case "events" -> {
                int limit = Math.min(100, queryInt(x.rawQuery(), "limit", 20));
                ObjectNode data = Json.MAPPER.createObjectNode();
                var list = data.putArray("events");
                for (int i = events.size() - 1; i >= 0 && list.size() < limit; i--) {
                    list.add(events.get(i));
                }
                data.put("total_count", events.size());
                send(x, 200, ok(data));
            }
            case "preview_restore" -> {
                if (!halted) {
                    send(x, 404, error("No snapshot available"));
                    return;
                }
                send(x, 200, ok(preview()));
            }
            default -> send(x, 404, error("Not found"));
        }
    }

    private Session session(Exchange x) {
        String auth = x.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        Session s = sessions.get(auth.substring(7));
        if (s == null || !clock.instant().isBefore(s.expires())) {
            return null;
        }
        return s;
    }

    private ObjectNode event(String type, String reason, String mode, ObjectNode triggeredBy) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("id", UUID.randomUUID().toString()).put("event_type", type).put("reason", reason)
                .put("resume_mode", mode).put("created_at", clock.instant().toString());
        e.set("triggered_by", triggeredBy.deepCopy());
        e.putObject("impact").put("agents_paused", type.equals("halt") ? agents : 0)
                .put("agents_misbehaving", type.equals("halt") ? misbehavingAgents : 0);
        events.add(e);
        return e;
    }

    private ObjectNode status() {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("halted", halted);
        s.put("since", since == null ? null : since.toString());
        if (halted) {
            s.set("snapshot_preview", preview());
        } else {
            s.putNull("snapshot_preview");
        }
        if (events.isEmpty()) {
            s.putNull("latest_event");
        } else {
            s.set("latest_event", events.get(events.size() - 1));
        }
        s.putObject("impact").put("agents_running", halted ? 0 : agents)
                .put("agents_misbehaving", halted ? 0 : misbehavingAgents).put("agents_paused", halted ? agents : 0);
        return s;
    }

    private ObjectNode preview() {
        return Json.MAPPER.createObjectNode().put("agents_to_restore", agents).put("total_agents", agents + 3)
                .put("ralph_loops_to_resume", 2).put("workflow_schedules_to_resume", 5)
                .put("snapshot_taken_at", since == null ? null : since.toString());
    }

    private ObjectNode health() {
        return Json.MAPPER.createObjectNode().put("status", health.equals("healthy") ? "healthy" : health)
                .put("timestamp", clock.instant().toString()).put("uptime_seconds", 3600).put("version", "sandbox-1.0");
    }

    private ObjectNode detailed() {
        ObjectNode d = Json.MAPPER.createObjectNode().put("status", health);
        ObjectNode checks = d.putObject("checks");
        checks.putObject("database").put("status", health.equals("unhealthy") ? "down" : "up");
        checks.putObject("redis").put("status", "up");
        checks.putObject("memory").put("status", health.equals("degraded") ? "high" : "ok");
        checks.putObject("disk").put("status", "ok");
        checks.putObject("agents").put("status", halted ? "paused" : misbehavingAgents > 0 ? "misbehaving" : "ok")
                .put("running", halted ? 0 : agents).put("misbehaving", halted ? 0 : misbehavingAgents);
        return d;
    }

    private static ObjectNode ok(JsonNode data) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("success", true);
        o.set("data", data);
        return o;
    }

    private static ObjectNode error(String message) {
        return Json.MAPPER.createObjectNode().put("success", false).put("error", message);
    }

    private static JsonNode readBody(Exchange x) {
        try {
            byte[] bytes = x.body();
            return bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static int queryInt(String q, String name, int fallback) {
        if (q == null) {
            return fallback;
        }
        for (String part : q.split("&")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                try {
                    return Integer.parseInt(kv[1]);
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    static void send(Exchange x, int status, JsonNode body) {
        x.send(status, "application/json", Json.write(body));
    }

    @Override
    public void close() {
        server.close();
    }
}
