package dev.sitrep.wall;

/**
 * What a wall window shows: {@link #refresh} reads again (off the UI thread; a failure keeps the
 * last good reading and, after a while, marks the wall stale), {@link #snapshot} gives a page of
 * the last reading. {@link WallModel} reads a workspace's store or a hub's database;
 * {@link HubWallReader} reads a hub's wall over HTTP.
 */
public interface WallPages {

    void refresh();

    /** The wall at {@code page} (1-based, wrapping round) with {@code perPage} rows a page. */
    WallSnapshot snapshot(int page, int perPage);
}
