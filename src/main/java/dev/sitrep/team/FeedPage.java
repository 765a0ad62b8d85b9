package dev.sitrep.team;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.sitrep.core.Json;
import dev.sitrep.core.TeamLimits;

import java.util.List;

/**
 * One answer to {@code GET /sitrep/v1/changes}: entries in feed order, cut by count and by bytes so
 * the answer stays within {@link TeamLimits#PAGE_MAX_BYTES}, and always at least one entry when any
 * remain (the field limits keep one entry well within a page).
 *
 * @param cursor after the last entry on this page (or where the page started, when it is empty)
 * @param more   whether entries remain after this page
 */
public record FeedPage(List<FeedEntry> entries, FeedCursor cursor, boolean more) {

    /** The most entries one page holds, and how many when a console does not say. */
    public static final int MAX_PAGE = 1000;
    public static final int DEFAULT_PAGE = 500;
    /** A page's entries at most: its answer less the frame around them ({"changes": [...], "cursor", "more"}). */
    private static final long ENTRY_BYTES = TeamLimits.PAGE_MAX_BYTES - 1024;

    /**
     * How many of {@code candidates} (in feed order, their {@link FeedEntry#bytes} known) one page
     * takes: as many as fit, at least one.
     */
    public static int fitting(List<Long> candidateBytes) {
        int n = 0;
        long bytes = 0;
        while (n < candidateBytes.size() && (n == 0 || bytes + candidateBytes.get(n) <= ENTRY_BYTES)) {
            bytes += candidateBytes.get(n);
            n++;
        }
        return n;
    }

    /** The contract's answer: {@code {"changes": [...], "cursor": "...", "more": ...}}. */
    public ObjectNode toJson() {
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode changes = answer.putArray("changes");
        for (FeedEntry e : entries) {
            ObjectNode entry = changes.addObject().put("seq", e.seq()).put("entity", e.entity()).put("id", e.id())
                    .put("version", e.version()).put("origin", e.origin());
            if (e.by() != null) {
                entry.put("by", e.by());
            }
            entry.putRawValue("body", new RawValue(e.bodyJson()));
        }
        answer.put("cursor", cursor.toString()).put("more", more);
        return answer;
    }
}
