package dev.sitrep.core;

import java.util.List;

/**
 * The store's log of committed changes, as a reader sees it: every committed transaction appends
 * one entry per changed entity, numbered in order. A reader keeps the last number it saw and asks
 * for what came after.
 */
public interface ChangeLog {

    /** One committed change. */
    record Entry(long seq, String entity, String entityId) {
    }

    /** The sequence of the newest change, 0 when nothing has changed yet. */
    long latest();

    /** Changes after {@code seq}, oldest first, at most {@code limit}. */
    List<Entry> since(long seq, int limit);
}
