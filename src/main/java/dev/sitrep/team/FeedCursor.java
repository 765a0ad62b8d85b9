package dev.sitrep.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a console is in a platform's change feed: the seq of the last entry it read and, from a
 * platform that keeps its feed for good (the hub), a mark of that entry ({@code 412.9f2c01ab44de}).
 * The mark lets the platform see that the history the console read is not the one it holds now
 * (the database restored from an older backup, or failed over to a replica that lacked the latest
 * writes), so the console starts over instead of skipping the writes that took those numbers again.
 * Opaque to consoles, which store it and pass it back.
 *
 * @param mark the entry's mark, or {@code null} (a plain number: the sandbox's, or from before marks)
 */
public record FeedCursor(long seq, String mark) {

    public static final FeedCursor START = new FeedCursor(0, null);

    private static final Pattern FORM = Pattern.compile("(\\d{1,18})(?:\\.([0-9a-f]{12}))?");

    /** {@code since=} as sent: empty or absent is the start. */
    public static FeedCursor parse(String cursor) throws BadRequest {
        if (cursor == null || cursor.isEmpty()) {
            return START;
        }
        Matcher m = FORM.matcher(cursor);
        if (!m.matches()) {
            throw new BadRequest("since=" + dev.sitrep.core.Limits.foreign(cursor, 60) + " is not a cursor of this platform; "
                    + "pass back the \"cursor\" of the last answer, or leave since out to start from the beginning");
        }
        return new FeedCursor(Long.parseLong(m.group(1)), m.group(2));
    }

    /** The cursor after {@code entry}, marked by what the entry is. */
    public static FeedCursor after(FeedEntry entry) {
        return new FeedCursor(entry.seq(), markOf(entry.entity(), entry.id(), entry.version(), entry.origin()));
    }

    /** The first 12 hex digits of the SHA-256 of what an entry is: its kind, id, version and origin. */
    public static String markOf(String entity, String id, long version, String origin) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((entity + "\n" + id + "\n" + version + "\n" + origin)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return mark == null ? Long.toString(seq) : seq + "." + mark;
    }
}
