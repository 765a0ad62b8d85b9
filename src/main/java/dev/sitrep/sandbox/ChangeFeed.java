package dev.sitrep.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Every write the platform applied, in the order applied, each with the entity as it stood after
 * that write (kept as its JSON text, so later writes cannot change it and a page costs no
 * re-encoding). An entry's {@code seq} is its place in the feed, counted from 1; a cursor is the
 * last seq a console has seen. Not thread-safe: the {@link TeamStore} guards it.
 */
final class ChangeFeed {

    /** The most entries one page holds, and how many when a console does not say. */
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 500;

    record Entry(long seq, String entity, String id, long version, String origin, String bodyJson) {
    }

    /**
     * @param cursor the last seq on this page (or where the page started, when it is empty)
     * @param more   whether entries remain after this page
     */
    record Page(List<Entry> entries, long cursor, boolean more) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void append(String entity, String id, long version, String origin, String bodyJson) {
        entries.add(new Entry(entries.size() + 1, entity, id, version, origin, bodyJson));
    }

    int size() {
        return entries.size();
    }

    /**
     * Up to {@code limit} entries after {@code since}. A cursor past the end cannot come from this
     * feed: it is from before the sandbox restarted and forgot, so the page starts over from the
     * beginning and the console re-applies what it already has (merging by id and field).
     */
    Page page(long since, int limit) {
        int from = since > entries.size() ? 0 : (int) since;
        int to = Math.min(entries.size(), from + limit);
        return new Page(List.copyOf(entries.subList(from, to)), to, to < entries.size());
    }
}
