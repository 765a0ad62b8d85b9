package dev.sitrep.ui.common;

import dev.sitrep.core.ChangeLog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Watches the store's change log (written by this window, the CLI, the wall or any other
 * process) and tells listeners on the FX thread which entities changed. {@link #poll()} is cheap
 * when nothing changed: one index lookup.
 */
public final class ChangePoller {

    /** What changed since the last poll: incident ids, platform names, and whether any setting changed. */
    public record Changes(Set<String> incidents, boolean settings, Set<String> platforms) {

        public Changes(Set<String> incidents, boolean settings) {
            this(incidents, settings, Set.of());
        }
    }

    private static final int BATCH = 500;

    private final ChangeLog feed;
    private final UiExecutor fx;
    private final List<Consumer<Changes>> listeners = new CopyOnWriteArrayList<>();
    private volatile long seen;

    /**
     * @param seenUpTo the change sequence already reflected on screen (read off the FX thread,
     *                 before the views load), so nothing committed after it is missed
     */
    public ChangePoller(ChangeLog feed, UiExecutor fx, long seenUpTo) {
        this.feed = feed;
        this.fx = fx;
        this.seen = seenUpTo;
    }

    public void addListener(Consumer<Changes> listener) {
        listeners.add(listener);
    }

    /** Reads what changed since the last call and notifies listeners; call from a background thread. */
    public void poll() {
        long latest = feed.latest();
        if (latest == seen) {
            return;
        }
        Set<String> incidents = new LinkedHashSet<>();
        Set<String> platforms = new LinkedHashSet<>();
        boolean settings = false;
        long from = seen;
        List<ChangeLog.Entry> entries;
        do {
            entries = feed.since(from, BATCH);
            for (ChangeLog.Entry e : entries) {
                switch (e.entity()) {
                    case "setting" -> settings = true;
                    case "platform", "outbox" -> platforms.add(e.entityId());
                    default -> incidents.add(e.entityId());
                }
                from = e.seq();
            }
        } while (entries.size() == BATCH);
        seen = from;
        Changes changes = new Changes(Set.copyOf(incidents), settings, Set.copyOf(platforms));
        List<Consumer<Changes>> now = new ArrayList<>(listeners);
        fx.onFxThread(() -> now.forEach(l -> l.accept(changes)));
    }
}
