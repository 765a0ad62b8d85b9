package dev.sitrep.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sitrep.core.Json;
import dev.sitrep.core.TeamLimits;
import dev.sitrep.http.Exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reading requests of the {@code sitrep} contract the same way on every platform that serves it (the sandbox, the hub). */
public final class ContractRequests {

    /** Where the contract lives. */
    public static final String PREFIX = "/sitrep/v1/";

    private ContractRequests() {
    }

    /**
     * The body as JSON (an empty body reads as {}), or a {@link BadRequest} saying why it cannot be
     * read. A body over the contract's push maximum ({@link TeamLimits#PUSH_MAX_BYTES}) is refused.
     */
    public static JsonNode json(Exchange x) throws BadRequest {
        byte[] bytes = x.body();
        if (bytes.length > TeamLimits.PUSH_MAX_BYTES) {
            throw new BadRequest("the body is over " + TeamLimits.PUSH_MAX_BYTES / (1024 * 1024)
                    + " MiB; send fewer changes per request");
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

    /** A push's body, read and checked whole. */
    public static PushRequest push(Exchange x) throws BadRequest {
        return PushRequest.parse(json(x));
    }

    /** The cursor of {@code GET changes?since=}: the start when absent or empty. */
    public static FeedCursor since(Exchange x) throws BadRequest {
        return FeedCursor.parse(query(x).get("since"));
    }

    /** The page size of {@code GET changes?limit=}, at most {@link FeedPage#MAX_PAGE}. */
    public static int limit(Exchange x) throws BadRequest {
        String limit = query(x).get("limit");
        if (limit == null || limit.isEmpty()) {
            return FeedPage.DEFAULT_PAGE;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1) {
                return Math.min(n, FeedPage.MAX_PAGE);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequest("limit=" + limit + " is not a page size; send a whole number from 1 to " + FeedPage.MAX_PAGE);
    }

    /** The path under {@link #PREFIX}, with the method: {@code "GET changes"}. */
    public static String route(Exchange x) {
        return x.method() + " " + x.path().substring(PREFIX.length());
    }

    /** The contract's error body. */
    public static ObjectNode error(String message) {
        return Json.MAPPER.createObjectNode().put("error", message);
    }

    /** A refused request's body: the error and, when one change is at fault, {@code "change"} (counted from 1). */
    public static ObjectNode error(BadRequest refused) {
        ObjectNode body = error(refused.getMessage());
        if (refused.change() > 0) {
            body.put("change", refused.change());
        }
        return body;
    }

    /** The answer to a push: one result per change, in order. */
    public static ObjectNode results(Iterable<PushResult> results) {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        var list = answer.putArray("results");
        for (PushResult result : results) {
            list.add(result.toJson());
        }
        return answer;
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
}
