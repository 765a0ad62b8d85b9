package dev.sitrep.wall;

import java.time.Instant;

/**
 * Where the wall's facts come from: a workspace's store ({@link StoreWallSource}) or a team hub's
 * database (the hub's own source). Called off any UI thread, one call at a time.
 */
@FunctionalInterface
public interface WallSource {

    /** Reads everything the wall shows, as of {@code now}; a failure is any runtime exception (the wall goes stale). */
    WallData read(Instant now);
}
