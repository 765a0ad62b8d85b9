package dev.sitrep.sandbox;

import dev.sitrep.core.TeamLimits;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every write the platform applied, in the order applied, each with the entity as it stood after
 * that write (kept as its JSON text, so later writes cannot change it and a page costs no
 * re-encoding). An entry's {@code seq} is its place in the feed, counted from 1; a cursor is the
 * last seq a console has seen. A page is cut by count and by bytes, so its answer stays within
 * {@link TeamLimits#PAGE_MAX_BYTES}; it always holds one entry (the field limits keep one entry
 * well within a page). Not thread-safe: the {@link TeamStore} guards it.
 */
final class ChangeFeed {

    /** The most entries one page holds, and how many when a console does not say. */
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 500;
    /** A page's entries at most: its answer less the frame around them ({"changes": [...], "cursor", "more"}). */
    private static final long PAGE_ENTRY_BYTES = TeamLimits.PAGE_MAX_BYTES - 1024;
    /** The most an entry takes beside its body and its texts: the names, numbers and punctuation. */
    private static final int ENTRY_FRAME_BYTES = 128;

    /** @param bytes the most the entry takes in an answer */
    record Entry(long seq, String entity, String id, long version, String origin, String bodyJson, long bytes) {
    }

    /**
     * @param cursor the last seq on this page (or where the page started, when it is empty)
     * @param more   whether entries remain after this page
     */
    record Page(List<Entry> entries, long cursor, boolean more) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void append(String entity, String id, long version, String origin, String bodyJson) {
        long bytes = ENTRY_FRAME_BYTES + utf8(bodyJson) + 6L * (entity.length() + id.length() + origin.length());
        entries.add(new Entry(entries.size() + 1, entity, id, version, origin, bodyJson, bytes));
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    int size() {
        return entries.size();
    }

    /**
     * Up to {@code limit} entries after {@code since}, as many as fit in a page's bytes and at
     * least one. A cursor past the end cannot come from this feed: it is from before the sandbox
     * restarted and forgot, so the page starts over from the beginning and the console re-applies
     * what it already has (merging by id and field).
     */
    Page page(long since, int limit) {
        int from = since > entries.size() ? 0 : (int) since;
        int end = Math.min(entries.size(), from + limit);
        int to = from;
        long bytes = 0;
        while (to < end && (to == from || bytes + entries.get(to).bytes() <= PAGE_ENTRY_BYTES)) {
            bytes += entries.get(to).bytes();
            to++;
        }
        return new Page(List.copyOf(entries.subList(from, to)), to, to < entries.size());
    }
}
