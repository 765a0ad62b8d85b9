package dev.sitrep.platform.sitrep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.PlatformKind;
import dev.sitrep.core.TeamLimits;
import dev.sitrep.platform.Capability;
import dev.sitrep.platform.Health;
import dev.sitrep.platform.KillSwitchState;
import dev.sitrep.platform.NamedConnector;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.JsonValues;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A platform that speaks Sitrep's own contract (src/site/markdown/platform-api.md): health, its
 * kill switch, and the change feed the team's consoles sync through (push with idempotency keys,
 * pull by cursor). The bearer token is the profile's secret.
 */
public final class SitrepConnector extends NamedConnector {

    static final String BASE = "/sitrep/v1";
    public static final List<String> STATUS_PATHS = List.of(BASE + "/health", BASE + "/capabilities");
    /** The most changes one push carries (the contract's limit). */
    public static final int MAX_PUSH = 500;
    /** The largest answer read: the most a page of the feed may take, so any page the contract allows is read. */
    public static final long MAX_ANSWER = TeamLimits.PAGE_MAX_BYTES;
    private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.HEALTH, Capability.KILL_SWITCH_STATUS,
            Capability.KILL_SWITCH_HALT, Capability.KILL_SWITCH_RESUME);

    /** One change as pushed: its idempotency key, the entity and its id, the version it was based on, the body. */
    public record Change(String key, String entity, String id, long base, JsonNode body) {
    }

    /** The platform's answer for one key. */
    public record Result(String key, String outcome, long version, JsonNode conflicts, String reason) {
        public boolean taken() {
            return outcome.equals("applied") || outcome.equals("duplicate") || outcome.equals("conflict");
        }
    }

    /**
     * The platform refused a whole push because of one change it will never take as written (an
     * unknown kind, a field over a limit, a base ahead of its version): nothing was applied; that
     * change is set aside and the others are sent again.
     *
     * @param index the change at fault, counted from 0 in the push
     */
    public static final class ChangeRefused extends RuntimeException {
        private final int index;

        ChangeRefused(int index, String reason) {
            super(reason);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** One entry of the change feed: the entity as it stood after one write. */
    public record Entry(long seq, String entity, String id, long version, String origin, JsonNode body) {
    }

    /** A page of the feed and where to go on from. */
    public record Page(List<Entry> changes, String cursor, boolean more) {
    }

    private final JsonHttp http;
    private final Supplier<String> token;
    private final Clock clock;

    public SitrepConnector(String name, JsonHttp http, Supplier<String> token, Clock clock) {
        super(name, PlatformKind.SITREP, CAPABILITIES);
        this.http = http;
        this.token = token;
        this.clock = clock;
    }

    /** The contract's error body: {@code {"error": "..."}}. */
    public static String errorMessage(JsonNode body) {
        return body.path("error").asText("");
    }

    @Override
    public Health health() {
        JsonHttp.Answer answer = http.get(BASE + "/health", auth());
        if (!answer.ok() && answer.status() != 503) {
            throw http.failure(answer);
        }
        String status = answer.json().path("status").asText("");
        String detail = answer.json().path("detail").asText(null);
        Health.Status s = switch (status) {
            case "healthy" -> Health.Status.HEALTHY;
            case "degraded" -> Health.Status.DEGRADED;
            default -> Health.Status.UNHEALTHY;
        };
        return new Health(answer.status() == 503 ? Health.Status.UNHEALTHY : s, null, Map.of(), clock.instant(),
                s == Health.Status.HEALTHY ? null : (detail == null ? status : detail));
    }

    @Override
    public KillSwitchState killSwitchStatus() {
        return state(answerOf(http.get(BASE + "/kill-switch", auth()), false));
    }

    @Override
    public KillSwitchState halt(String reason, String actor) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("reason", reason).put("actor", actor);
        return state(answerOf(http.send("POST", BASE + "/kill-switch/halt", body, auth()), true));
    }

    @Override
    public KillSwitchState resume(String mode, String actor) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("mode", mode == null ? "full" : mode).put("actor", actor);
        return state(answerOf(http.send("POST", BASE + "/kill-switch/resume", body, auth()), true));
    }

    /** Sends changes in order (at most {@link #MAX_PUSH}); answers one result per key, in the same order. */
    public List<Result> push(String origin, List<Change> changes) {
        ObjectNode request = Json.MAPPER.createObjectNode().put("origin", origin);
        ArrayNode list = request.putArray("changes");
        for (Change c : changes) {
            list.addObject().put("key", c.key()).put("entity", c.entity()).put("id", c.id()).put("base", c.base())
                    .set("body", c.body());
        }
        JsonHttp.Answer answer = http.send("POST", BASE + "/changes", request, auth());
        int atFault = answer.status() == 400 ? answer.json().path("change").asInt(0) : 0;
        if (atFault >= 1 && atFault <= changes.size()) {
            throw new ChangeRefused(atFault - 1, http.platformSays(answer.json()));
        }
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        List<Result> results = new ArrayList<>();
        for (JsonNode r : answer.json().path("results")) {
            results.add(new Result(r.path("key").asText(), r.path("outcome").asText(), r.path("version").asLong(),
                    r.path("conflicts"), JsonValues.text(r.path("reason"))));
        }
        if (results.size() != changes.size()) {
            throw PlatformException.unreachable(name(), answer.status(), "the platform answered " + results.size()
                    + " results for " + changes.size() + " changes; nothing was marked as sent, it will be sent again");
        }
        return results;
    }

    /** The changes after {@code cursor} ({@code null}: from the start). */
    public Page pull(String cursor, int limit) {
        String query = "?limit=" + limit + (cursor == null ? "" : "&since=" + URLEncoder.encode(cursor,
                StandardCharsets.UTF_8));
        JsonHttp.Answer answer = http.get(BASE + "/changes" + query, auth());
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : answer.json().path("changes")) {
            entries.add(new Entry(e.path("seq").asLong(), e.path("entity").asText(), e.path("id").asText(),
                    e.path("version").asLong(), e.path("origin").asText(), e.path("body")));
        }
        return new Page(entries, JsonValues.text(answer.json().path("cursor")), answer.json().path("more").asBoolean());
    }

    /** Whether the platform holds the evidence blob with this SHA-256. */
    public boolean hasBlob(String sha256) {
        JsonHttp.Answer answer = http.send("HEAD", BASE + "/blobs/" + sha256, null, auth());
        if (answer.status() == 200 || answer.status() == 404) {
            return answer.status() == 200;
        }
        throw http.failure(answer);
    }

    /** Uploads a blob (the platform checks its SHA-256); false when it is over the platform's limit (413). */
    public boolean putBlob(String sha256, java.nio.file.Path file) {
        JsonHttp.Answer answer = http.sendFile("PUT", BASE + "/blobs/" + sha256, file, auth());
        if (answer.ok()) {
            return true;
        }
        if (answer.status() == 413) {
            return false;
        }
        throw http.failure(answer);
    }

    /** Downloads a blob of at most {@code maxBytes} into {@code sink}; false when the platform has none. */
    public boolean getBlob(String sha256, long maxBytes, JsonHttp.Sink sink) {
        JsonHttp.Answer answer = http.download(BASE + "/blobs/" + sha256, auth(), maxBytes, sink);
        if (answer.status() == 200 || answer.status() == 404) {
            return answer.status() == 200;
        }
        throw http.failure(answer);
    }

    private JsonHttp.Answer answerOf(JsonHttp.Answer answer, boolean conflictIsState) {
        if (answer.ok() || (conflictIsState && answer.status() == 409 && answer.json().has("halted"))) {
            return answer;
        }
        throw http.failure(answer);
    }

    private KillSwitchState state(JsonHttp.Answer answer) {
        JsonNode s = answer.json();
        return new KillSwitchState(name(), s.path("halted").asBoolean(), JsonValues.instant(s.path("since")),
                JsonValues.text(s.path("by")), JsonValues.text(s.path("reason")), clock.instant());
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + token.get());
    }

    @Override
    public void close() {
        http.close();
    }
}
