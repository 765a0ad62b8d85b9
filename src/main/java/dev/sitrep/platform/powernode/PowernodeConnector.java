package dev.sitrep.platform.powernode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sitrep.core.Limits;
import dev.sitrep.core.SitrepException;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchEvent;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.NamedConnector;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.platform.RestorePreview;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.JsonValues;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Powernode, spoken as its API does: log in with email and password for a bearer token (again
 * when it expires or a call answers 401), then the kill switch under
 * {@code /api/v1/ai/kill_switch/...} and health under {@code /api/v1/health}. Answers come in
 * {@code {success, data}} envelopes; errors as {@code {success:false, error}}.
 */
public final class PowernodeConnector extends NamedConnector {

    static final String LOGIN = "/api/v1/auth/login";
    static final String KILL_SWITCH = "/api/v1/ai/kill_switch";
    static final String HEALTH = "/api/v1/health";
    /** Status calls without credentials, kept as evidence by an endpoint snapshot. */
    public static final java.util.List<String> STATUS_PATHS = java.util.List.of(HEALTH, HEALTH + "/detailed", HEALTH + "/ready");
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.HEALTH, Capability.KILL_SWITCH_STATUS,
            Capability.KILL_SWITCH_HALT, Capability.KILL_SWITCH_RESUME, Capability.KILL_SWITCH_EVENTS,
            Capability.RESTORE_PREVIEW);

    private final JsonHttp http;
    private final String email;
    private final Supplier<String> password;
    private final Clock clock;
    private String token;
    private Instant tokenExpires;

    public PowernodeConnector(String name, JsonHttp http, String email, Supplier<String> password, Clock clock) {
        super(name, PlatformKind.POWERNODE, CAPABILITIES);
        this.http = http;
        this.email = email;
        this.password = password;
        this.clock = clock;
    }

    /** Powernode's error envelope: {@code {success:false, error, code?}}. */
    public static String errorMessage(JsonNode body) {
        return body.path("error").asText(body.path("message").asText(""));
    }

    @Override
    public Health health() {
        JsonHttp.Answer basic = http.get(HEALTH, Map.of());
        if (!basic.ok()) {
            throw http.failure(basic);
        }
        JsonNode data = basic.json().path("data");
        JsonHttp.Answer detailed = http.get(HEALTH + "/detailed", Map.of());
        Map<String, String> checks = new LinkedHashMap<>();
        Health.Status status = "healthy".equals(data.path("status").asText()) ? Health.Status.HEALTHY : Health.Status.DEGRADED;
        if (detailed.ok() || detailed.status() == 503) {
            JsonNode d = detailed.json().path("data");
            d.path("checks").fields().forEachRemaining(e -> checks.put(e.getKey(),
                    e.getValue().isObject() ? e.getValue().path("status").asText(e.getValue().toString())
                            : e.getValue().asText()));
            String overall = d.path("status").asText("");
            if (overall.equals("degraded")) {
                status = Health.Status.DEGRADED;
            } else if (overall.equals("unhealthy") || detailed.status() == 503) {
                status = Health.Status.UNHEALTHY;
            }
        }
        JsonHttp.Answer ready = http.get(HEALTH + "/ready", Map.of());
        String detail = null;
        if (ready.status() == 503) {
            status = Health.Status.UNHEALTHY;
            detail = "not ready: " + http.platformSays(ready.json());
        }
        return new Health(status, data.path("version").asText(null), checks, clock.instant(), detail);
    }

    @Override
    public KillSwitchState killSwitchStatus() {
        JsonNode data = authorized("GET", KILL_SWITCH + "/status", null).path("data");
        return state(data);
    }

    @Override
    public KillSwitchState halt(String reason, String actor) {
        JsonHttp.Answer answer = authorizedAnswer("POST", KILL_SWITCH + "/halt", Map.of("reason", reason));
        if (answer.status() == 409) {
            return killSwitchStatus(); // already halted: the confirmed state, not an error
        }
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        JsonNode status = answer.json().path("data").path("kill_switch_status");
        return status.isMissingNode() ? killSwitchStatus() : state(status);
    }

    @Override
    public KillSwitchState resume(String mode, String actor) {
        String m = mode == null ? "full" : mode;
        if (!m.equals("full") && !m.equals("minimal")) {
            throw SitrepException.invalid("Powernode resumes in mode full (restores the pre-halt snapshot) or minimal; "
                    + Limits.quote(mode) + " is neither.");
        }
        JsonHttp.Answer answer = authorizedAnswer("POST", KILL_SWITCH + "/resume", Map.of("mode", m));
        if (answer.status() == 409) {
            return killSwitchStatus(); // not halted: already running
        }
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        return killSwitchStatus();
    }

    @Override
    public List<KillSwitchEvent> killSwitchEvents(int limit) {
        int n = Math.max(1, Math.min(100, limit));
        JsonNode events = authorized("GET", KILL_SWITCH + "/events?limit=" + n, null).path("data").path("events");
        List<KillSwitchEvent> out = new ArrayList<>();
        events.forEach(e -> out.add(event(e)));
        return out;
    }

    @Override
    public RestorePreview restorePreview() {
        JsonHttp.Answer answer = authorizedAnswer("GET", KILL_SWITCH + "/preview_restore", null);
        if (answer.status() == 404) {
            return null; // not halted: no snapshot to restore
        }
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        return preview(answer.json().path("data"));
    }

    private JsonNode authorized(String method, String path, Object body) {
        JsonHttp.Answer answer = authorizedAnswer(method, path, body);
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        return answer.json();
    }

    /** Calls with the bearer token, logging in first when there is none or it expired, and once more on a 401. */
    private synchronized JsonHttp.Answer authorizedAnswer(String method, String path, Object body) {
        if (token == null || (tokenExpires != null && !clock.instant().isBefore(tokenExpires))) {
            login();
        }
        JsonHttp.Answer answer = http.send(method, path, body, Map.of("Authorization", "Bearer " + token));
        if (answer.status() == 401) {
            login();
            answer = http.send(method, path, body, Map.of("Authorization", "Bearer " + token));
        }
        return answer;
    }

    private void login() {
        token = null;
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("email", email);
        credentials.put("password", password.get());
        JsonHttp.Answer answer = http.send("POST", LOGIN, credentials, Map.of());
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        JsonNode data = answer.json().path("data");
        if (data.path("requires_2fa").asBoolean(false)) {
            throw PlatformException.refused(name(), "the account " + email + " has two-factor sign-in, which Sitrep "
                    + "cannot answer; use a service account without 2FA that has the ai.kill_switch.manage permission.");
        }
        String access = data.path("access_token").asText("");
        if (access.isEmpty()) {
            throw PlatformException.unreachable(name(), "the login answer has no access_token", null);
        }
        token = access;
        tokenExpires = JsonValues.instant(data.path("expires_at"));
    }

    private KillSwitchState state(JsonNode data) {
        boolean halted = data.path("halted").asBoolean(false);
        JsonNode latest = data.path("latest_event");
        String by = null;
        String reason = null;
        if (halted && "halt".equals(latest.path("event_type").asText())) {
            by = who(latest.path("triggered_by"));
            reason = latest.path("reason").asText(null);
        }
        return new KillSwitchState(name(), halted, halted ? JsonValues.instant(data.path("since")) : null, by, reason, clock.instant());
    }

    private static KillSwitchEvent event(JsonNode e) {
        return new KillSwitchEvent(e.path("id").asText(), e.path("event_type").asText(), e.path("reason").asText(null),
                who(e.path("triggered_by")), e.path("impact").isMissingNode() || e.path("impact").isNull() ? null
                : e.path("impact").toString(), e.path("resume_mode").asText(null), JsonValues.instant(e.path("created_at")));
    }

    private static RestorePreview preview(JsonNode d) {
        return new RestorePreview(d.path("agents_to_restore").asInt(), d.path("total_agents").asInt(),
                d.path("ralph_loops_to_resume").asInt(), d.path("workflow_schedules_to_resume").asInt(),
                JsonValues.instant(d.path("snapshot_taken_at")));
    }

    private static String who(JsonNode person) {
        if (person.isMissingNode() || person.isNull()) {
            return null;
        }
        String display = person.path("name").asText("");
        return display.isEmpty() ? person.path("email").asText(null) : display;
    }


    @Override
    public void close() {
        http.close();
    }
}
