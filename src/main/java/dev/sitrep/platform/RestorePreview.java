package dev.sitrep.platform;

import java.time.Instant;

/** What a full resume would bring back, as the platform previews it. */
public record RestorePreview(int agentsToRestore, int totalAgents, int loopsToResume, int schedulesToResume,
                             Instant snapshotTakenAt) {
}
