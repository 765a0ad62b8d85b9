package dev.sitrep.sandbox;

import dev.sitrep.team.FeedCursor;
import dev.sitrep.team.FeedEntry;
import dev.sitrep.team.FeedPage;

import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's change feed, in memory: every write it applied, in the order applied, each with the
 * entity as it stood after that write (kept as its JSON text, so later writes cannot change it and
 * a page costs no re-encoding). Not thread-safe: the {@link TeamStore} guards it.
 */
final class ChangeFeed {

    private final List<FeedEntry> entries = new ArrayList<>();

    void append(String entity, String id, long version, String origin, String bodyJson) {
        entries.add(new FeedEntry(entries.size() + 1, entity, id, version, origin, null, bodyJson,
                FeedEntry.bytesOf(entity, id, origin, null, bodyJson)));
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
    FeedPage page(FeedCursor since, int limit) {
        int from = since.seq() > entries.size() ? 0 : (int) since.seq();
        List<FeedEntry> candidates = entries.subList(from, Math.min(entries.size(), from + limit));
        int to = from + FeedPage.fitting(candidates.stream().map(FeedEntry::bytes).toList());
        return new FeedPage(List.copyOf(entries.subList(from, to)), new FeedCursor(to, null), to < entries.size());
    }
}
