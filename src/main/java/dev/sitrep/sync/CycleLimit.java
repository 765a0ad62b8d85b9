package dev.sitrep.sync;

import dev.sitrep.core.TimeFormat;
import dev.sitrep.platform.PlatformException;

import java.util.function.IntSupplier;

/**
 * One team sync cycle's {@link TeamSync.Bounds} as it runs: the time since it started, the pushes
 * sent and the pages read. Reaching one ends the cycle with an error that names the platform and
 * the bound; what was pushed and pulled stays done, and the next cycle goes on from there.
 */
final class CycleLimit {

    private final String platform;
    private final TeamSync.Bounds bounds;
    private final long started = System.nanoTime();
    private int pushes;
    private int pages;

    CycleLimit(String platform, TeamSync.Bounds bounds) {
        this.platform = platform;
        this.bounds = bounds;
    }

    /** Before each push; {@code waiting} counts what still waits, for the message. */
    void beforePush(IntSupplier waiting) {
        if (pushes == bounds.pushes() || timeUp()) {
            throw stopped((pushes == bounds.pushes() ? "after " + pushes + " pushes (the most one sync sends)" : timeSpent())
                    + "; " + waiting.getAsInt() + " changes still wait and go with the next sync");
        }
        pushes++;
    }

    /** Before each page of the feed. */
    void beforePage() {
        if (pages == bounds.pages() || timeUp()) {
            throw stopped((pages == bounds.pages() ? "after " + pages + " pages (the most one sync reads)" : timeSpent())
                    + " with more of the feed to read; the next sync reads on from there");
        }
        pages++;
    }

    private boolean timeUp() {
        return System.nanoTime() - started >= bounds.time().toNanos();
    }

    private String timeSpent() {
        return "after " + TimeFormat.elapsed(bounds.time()) + " (the longest one sync takes)";
    }

    private PlatformException stopped(String why) {
        return PlatformException.unreachable(platform, "this sync stopped " + why + ".", null);
    }
}
