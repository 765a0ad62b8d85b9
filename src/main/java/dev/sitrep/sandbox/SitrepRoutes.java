package dev.sitrep.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.sitrep.core.Json;
import dev.sitrep.core.TeamLimits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static dev.sitrep.sandbox.SandboxServer.send;

/**
 * The sandbox's side of the {@code sitrep} contract (platform-api.md): reads the requests under
 * /sitrep/v1/ and answers them. The shared incidents live in the {@link TeamStore}; health and the
 * kill switch are the sandbox's own, so its Powernode view and this one always agree.
 */
final class SitrepRoutes {

    static final String PREFIX = "/sitrep/v1/";

    /** The largest body the sitrep routes take: the contract's most for a push (the server's own bound is larger). */
    private static final int MAX_BODY_BYTES = TeamLimits.PUSH_MAX_BYTES;

    private static final String[] CAPABILITIES = {"health", "kill_switch", "incidents", "timeline", "postmortems",
            "action_items", "changes"};

    private final SandboxServer sandbox;
    private final TeamStore team;

    SitrepRoutes(SandboxServer sandbox, TeamStore team) {
        this.sandbox = sandbox;
        this.team = team;
    }

    void route(Exchange x) {
        if (!authorized(x)) {
            send(x, 401, error("missing or wrong token: send \"Authorization: Bearer <token>\" with the platform's token "
                    + "(the sandbox's is in sandbox.md)"));
            return;
        }
        String method = x.method();
        String path = x.path();
        try {
            switch (method + " " + path.substring(PREFIX.length())) {
                case "GET capabilities" -> send(x, 200, capabilities());
                case "GET health" -> health(x);
                case "GET kill-switch" -> send(x, 200, killSwitch());
                case "POST kill-switch/halt" -> halt(x);
                case "POST kill-switch/resume" -> resume(x);
                case "POST changes" -> push(x);
                case "GET changes" -> pull(x);
                default -> send(x, 404, error("no such endpoint: " + method + " " + path
                        + "; the sitrep contract's endpoints are in platform-api.md"));
            }
        } catch (BadRequest e) {
            send(x, 400, error(e.getMessage()));
        }
    }

    private static boolean authorized(Exchange x) {
        return ("Bearer " + SandboxServer.TEAM_TOKEN).equals(x.header("Authorization"));
    }

    private static ObjectNode capabilities() {
        ObjectNode c = Json.MAPPER.createObjectNode().put("contract", "sitrep/1").put("platform", "sandbox");
        ArrayNode list = c.putArray("capabilities");
        for (String capability : CAPABILITIES) {
            list.add(capability);
        }
        return c;
    }

    private void health(Exchange x) {
        String status = sandbox.healthStatus();
        String detail = switch (status) {
            case "healthy" -> "all checks pass";
            case "degraded" -> "memory runs high";
            default -> "database down";
        };
        send(x, status.equals("unhealthy") ? 503 : 200, Json.MAPPER.createObjectNode().put("status", status).put("detail", detail));
    }

    private ObjectNode killSwitch() {
        SandboxServer.Halt halt = sandbox.haltInForce();
        return Json.MAPPER.createObjectNode().put("halted", halt != null)
                .put("since", halt == null ? null : halt.since().toString())
                .put("by", halt == null ? null : halt.by())
                .put("reason", halt == null ? null : halt.reason());
    }

    /** Already halted: 409 with the state, which a console shows as halted rather than as an error. */
    private void halt(Exchange x) throws BadRequest {
        JsonNode body = readJson(x);
        String reason = body.path("reason").asText("").strip();
        String actor = body.path("actor").asText("").strip();
        if (reason.isEmpty() || actor.isEmpty()) {
            send(x, 422, error("a halt needs a reason and an actor: send {\"reason\": \"...\", \"actor\": \"...\"}"));
            return;
        }
        send(x, sandbox.haltFor(reason, actor) ? 200 : 409, killSwitch());
    }

    /** Not halted: 409 with the state. */
    private void resume(Exchange x) throws BadRequest {
        JsonNode body = readJson(x);
        String mode = body.path("mode").asText("full").strip();
        String actor = body.path("actor").asText("").strip();
        if (actor.isEmpty()) {
            send(x, 422, error("a resume needs an actor: send {\"mode\": \"full\", \"actor\": \"...\"}"));
            return;
        }
        send(x, sandbox.resumeFor(mode, actor) ? 200 : 409, killSwitch());
    }

    private void push(Exchange x) throws BadRequest {
        PushRequest request = PushRequest.parse(readJson(x));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (PushResult result : team.push(request)) {
            results.add(result.toJson());
        }
        send(x, 200, answer);
    }

    private void pull(Exchange x) throws BadRequest {
        Map<String, String> query = query(x);
        ChangeFeed.Page page = team.changes(since(query.get("since")), limit(query.get("limit")));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode changes = answer.putArray("changes");
        for (ChangeFeed.Entry e : page.entries()) {
            changes.addObject().put("seq", e.seq()).put("entity", e.entity()).put("id", e.id()).put("version", e.version())
                    .put("origin", e.origin()).putRawValue("body", new RawValue(e.bodyJson()));
        }
        answer.put("cursor", Long.toString(page.cursor())).put("more", page.more());
        send(x, 200, answer);
    }

    private static long since(String cursor) throws BadRequest {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            long since = Long.parseLong(cursor);
            if (since >= 0) {
                return since;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("since=" + cursor + " is not a cursor of this platform; pass back the \"cursor\" of the "
                + "last answer, or leave since out to start from the beginning");
    }

    private static int limit(String limit) throws BadRequest {
        if (limit == null || limit.isEmpty()) {
            return ChangeFeed.DEFAULT_PAGE;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1) {
                return Math.min(n, ChangeFeed.MAX_PAGE);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("limit=" + limit + " is not a page size; send a whole number from 1 to " + ChangeFeed.MAX_PAGE);
    }

    /**
     * The body as JSON (an empty body reads as {}), or a {@link BadRequest} saying why it cannot be
     * read. A body over {@link SandboxServer#MAX_BODY_BYTES} never gets here: the server answers 413; one over
     * the contract's push maximum is refused here.
     */
    private static JsonNode readJson(Exchange x) throws BadRequest {
        byte[] bytes = x.body();
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadRequest("the body is over " + MAX_BODY_BYTES / (1024 * 1024) + " MiB; send fewer changes per request");
        }
        if (bytes.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not JSON (" + e.getOriginalMessage() + "); send UTF-8 JSON as platform-api.md shows");
        } catch (IOException e) {
            throw new UncheckedIOException("reading bytes in memory failed", e);
        }
    }

    private static Map<String, String> query(Exchange x) {
        Map<String, String> params = new HashMap<>();
        String raw = x.rawQuery();
        if (raw != null) {
            for (String part : raw.split("&")) {
                String[] kv = part.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static ObjectNode error(String message) {
        return Json.MAPPER.createObjectNode().put("error", message);
    }
}
