package dev.sitrep.platform;

import java.time.Instant;

/** One halt or resume in a platform's own history. */
public record KillSwitchEvent(String id, String type, String reason, String by, String impact, String resumeMode,
                              Instant at) {
}
