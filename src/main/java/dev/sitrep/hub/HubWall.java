package dev.sitrep.hub;

import dev.sitrep.core.Json;
import dev.sitrep.http.Answers;
import dev.sitrep.wall.WallModel;
import dev.sitrep.wall.web.WallEndpoints;
import dev.sitrep.wall.web.WallFeed;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The browser wall from the hub's own data, so the war room's TV needs no laptop: the same page as
 * {@code sitrep wall --serve} ({@link WallEndpoints}) at {@value #MOUNT}, its event stream at
 * {@code /wall/events}, the whole wall as JSON at {@code /wall/snapshot} (what
 * {@code sitrep wall --hub} reads) and {@code /wall/healthz}. Every request needs the token of a
 * person the hub knows, of any role (a viewer's is enough): as {@code ?token=}, for a TV's browser
 * that cannot set a header (the page carries it on to its event stream; it never appears in the
 * page), or as {@code Authorization: Bearer}. The wall's model reads the hub's change feed
 * ({@link HubWallSource}) from the first wall request on, polling the feed's newest seq once per
 * {@link WallFeed#TICK} for every wall this process serves; the database stays the only state.
 */
final class HubWall implements AutoCloseable {

    static final String MOUNT = "/wall";
    /** Walls open on one hub process at once; more get 503. A war room has a few screens. */
    static final int MAX_STREAMS = 100;

    private static final Logger LOG = Logger.getLogger(HubWall.class.getName());

    private final HubStore store;
    private final People people;
    private final Clock clock;
    private final ZoneId zone;
    private WallEndpoints endpoints;
    private boolean closed;

    HubWall(HubStore store, People people, Clock clock, ZoneId zone) {
        this.store = store;
        this.people = people;
        this.clock = clock;
        this.zone = zone;
    }

    static boolean isWall(String path) {
        return path.equals(MOUNT) || path.startsWith(MOUNT + "/");
    }

    /** Answers one request under {@value #MOUNT}; returns who made it, or "-", for the access log. */
    String serve(Request request, Response response, Callback callback) {
        WallEndpoints.protect(response);
        String path = request.getHttpURI().getDecodedPath();
        String part = path.equals(MOUNT) ? WallEndpoints.PAGE : path.substring(MOUNT.length());
        boolean json = part.equals(WallEndpoints.SNAPSHOT);
        People.Caller caller;
        try {
            caller = people.caller(token(request));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "the hub's database failed a wall request", e);
            refuse(response, callback, 503, json, "The hub cannot reach its database; the wall comes back when it does.");
            return "-";
        }
        if (!(caller instanceof People.Known known)) {
            refuse(response, callback, 401, json, refusal(caller, token(request).isEmpty(), json));
            return "-";
        }
        if (!"GET".equals(request.getMethod())) {
            response.getHeaders().put("Allow", "GET");
            refuse(response, callback, 405, json, "The wall is read-only: only GET.");
            return known.person().name();
        }
        WallEndpoints wall = endpoints();
        if (wall == null) {
            refuse(response, callback, 503, json, "The hub is stopping; the wall comes back when it is running again.");
        } else if (!wall.serve(part, request, response, callback)) {
            refuse(response, callback, 404, json, "Not here: the wall is at " + MOUNT + "?token=YOUR-TOKEN.");
        }
        return known.person().name();
    }

    /** The token as {@code ?token=} or {@code Authorization: Bearer}; "" when there is none. */
    private static String token(Request request) {
        String header = request.getHeaders().get("Authorization");
        if (header != null && header.startsWith("Bearer ") && header.length() > 7) {
            return header.substring(7).strip();
        }
        String query = request.getHttpURI().getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("token=")) {
                    try {
                        return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8).strip();
                    } catch (IllegalArgumentException badEscape) {
                        return "";
                    }
                }
            }
        }
        return "";
    }

    /** What to do, in a browser's terms or a program's ({@code json}), never echoing the token given. */
    private static String refusal(People.Caller caller, boolean none, boolean json) {
        String give = json ? "Send a token of someone this hub knows as \"Authorization: Bearer <token>\""
                : "Open " + MOUNT + "?token=YOUR-TOKEN";
        if (caller instanceof People.Revoked revoked) {
            return "This token was revoked (" + revoked.name() + "'s, on " + revoked.at() + "). Ask a hub admin for a "
                    + "new one (sitrep hub person add NAME --role viewer). " + give.replace("YOUR-TOKEN", "NEW-TOKEN") + ".";
        }
        return (none ? "The wall needs a token of someone this hub knows." : "Wrong token: this hub knows no one by it.")
                + " " + give + " (a viewer's token is enough; a hub admin makes one for the war-room screen: "
                + "sitrep hub person add war-room-tv --role viewer).";
    }

    private static void refuse(Response response, Callback callback, int status, boolean json, String message) {
        if (json) {
            Answers.send(response, callback, status, "application/json; charset=utf-8",
                    Json.write(Json.MAPPER.createObjectNode().put("error", message)));
        } else {
            Answers.send(response, callback, status, "text/plain; charset=utf-8", message + "\n");
        }
    }

    /** The wall's feed and streams, started by the first wall request; {@code null} once closed. */
    private synchronized WallEndpoints endpoints() {
        if (endpoints == null && !closed) {
            WallModel model = new WallModel(new HubWallSource(store), clock, zone);
            endpoints = new WallEndpoints(new WallFeed(model, this::latestSeq), MAX_STREAMS);
        }
        return endpoints;
    }

    private long latestSeq() {
        try {
            return store.latestSeq();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    /** Walls open on this process now. */
    synchronized int openStreams() {
        return endpoints == null ? 0 : endpoints.openStreams();
    }

    /** Ends every wall's stream and stops reading. */
    @Override
    public void close() {
        WallEndpoints wall;
        synchronized (this) {
            closed = true;
            wall = endpoints;
        }
        if (wall != null) {
            wall.close();
        }
    }
}
