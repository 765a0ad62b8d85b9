package dev.sitrep.platform;

import dev.sitrep.core.PlatformKind;

import java.util.List;
import java.util.Set;

/**
 * One configured platform, spoken to in its own dialect. A connector declares its capabilities;
 * calling anything else is refused with a message that says what the platform can do. Every call
 * does I/O: never on the FX thread. Failures are {@link PlatformException}s.
 */
public interface PlatformConnector extends AutoCloseable {

    /** The profile name ("pn-prod"). */
    String name();

    PlatformKind kind();

    Set<Capability> capabilities();

    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    default Health health() {
        throw PlatformException.unsupported(name(), kind().key(), Capability.HEALTH);
    }

    default KillSwitchState killSwitchStatus() {
        throw PlatformException.unsupported(name(), kind().key(), Capability.KILL_SWITCH_STATUS);
    }

    /** Halts; answers the state the platform confirms. "Already halted" is a state, not an error. */
    default KillSwitchState halt(String reason, String actor) {
        throw PlatformException.unsupported(name(), kind().key(), Capability.KILL_SWITCH_HALT);
    }

    /** Resumes ({@code mode} is the platform's, e.g. powernode's full or minimal). */
    default KillSwitchState resume(String mode, String actor) {
        throw PlatformException.unsupported(name(), kind().key(), Capability.KILL_SWITCH_RESUME);
    }

    default List<KillSwitchEvent> killSwitchEvents(int limit) {
        throw PlatformException.unsupported(name(), kind().key(), Capability.KILL_SWITCH_EVENTS);
    }

    /** Recent things the platform did (deployments, ...), newest first. */
    default List<PlatformEvent> platformEvents(int limit) {
        throw PlatformException.unsupported(name(), kind().key(), Capability.PLATFORM_EVENTS);
    }

    default RestorePreview restorePreview() {
        throw PlatformException.unsupported(name(), kind().key(), Capability.RESTORE_PREVIEW);
    }

    @Override
    default void close() {
    }
}
