package dev.sitrep.core;

import java.time.Instant;

/** What waits to go out to one team platform: how many changes, since when, and how many were refused for good. */
public record SyncBacklog(int pending, Instant oldest, int rejected) {
}
