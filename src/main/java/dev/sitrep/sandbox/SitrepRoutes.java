package dev.sitrep.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.http.Exchange;
import dev.sitrep.team.BadRequest;
import dev.sitrep.team.BlobRoutes;
import dev.sitrep.team.ContractRequests;

import static dev.sitrep.sandbox.SandboxServer.send;

/**
 * The sandbox's side of the {@code sitrep} contract (platform-api.md): reads the requests under
 * /sitrep/v1/ and answers them. The shared incidents live in the {@link TeamStore}; health and the
 * kill switch are the sandbox's own, so its Powernode view and this one always agree.
 */
final class SitrepRoutes {

    static final String PREFIX = ContractRequests.PREFIX;

    private static final String[] CAPABILITIES = {"health", "kill_switch", "incidents", "timeline", "postmortems",
            "action_items", "changes", "evidence", "audit"};

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
        if (BlobRoutes.matches(ContractRequests.route(x))) {
            BlobRoutes.serve(x, ContractRequests.route(x), team, null);
            return;
        }
        try {
            switch (ContractRequests.route(x)) {
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
            send(x, 400, ContractRequests.error(e));
        }
    }

    private static boolean authorized(Exchange x) {
        return ("Bearer " + SandboxServer.TEAM_TOKEN).equals(x.header("Authorization"));
    }

    private static ObjectNode capabilities() {
        ObjectNode c = Json.MAPPER.createObjectNode().put("contract", "sitrep/1").put("platform", "sandbox")
                .put("blobMaxBytes", TeamStore.BLOB_LIMIT);
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
        JsonNode body = ContractRequests.json(x);
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
        JsonNode body = ContractRequests.json(x);
        String mode = body.path("mode").asText("full").strip();
        String actor = body.path("actor").asText("").strip();
        if (actor.isEmpty()) {
            send(x, 422, error("a resume needs an actor: send {\"mode\": \"full\", \"actor\": \"...\"}"));
            return;
        }
        send(x, sandbox.resumeFor(mode, actor) ? 200 : 409, killSwitch());
    }

    private void push(Exchange x) throws BadRequest {
        send(x, 200, ContractRequests.results(team.push(ContractRequests.push(x))));
    }

    private void pull(Exchange x) throws BadRequest {
        send(x, 200, team.changes(ContractRequests.since(x), ContractRequests.limit(x)).toJson());
    }

    private static ObjectNode error(String message) {
        return ContractRequests.error(message);
    }
}
