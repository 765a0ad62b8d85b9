package dev.sitrep.wall;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sitrep.core.Json;
import dev.sitrep.platform.PlatformException;
import dev.sitrep.platform.http.JsonHttp;
import dev.sitrep.platform.http.PlatformUrl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A hub's wall read over HTTP, for the native wall on a machine with no workspace of its own
 * ({@code sitrep wall --hub URL}): each {@link #refresh} takes the whole wall as the hub's
 * {@code GET /wall/snapshot} gives it (the same {@link WallSnapshot} its browser page renders,
 * built by the hub's {@link WallModel}), and {@link #snapshot} cuts the page that fits this
 * screen, with this machine's clock and zone. A hub that stops answering keeps its last wall on
 * screen, marked stale after {@link WallModel#STALE_AFTER}, as a workspace's wall does.
 */
public final class HubWallReader implements WallPages, AutoCloseable {

    /** Where the hub serves its wall as JSON. */
    public static final String PATH = "/wall/snapshot";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    /** One good answer and when it came. */
    private record Got(Instant at, WallSnapshot whole) {
    }

    private final JsonHttp http;
    private final Map<String, String> authorization;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Got last;
    private volatile String lastError;

    private HubWallReader(JsonHttp http, String token, Clock clock, ZoneId zone) {
        this.http = http;
        this.authorization = Map.of("Authorization", "Bearer " + token);
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * A reader of the hub at {@code url} (its base address, https beyond this machine) with a
     * person's {@code token} (a viewer's is enough), trusting {@code caCert} too when given.
     * Reads nothing yet.
     */
    public static HubWallReader of(String url, String token, Path caCert, Clock clock, ZoneId zone) {
        JsonHttp http = new JsonHttp("the hub", PlatformUrl.parse(url), JsonHttp.client(caCert, CALL_TIMEOUT),
                json -> json.path("error").asText(""));
        return new HubWallReader(http, token, clock, zone);
    }

    /** Reads the wall now; a refusal or an unreachable hub is a {@link PlatformException} saying why. */
    public void read() {
        JsonHttp.Answer answer = http.get(PATH, authorization);
        if (!answer.ok()) {
            throw http.failure(answer);
        }
        WallSnapshot whole;
        try {
            whole = Json.MAPPER.treeToValue(answer.json(), WallSnapshot.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage(), e);
        }
        last = new Got(clock.instant(), whole);
        lastError = null;
    }

    private static PlatformException unreadable(String why, Exception e) {
        return PlatformException.unreachable("the hub", "its wall (" + PATH + ") cannot be read (" + why
                + "); is the URL the hub's base address, and is the hub as new as this Sitrep?", e);
    }

    /** Reads the wall now; a failure keeps the last good wall (and starts the stale clock). */
    @Override
    public void refresh() {
        try {
            read();
        } catch (RuntimeException e) {
            lastError = e.getMessage();
        }
    }

    @Override
    public WallSnapshot snapshot(int page, int perPage) {
        Instant now = clock.instant();
        Got g = last;
        if (g == null) {
            return new WallSnapshot(WallTimes.utc(now), WallTimes.local(now, zone), false, lastError == null
                    ? "waiting for the data…" : "no data yet: " + lastError, List.of(), List.of(), List.of(), 0, 1, 1,
                    List.of());
        }
        WallSnapshot w = g.whole();
        String stale = Duration.between(g.at(), now).compareTo(WallModel.STALE_AFTER) > 0
                ? WallTimes.staleSince(g.at(), lastError) : w.stale();
        List<WallSnapshot.Row> all = w.rows();
        int pages = (int) Math.max(1, ((long) all.size() + perPage - 1) / perPage);
        int shown = Math.floorMod(page - 1, pages) + 1;
        List<WallSnapshot.Row> rows = all.subList((shown - 1) * perPage, (int) Math.min(all.size(), (long) shown * perPage));
        return new WallSnapshot(WallTimes.utc(now), WallTimes.local(now, zone), w.drill(), stale, w.halted(),
                w.escalation(), rows, w.activeCount(), shown, pages, w.platforms());
    }

    @Override
    public void close() {
        http.close();
    }
}
