package dev.sitrep.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.Limits;
import dev.sitrep.http.Exchange;
import dev.sitrep.team.BadRequest;
import dev.sitrep.team.BlobRoutes;
import dev.sitrep.team.ContractRequests;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hub's answers: {@code /healthz} and {@code /readyz} for whoever runs it, and the
 * {@code sitrep} contract under /sitrep/v1/ (platform-api.md) for the people it knows, each by
 * their own token and within their {@link Role}. Everything is read from and written to the
 * database on each request: the hub holds nothing between them.
 */
final class HubRoutes {

    private static final Logger LOG = Logger.getLogger(HubRoutes.class.getName());

    private static final String[] CAPABILITIES = {"health", "kill_switch", "incidents", "timeline", "postmortems",
            "action_items", "changes", "evidence", "audit", "people"};

    private final HubDatabase database;
    private final HubStore store;
    private final People people;

    HubRoutes(HubDatabase database, HubStore store, People people) {
        this.database = database;
        this.store = store;
        this.people = people;
    }

    /**
     * Serves one request; returns the name of the person who made it, or "-", for the access log.
     * While the database cannot be reached the answer is a 503 saying so (and what it said).
     */
    String serve(Exchange x) {
        try {
            return serveOnce(x);
        } catch (SQLException | DatabaseFailure e) {
            SQLException cause = e instanceof DatabaseFailure f ? f.getCause() : (SQLException) e;
            LOG.log(Level.WARNING, "the hub's database failed a request", e);
            x.sendJson(503, ContractRequests.error("database unavailable: the hub cannot reach its database ("
                    + database.shown() + "; it said: " + said(cause) + "). Nothing was applied; consoles keep their "
                    + "changes in their outbox and send them when it is back."));
            return "-";
        }
    }

    private String serveOnce(Exchange x) throws SQLException {
        String path = x.path();
        if (path.equals("/healthz")) {
            x.sendJson(200, Json.MAPPER.createObjectNode().put("status", "alive"));
            return "-";
        }
        if (path.equals("/readyz")) {
            boolean ready = database.ready();
            x.sendJson(ready ? 200 : 503, Json.MAPPER.createObjectNode().put("ready", ready)
                    .put("database", ready ? "reachable, migrations applied" : "unavailable"));
            return "-";
        }
        if (!path.startsWith(ContractRequests.PREFIX)) {
            x.sendJson(404, ContractRequests.error("no such endpoint: " + x.method() + " " + Limits.foreign(path, 200)
                    + "; the hub serves /healthz, /readyz, the wall at /wall?token=... and the sitrep contract under /sitrep/v1/"));
            return "-";
        }
        Person person = authenticate(x);
        if (person == null) {
            return "-";
        }
        contract(x, person);
        return person.name();
    }

    /** What the database or its driver said, for the operator: the SQL state and the first line, cut. */
    private static String said(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return (e.getSQLState() == null ? "" : "SQL state " + e.getSQLState() + ", ")
                + Limits.foreign(HubDatabase.masked(message), 200);
    }

    /** The person the request's token belongs to, or {@code null} after answering 401. */
    private Person authenticate(Exchange x) throws SQLException {
        String header = x.header("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() <= 7) {
            x.sendJson(401, ContractRequests.error("no token: send \"Authorization: Bearer <token>\" with your personal token "
                    + "(a hub admin gives you one: sitrep hub person add NAME --role ROLE)"));
            return null;
        }
        People.Caller caller = people.caller(header.substring(7).strip());
        if (caller instanceof People.Known known) {
            return known.person();
        }
        if (caller instanceof People.Revoked revoked) {
            x.sendJson(401, ContractRequests.error("this token was revoked (" + revoked.name() + "'s, on " + revoked.at()
                    + "); ask a hub admin for a new one: sitrep hub person add " + Limits.quote(revoked.name())));
        } else {
            x.sendJson(401, ContractRequests.error("wrong token: this hub knows no one by it. Check the profile's secret "
                    + "(sitrep platform secret), or ask a hub admin for your token: sitrep hub person add NAME --role ROLE"));
        }
        return null;
    }

    private void contract(Exchange x, Person person) throws SQLException {
        String route = ContractRequests.route(x);
        Role needed = switch (route) {
            case "POST changes", "POST kill-switch/halt" -> Role.RESPONDER;
            case "POST kill-switch/resume" -> Role.COMMANDER;
            default -> route.startsWith("PUT ") ? Role.RESPONDER : Role.VIEWER;
        };
        if (!person.role().mayDo(needed)) {
            x.sendJson(403, ContractRequests.error(route + " needs the " + needed.key() + " role; " + person.name() + " is a "
                    + person.role().key() + ". Ask a hub admin for the role (sitrep hub person revoke, then person add --role "
                    + needed.key() + ")"));
            return;
        }
        if (BlobRoutes.matches(route)) {
            BlobRoutes.serve(x, route, store, person.name());
            return;
        }
        try {
            switch (route) {
                case "GET capabilities" -> x.sendJson(200, capabilities(person));
                case "GET health" -> health(x);
                case "GET kill-switch" -> x.sendJson(200, killSwitch());
                case "POST kill-switch/halt" -> halt(x, person);
                case "POST kill-switch/resume" -> x.sendJson(resumed(x) ? 200 : 409, killSwitch());
                case "POST changes" -> x.sendJson(200, ContractRequests.results(
                        store.push(person, ContractRequests.push(x), HubGate.of(person))));
                case "GET changes" -> x.sendJson(200, store.changes(ContractRequests.since(x), ContractRequests.limit(x)).toJson());
                default -> x.sendJson(404, ContractRequests.error("no such endpoint: " + x.method() + " "
                        + Limits.foreign(x.path(), 200) + "; the sitrep contract's endpoints are in platform-api.md"));
            }
        } catch (BadRequest e) {
            x.sendJson(400, ContractRequests.error(e));
        }
    }

    private static ObjectNode capabilities(Person person) {
        ObjectNode c = Json.MAPPER.createObjectNode().put("contract", "sitrep/1").put("platform", "hub")
                .put("person", person.name()).put("role", person.role().key()).put("blobMaxBytes", HubStore.BLOB_LIMIT);
        ArrayNode list = c.putArray("capabilities");
        for (String capability : CAPABILITIES) {
            list.add(capability);
        }
        return c;
    }

    private void health(Exchange x) {
        boolean ready = database.ready();
        x.sendJson(ready ? 200 : 503, Json.MAPPER.createObjectNode().put("status", ready ? "healthy" : "unhealthy")
                .put("detail", ready ? "database reachable" : "database unavailable"));
    }

    private ObjectNode killSwitch() throws SQLException {
        HubStore.KillSwitch k = store.killSwitch();
        return Json.MAPPER.createObjectNode().put("halted", k.halted())
                .put("since", k.since() == null ? null : k.since().toString()).put("by", k.by()).put("reason", k.reason());
    }

    /** Halts as the person whose token asked, whatever actor the body names. Already halted: 409 with the state. */
    private void halt(Exchange x, Person person) throws SQLException, BadRequest {
        JsonNode body = ContractRequests.json(x);
        String reason = body.path("reason").asText("").strip();
        if (reason.isEmpty()) {
            x.sendJson(422, ContractRequests.error("a halt needs a reason: send {\"reason\": \"...\", \"actor\": \"...\"}"));
            return;
        }
        if (reason.length() > Limits.REASON_MAX) {
            x.sendJson(400, ContractRequests.error("the reason is " + reason.length() + " characters; the limit is "
                    + Limits.REASON_MAX));
            return;
        }
        x.sendJson(store.halt(reason, person) ? 200 : 409, killSwitch());
    }

    private boolean resumed(Exchange x) throws SQLException, BadRequest {
        ContractRequests.json(x);
        return store.resume();
    }
}
