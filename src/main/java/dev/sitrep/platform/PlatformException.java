package dev.sitrep.platform;

import dev.sitrep.core.SitrepException;

/**
 * A platform said no (exit 3, with the platform's own words) or could not be reached or
 * understood (exit 4). Messages name the platform and, where one helps, the fix.
 */
public final class PlatformException extends SitrepException {

    private final int httpStatus;
    private final KillSwitchState after;

    private PlatformException(Kind kind, String message, int httpStatus, Throwable cause) {
        this(kind, message, httpStatus, cause, null);
    }

    private PlatformException(Kind kind, String message, int httpStatus, Throwable cause, KillSwitchState after) {
        super(kind, message, cause);
        this.httpStatus = httpStatus;
        this.after = after;
    }

    /** The platform refused: 401, 403, 409 (not "already"), 422, or a refusal of its own. */
    public static PlatformException refused(String platform, int status, String platformMessage) {
        return new PlatformException(Kind.PLATFORM_REFUSED, platform + " refused (HTTP " + status + "): " + platformMessage,
                status, null);
    }

    /** The platform refused in words that are not an HTTP answer (a 2FA prompt, a missing flag table). */
    public static PlatformException refused(String platform, String message) {
        return new PlatformException(Kind.PLATFORM_REFUSED, platform + ": " + message, 0, null);
    }

    /** Unreachable, timed out, a 5xx, or an answer that cannot be read. */
    public static PlatformException unreachable(String platform, String detail, Throwable cause) {
        return new PlatformException(Kind.PLATFORM_UNREACHABLE, platform + " is unreachable or answered badly: " + detail,
                0, cause);
    }

    public static PlatformException unreachable(String platform, int status, String detail) {
        return new PlatformException(Kind.PLATFORM_UNREACHABLE, platform + " answered HTTP " + status + ": " + detail,
                status, null);
    }

    /** The connector does not offer this; says what the platform can do instead. */
    public static SitrepException unsupported(String platform, String kind, Capability capability) {
        return SitrepException.invalid(platform + " (" + kind + ") does not support " + capability.label()
                + "; 'sitrep platform test " + platform + "' lists what it can do.");
    }

    /**
     * This failure, with the kill-switch state the connector read after acting (so1 reads its flags
     * back): what was changed and what not is then known, not guessed.
     */
    public PlatformException leaving(KillSwitchState state) {
        return new PlatformException(kind(), getMessage(), httpStatus, getCause(), state);
    }

    /** The kill-switch state the failed attempt left, when the connector read it; {@code null} otherwise. */
    public KillSwitchState after() {
        return after;
    }

    /** The HTTP status behind this failure, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }
}
