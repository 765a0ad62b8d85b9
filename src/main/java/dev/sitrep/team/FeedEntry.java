package dev.sitrep.team;

import java.nio.charset.StandardCharsets;

/**
 * One entry of a platform's change feed: the entity as it stood after one applied write, kept as
 * its JSON text.
 *
 * @param seq   its place in the feed; a cursor is the last seq a console has seen
 * @param by    who wrote it, where the platform knows people (the hub), else {@code null}
 * @param bytes the most the entry takes in an answer ({@link #bytesOf})
 */
public record FeedEntry(long seq, String entity, String id, long version, String origin, String by, String bodyJson,
                        long bytes) {

    /** The most an entry takes beside its body and its texts: the names, numbers and punctuation. */
    private static final int FRAME_BYTES = 160;

    /** The most an entry with this body and these texts takes in an answer (texts at 6 bytes a character, escaped). */
    public static long bytesOf(String entity, String id, String origin, String by, String bodyJson) {
        return FRAME_BYTES + bodyJson.getBytes(StandardCharsets.UTF_8).length
                + 6L * (entity.length() + id.length() + origin.length() + (by == null ? 0 : by.length()));
    }
}
